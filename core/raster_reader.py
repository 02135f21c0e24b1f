"""Reading ordinary image files (JPEG, PNG, BMP, TIFF, GIF) into 8-bit grayscale with Pillow.

Photos of radiographs arrive from phones and scanners as much as from X-ray units, so the reader
accepts what those produce (EXIF-rotated JPEGs, palette and alpha PNGs, 16-bit PNG/TIFF, CMYK
JPEGs) and reduces everything to one thing: upright, 8-bit, grayscale pixels.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, ImageOps

from core.decoded import (
    MAX_PIXELS,
    DecodedImage,
    reduce_image,
    reduction_factor,
    stretch_to_uint8,
    too_large_reason,
)
from core.errors import UnreadableImage

#: The formats Pillow may open. A closed list, because some Pillow plugins run external programs
#: (EPS calls Ghostscript) or parse formats no X-ray workflow produces.
RASTER_FORMATS = ("JPEG", "PNG", "BMP", "TIFF", "GIF")

#: Pillow's own decompression-bomb check uses this global; ours makes it the app's limit.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: The reason given for files that are no image at all (text, HTML, random bytes, ...).
NOT_AN_IMAGE = "it is not an image in a supported format (JPEG, PNG, BMP, TIFF, GIF or DICOM)"

_DEEP_MODES = ("I", "I;16", "I;16L", "I;16B", "I;16N", "F")
_JPEG_DRAFT_SCALES = (8, 4, 2)  # the reductions libjpeg can decode directly
_TURNING_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_GREY_MODES = ("1", "L", "LA", "La", *_DEEP_MODES)
#: Colour is judged on a thumbnail of at most this many pixels a side: enough to tell a photo.
_COLOUR_PROBE_SIDE = 96
#: A pixel is strongly coloured when its colour lies this far (in 0-255 RGB units) from the
#: image's own dominant tint. Measuring from the tint rather than from grey lets a radiograph
#: photographed on a bluish lightbox or scanned in sepia count as grey, as it is.
STRONG_COLOUR = 40.0


def read_raster(path: Path, min_side: int | None) -> DecodedImage:
    """Read a JPEG, PNG, BMP, TIFF or GIF file into upright 8-bit grayscale.

    Large images are reduced by the largest power of two that keeps both sides >= `min_side`
    (`None`: full size); JPEGs are decoded at that reduced size directly, which is several times
    faster than decoding in full and shrinking. Multi-page and animated files give their first
    frame. `original_size` is the upright size before reduction. Callers check that the file
    exists and is not empty first (`core.image_reader.read_image` does).

    Raises:
        UnreadableImage: not an image in these formats, damaged, truncated, or over `MAX_PIXELS`.
    """
    with warnings.catch_warnings():
        # Pillow only *warns* between MAX_IMAGE_PIXELS and twice that; here it must refuse.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open(path) as image:
            try:
                return _decode(image, path, min_side)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise UnreadableImage(path, too_large_reason(image.size)) from exc
            except (OSError, SyntaxError, ValueError, EOFError) as exc:
                # Truncated data raises OSError; bad chunks and checksums SyntaxError.
                raise UnreadableImage(
                    path, f"the {_format_of(image)} data is damaged or incomplete"
                ) from exc


def _open(path: Path) -> Image.Image:
    """Open `path` lazily (header only), turning Pillow's refusals into `UnreadableImage`."""
    try:
        return Image.open(path, formats=RASTER_FORMATS)
    except Image.UnidentifiedImageError as exc:
        raise UnreadableImage(path, NOT_AN_IMAGE) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(path, too_large_reason(None)) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadableImage(path, "the image header is damaged") from exc


def _decode(image: Image.Image, path: Path, min_side: int | None) -> DecodedImage:
    width, height = image.size
    # Also holds where the warning filter above does not: `catch_warnings` is process-wide, so a
    # thread reading at the same time may reset it, and code elsewhere may relax Pillow's limit.
    if width * height > MAX_PIXELS:
        raise UnreadableImage(path, too_large_reason((width, height)))
    turned = image.getexif().get(ExifTags.Base.Orientation) in _TURNING_ORIENTATIONS
    factor = reduction_factor(image.size, min_side)
    remaining = factor // _draft(image, factor)
    ImageOps.exif_transpose(image, in_place=True)
    gray = reduce_image(_to_gray(image), remaining)
    return DecodedImage(
        pixels=np.asarray(gray, dtype=np.uint8),
        source_format=_format_of(image),
        original_size=(height, width) if turned else (width, height),
        colour_share=_colour_share(image),
    )


def _colour_share(image: Image.Image) -> float:
    """Share of strongly coloured pixels (see `STRONG_COLOUR`) in a small copy of `image`.

    A one-tint image (grey, sepia, blue) has every pixel on one line through black in RGB space;
    the distance of each pixel from that line is how much colour it has beyond the tint.
    """
    if image.mode in _GREY_MODES:
        return 0.0
    scale = max(1, max(image.size) // _COLOUR_PROBE_SIDE)
    probe = image.resize(
        (max(1, image.width // scale), max(1, image.height // scale)), Image.Resampling.NEAREST
    )
    rgb = np.asarray(probe.convert("RGB"), dtype=np.float32).reshape(-1, 3)
    tint = rgb.sum(axis=0)
    norm = float(np.linalg.norm(tint))
    tint = tint / norm if norm > 0 else np.full(3, 3**-0.5, dtype=np.float32)
    off_tint = rgb - np.outer(rgb @ tint, tint)
    return float(np.mean(np.linalg.norm(off_tint, axis=1) > STRONG_COLOUR))


def _draft(image: Image.Image, factor: int) -> int:
    """Ask a JPEG to decode at 1/2, 1/4 or 1/8 scale; returns the scale it took.

    Grey JPEGs decode luminance only; colour ones keep their colour, which the colour check needs.

    Other formats ignore `draft`; the caller reduces them after decoding.
    """
    scale = next((s for s in _JPEG_DRAFT_SCALES if s <= factor), 1)
    before = image.size
    mode = "L" if image.mode == "L" else "RGB"
    image.draft(mode, (before[0] // scale, before[1] // scale) if scale > 1 else None)
    if image.size == before:
        return 1
    # libjpeg rounds a reduced side up: a side of 1001 at 1/8 decodes as 126.
    return next((s for s in _JPEG_DRAFT_SCALES if -(-before[0] // s) == image.size[0]), 1)


def _to_gray(image: Image.Image) -> Image.Image:
    """The (first) frame as an 8-bit grayscale image.

    Transparent areas become black: in a radiograph black means "no signal", like the background
    around the images the model was trained on, whereas white would read as dense tissue.
    16-bit and float images are stretched min..max (see `stretch_to_uint8`).
    """
    if image.mode in _DEEP_MODES:
        return Image.fromarray(stretch_to_uint8(np.asarray(image)))
    if image.mode in ("P", "PA") or image.has_transparency_data:
        rgba = image.convert("RGBA")
        black = Image.new("RGBA", rgba.size, (0, 0, 0, 255))
        return Image.alpha_composite(black, rgba).convert("L")
    return image.convert("L")  # also loads an "L" image, so errors surface here


def _format_of(image: Image.Image) -> str:
    """Pillow's format name, with phone JPEGs that carry several pictures (MPO) called JPEG."""
    return "JPEG" if image.format == "MPO" else str(image.format)
