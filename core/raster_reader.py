"""Reading ordinary image files (every Pillow format of `core.formats`) into 8-bit grayscale.

Photos of radiographs arrive from phones and scanners as much as from X-ray units, so the reader
accepts what those produce (EXIF-rotated JPEGs, palette and alpha PNGs, 16-bit PNG/TIFF, CMYK
JPEGs) and reduces everything to one thing: upright, 8-bit, grayscale pixels. Pillow reads every
header and decodes every format but JPEG, whose pixels `core.jpeg_pixels` decodes strictly.

Nothing is decoded before its cost is known: from the header, the bytes the decode will allocate
(the decoder's buffer at the file's bit depth and channels, and this module's working copies) are
checked against `MAX_DECODE_BYTES`, so a small file cannot claim gigabytes. (WebP is checked
before Pillow even opens it: `core.webp_header` says why.)
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, ImageChops

from core.colour import colour_share, probe_size
from core.decoded import (
    MAX_PIXELS,
    DecodedImage,
    reduce_image,
    reduction_factor,
    refuse_costly_decode,
    refuse_non_finite,
    stretch_into,
    too_large_reason,
)
from core.errors import UnreadableImage
from core.formats import PILLOW_FORMATS, format_names, unsupported_format_name
from core.jpeg_pixels import WORKING_BYTES_PER_PIXEL, decode_jpeg
from core.reason_codes import ReasonCode
from core.webp_header import WEBP_BYTES_PER_PIXEL, is_webp, webp_size

#: Pillow's own decompression-bomb check uses this global; ours makes it the app's limit.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: The reason given for files that are no image at all (text, HTML, random bytes, ...).
NOT_AN_IMAGE = f"it is not an image in a supported format ({format_names()})"
#: The reason given for an image in a format we recognise but do not read ("HEIC").
UNSUPPORTED_FORMAT = (
    "it is in the {name} format, which PneumoScreen does not read (it reads {supported})"
)
HEADER_DAMAGED = "the image header is damaged"

_DEEP_MODES = ("I", "I;16", "I;16L", "I;16B", "I;16N", "F")
_GREY_MODES = ("1", "L", "LA", "La", *_DEEP_MODES)
#: Bytes Pillow stores a pixel in, by mode (every mode not named takes 4).
_STORED_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}
#: How EXIF orientations are undone (as `PIL.ImageOps.exif_transpose` does).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_TURNING_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_BAND_BYTES = 4 * 2**20  # deep images are read, and gray ones copied out, this much at a time


def read_raster(data: bytes, path: Path, min_side: int | None) -> DecodedImage:
    """Read the bytes of a file in a Pillow format of `core.formats` into upright 8-bit grayscale.

    `path` names the file in messages only. Large images are reduced by the largest power of two
    that keeps both sides >= `min_side` (`None`: full size); JPEGs are decoded at that reduced
    size directly, which is several times faster than decoding in full and shrinking. Multi-page
    and animated files give their first frame. `original_size` is the upright size before
    reduction. Callers refuse empty files first (`core.file_bytes.read_file_bytes` does).

    Raises:
        UnreadableImage: not an image in these formats, damaged, truncated, over `MAX_PIXELS`,
            too costly to decode, or holding NaN or infinite values.
    """
    if is_webp(data):
        _refuse_costly_webp(data, path)
    with warnings.catch_warnings():
        # Pillow only *warns* between MAX_IMAGE_PIXELS and twice that; here it must refuse.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with _open(data, path) as image:
            try:
                return _decode(image, data, path, min_side)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise UnreadableImage(
                    path, too_large_reason(image.size), ReasonCode.TOO_LARGE
                ) from exc
            except (OSError, SyntaxError, ValueError, EOFError) as exc:
                # Truncated data raises OSError; bad chunks and checksums SyntaxError; damaged
                # JPEG data ValueError.
                raise UnreadableImage(
                    path,
                    f"the {_format_of(image)} data is damaged or incomplete",
                    ReasonCode.DAMAGED_DATA,
                ) from exc


def _open(data: bytes, path: Path) -> Image.Image:
    """Open `data` lazily (header only), turning Pillow's refusals into `UnreadableImage`."""
    try:
        return Image.open(io.BytesIO(data), formats=PILLOW_FORMATS)
    except Image.UnidentifiedImageError as exc:
        raise _unidentified(data, path) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(path, too_large_reason(None), ReasonCode.TOO_LARGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadableImage(path, HEADER_DAMAGED, ReasonCode.DAMAGED_DATA) from exc


def _unidentified(data: bytes, path: Path) -> UnreadableImage:
    """Why Pillow found no format of ours in `data`: an image format we recognise but do not
    read, or no image at all."""
    name = unsupported_format_name(data)
    if name is None:
        return UnreadableImage(path, NOT_AN_IMAGE, ReasonCode.NOT_AN_IMAGE)
    reason = UNSUPPORTED_FORMAT.format(name=name, supported=format_names())
    return UnreadableImage(path, reason, ReasonCode.UNSUPPORTED_FORMAT)


def _refuse_costly_webp(data: bytes, path: Path) -> None:
    """Check a WebP file's size and book its decode before Pillow opens it (libwebp allocates
    its canvas on opening: `core.webp_header`).

    Raises:
        UnreadableImage: the header gives no size, the image is over `MAX_PIXELS`, or its decode
            would take more than `MAX_DECODE_BYTES`.
    """
    size = webp_size(data)
    if size is None:
        raise UnreadableImage(path, HEADER_DAMAGED, ReasonCode.DAMAGED_DATA)
    if size[0] * size[1] > MAX_PIXELS:
        raise UnreadableImage(path, too_large_reason(size), ReasonCode.TOO_LARGE)
    refuse_costly_decode(path, size, WEBP_BYTES_PER_PIXEL, held=len(data))


def _decode(image: Image.Image, data: bytes, path: Path, min_side: int | None) -> DecodedImage:
    width, height = image.size
    # Also holds where the warning filter above does not: `catch_warnings` is process-wide, so a
    # thread reading at the same time may reset it, and code elsewhere may relax Pillow's limit.
    if width * height > MAX_PIXELS:
        raise UnreadableImage(path, too_large_reason((width, height)), ReasonCode.TOO_LARGE)
    factor = reduction_factor(image.size, min_side)
    if _format_of(image) == "JPEG":
        frame, scale = decode_jpeg(data, path, image, factor)
    else:
        refuse_costly_decode(path, image.size, decode_bytes_per_pixel(image), held=len(data))
        image.load()
        frame, scale = image, 1
    # After the cost check: a PNG whose EXIF follows its pixels is decoded to find it.
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    gray = _to_gray(frame, path)
    colour_share = _colour_share(frame)
    del frame
    if orientation in _UPRIGHT:
        gray = gray.transpose(_UPRIGHT[orientation])
    gray = reduce_image(gray, factor // scale)
    turned = orientation in _TURNING_ORIENTATIONS
    return DecodedImage(
        pixels=_as_array(gray),
        source_format=_format_of(image),
        original_size=(height, width) if turned else (width, height),
        colour_share=colour_share,
    )


def decode_bytes_per_pixel(image: Image.Image) -> float:
    """Bytes a pixel of `image` (opened, not decoded) costs to decode with Pillow and turn gray.

    Pillow's buffer at the mode's storage size, plus this module's copies: transparent images are
    made RGBA (unless they are) and split into gray and alpha, then multiplied; then the gray
    image, its upright copy and the final array. (Deep images are stretched band by band.)
    """
    stored = _STORED_BYTES.get(image.mode, 4)
    if image.mode in _DEEP_MODES:
        return stored + WORKING_BYTES_PER_PIXEL
    if _transparent(image):
        rgba = 0 if image.mode == "RGBA" else 4
        return stored + rgba + 2 + WORKING_BYTES_PER_PIXEL
    return stored + WORKING_BYTES_PER_PIXEL


def _colour_share(image: Image.Image) -> float:
    """Share of strongly coloured pixels in a small copy of `image` (see `core.colour`)."""
    if image.mode in _GREY_MODES:
        return 0.0
    probe = image.resize(probe_size(image.size), Image.Resampling.NEAREST)
    return colour_share(np.asarray(probe.convert("RGB")))


def _to_gray(image: Image.Image, path: Path) -> Image.Image:
    """The decoded frame as an 8-bit grayscale image.

    Transparent areas become black: in a radiograph black means "no signal", like the background
    around the images the model was trained on, whereas white would read as dense tissue. (Gray
    times alpha is compositing on black, without the two full-size RGBA copies it would take.)
    16-bit and float images are stretched min..max (see `_stretched`).
    """
    if image.mode in _DEEP_MODES:
        return Image.fromarray(_stretched(image, path))
    if _transparent(image):
        rgba = image if image.mode == "RGBA" else image.convert("RGBA")
        return ImageChops.multiply(rgba.convert("L"), rgba.getchannel("A"))
    return image if image.mode == "L" else image.convert("L")


def _stretched(image: Image.Image, path: Path) -> np.ndarray:
    """A deep (16-bit, 32-bit or float) image stretched to uint8, as `stretch_to_uint8` does,
    without a full-size copy of its values: they are read in bands, twice (range, then stretch).

    Raises:
        UnreadableImage: a float image holds NaN or infinity.
    """
    low, high = math.inf, -math.inf
    for band in _bands(image):
        refuse_non_finite(path, band)
        low, high = min(low, float(band.min())), max(high, float(band.max()))
    stretched = np.empty((image.height, image.width), dtype=np.uint8)
    top = 0
    for band in _bands(image):
        stretch_into(band, low, high, stretched[top : top + len(band)])
        top += len(band)
    return stretched


def _as_array(gray: Image.Image) -> np.ndarray:
    """An "L" image's pixels as a new uint8 array, copied a band at a time (`np.asarray` would
    hold two whole copies at once: Pillow's bytes, then numpy's)."""
    pixels = np.empty((gray.height, gray.width), dtype=np.uint8)
    top = 0
    for band in _bands(gray):
        pixels[top : top + len(band)] = band
        top += len(band)
    return pixels


def _bands(image: Image.Image) -> Iterator[np.ndarray]:
    """`image`'s pixels as arrays of a few megabytes each, top to bottom."""
    row_bytes = image.width * _STORED_BYTES.get(image.mode, 4)
    rows = max(1, _BAND_BYTES // max(1, row_bytes))
    for top in range(0, image.height, rows):
        yield np.asarray(image.crop((0, top, image.width, min(image.height, top + rows))))


def _transparent(image: Image.Image) -> bool:
    return image.mode in ("PA", "LA", "La", "RGBA", "RGBa") or "transparency" in image.info


def _format_of(image: Image.Image) -> str:
    """Pillow's format name, with phone JPEGs that carry several pictures (MPO) called JPEG."""
    return "JPEG" if image.format == "MPO" else str(image.format)
