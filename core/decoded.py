"""What every image reader returns, and the size and depth rules all readers share.

Every format ends in the same place, a 2-D uint8 grayscale array, so the preprocessing, the quality
gate and the model never need to know where the pixels came from. Reading reduces large images by
the same power-of-two rule whatever the format, so a 4000-pixel DICOM and a 4000-pixel JPEG reach
the model alike, and no reader holds more than one full-size image at a time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from core.decode_budget import DECODE_BUDGET_BYTES, reserve
from core.errors import UnreadableImage
from core.reason_codes import ReasonCode

#: The most pixels a file may declare before it is refused as a decompression bomb. Real
#: radiographs are at most about 4300 x 4300 (18.5 megapixels); 100 megapixels leaves room for
#: scanned films while refusing files that would exhaust a clinic laptop's memory.
MAX_PIXELS = 100_000_000
#: The most memory one file's decode may hold in its decoder child: the file's bytes plus what the
#: decode allocates, at the file's bit depth and channels (not pixels alone: a 16-bit RGBA PNG of
#: 9999 x 9999 is within `MAX_PIXELS` but needs 800 MB), and the reader's working copies. What
#: must decode fits: a 4300 x 4300 16-bit grayscale PNG (about 110 MB with its file), a 4000 x
#: 3000 progressive photo JPEG in full (about 120 MB), a 4300 x 4300 JPEG Lossless DICOM (about
#: 185 MB). Decodes at once share `DECODE_BUDGET_BYTES`, so a batch stays under its memory bound.
MAX_DECODE_BYTES = DECODE_BUDGET_BYTES
#: Why an image with NaN or infinite pixel values (float TIFF, float DICOM) is refused.
NON_FINITE_REASON = "the image holds invalid pixel values (not-a-number or infinity)"
_STRETCH_BAND_BYTES = 4 * 2**20  # the float working copy of `stretch_to_uint8`, a band at a time


@dataclass(frozen=True)
class DecodedImage:
    """A file read into display-ready 8-bit grayscale pixels, and what is known about its origin.

    `pixels` is read-only: several consumers (preview, quality gate, model) share one array.
    """

    pixels: np.ndarray  # 2-D uint8 grayscale, possibly reduced from the original
    source_format: str  # Pillow's name ("JPEG", "WEBP", ...; `core.formats`) or "DICOM"
    original_size: tuple[int, int]  # (width, height) as displayed, before any reduction
    dicom: dict[str, str] = field(default_factory=dict)  # PatientID, StudyDate, UIDs, ...
    #: Share of pixels with strong colour (0-1), measured before the conversion to grayscale:
    #: radiographs are grey, so a colourful image is a photo, a chart or a screenshot.
    colour_share: float = 0.0

    def __post_init__(self) -> None:
        if self.pixels.ndim != 2 or self.pixels.dtype != np.uint8:
            raise ValueError(
                "DecodedImage.pixels must be a 2-D uint8 array. "
                f"Received: shape={self.pixels.shape}, dtype={self.pixels.dtype}"
            )
        self.pixels.setflags(write=False)

    def __reduce__(self) -> tuple[type[DecodedImage], tuple[object, ...]]:
        # Rebuilt through __init__, so the pixels come out of a decoder child read-only too.
        fields = (self.pixels, self.source_format, self.original_size, self.dicom)
        return (DecodedImage, (*fields, self.colour_share))


def too_large_reason(size: tuple[int, int] | None) -> str:
    """Why a decompression bomb is refused, with its (width, height) where it is known."""
    limit = f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
    if size is None:
        return f"the image is too large ({limit})"
    return f"the image is too large ({size[0]} x {size[1]} pixels; {limit})"


def refuse_costly_decode(
    path: Path, size: tuple[int, int], bytes_per_pixel: float, held: int = 0
) -> None:
    """Refuse, before decoding, an image whose decode would take more than `MAX_DECODE_BYTES`;
    in a decoder child, book what it will take on the shared budget (`core.decode_budget`),
    waiting until there is room.

    `size` is (width, height) as the header declares it; `bytes_per_pixel` what the decoder
    allocates per pixel (bit depth x channels, plus the working copies the reader makes); `held`
    the bytes the decoding process already holds for this file (the file's own bytes).

    Raises:
        UnreadableImage: the decode would need more memory than one file may take.
    """
    needed = size[0] * size[1] * bytes_per_pixel + held
    if needed > MAX_DECODE_BYTES:
        raise UnreadableImage(
            path,
            f"the image is too large to decode safely ({size[0]} x {size[1]} pixels would need "
            f"{needed / 2**20:.0f} MB; the limit is {MAX_DECODE_BYTES // 2**20} MB)",
            ReasonCode.TOO_LARGE,
        )
    reserve(math.ceil(needed))


def reduction_factor(size: tuple[int, int], min_side: int | None) -> int:
    """The largest power of two by which `size` can shrink while both sides stay >= `min_side`.

    A power of two is what JPEG decoders can skip for free (Pillow's `draft`), and an exact box
    average elsewhere. `None` means full size. Sides are floored, so a reduction that rounds up
    (as JPEG and `Image.reduce` do) never drops below `min_side`.
    """
    if min_side is None or min_side < 1:
        return 1
    factor = 1
    while min(size) // (factor * 2) >= min_side:
        factor *= 2
    return factor


def reduce_image(image: Image.Image, factor: int) -> Image.Image:
    """Shrink `image` by an integer `factor` with a box average (Pillow's `reduce`)."""
    return image if factor <= 1 else image.reduce(factor)


def refuse_non_finite(path: Path, values: np.ndarray) -> None:
    """Refuse float pixels that hold NaN or infinity: such an image has no brightest or darkest
    value to stretch between, so no picture that could be judged.

    Raises:
        UnreadableImage: some value is not a finite number.
    """
    if values.dtype.kind in "fc" and not np.isfinite(values).all():
        raise UnreadableImage(path, NON_FINITE_REASON, ReasonCode.DAMAGED_DATA)


def stretch_to_uint8(values: np.ndarray) -> np.ndarray:
    """Map the darkest value of `values` to 0 and the brightest to 255.

    Used for deep images that carry no display window: 16-bit PNG/TIFF often hold 10- or 12-bit
    data, so dividing by the container's bit depth would give an almost black image. Plain min/max
    (not percentiles) keeps this step faithful; the one robust contrast stretch lives in
    `core.preprocess`. A flat image becomes all zeros.

    Raises:
        ValueError: a value is NaN or infinite (`refuse_non_finite` says so in words first).
    """
    values = np.asarray(values)
    stretched = np.zeros(values.shape, dtype=np.uint8)
    low, high = float(np.min(values)), float(np.max(values))
    stretch_into(values, low, high, stretched)
    return stretched


def stretch_into(values: np.ndarray, low: float, high: float, out: np.ndarray) -> None:
    """Write `values` mapped from `low`..`high` to 0..255 into the uint8 array `out` (same
    shape); all zeros when `high <= low`. The float working copy is made a band of rows at a
    time, so a 4300 x 4300 image never has a 74 MB float twin, and a caller can stretch an image
    band by band with the whole image's `low` and `high`.

    Raises:
        ValueError: `low` or `high` is NaN or infinite.
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"pixel values must be finite. Received: min {low}, max {high}")
    if high <= low:
        out[...] = 0
        return
    scale = 255.0 / (high - low)
    rows = max(1, _STRETCH_BAND_BYTES // max(1, values[:1].size * 4))
    for start in range(0, len(values), rows):
        band = np.array(values[start : start + rows], dtype=np.float32)  # changed in place
        band -= low
        band *= scale
        np.clip(band, 0, 255, out=band)
        out[start : start + rows] = np.rint(band, out=band)
