"""What every image reader returns, and the size and depth rules all readers share.

Every format ends in the same place, a 2-D uint8 grayscale array, so the preprocessing, the quality
gate and the model never need to know where the pixels came from. Reading reduces large images by
the same power-of-two rule whatever the format, so a 4000-pixel DICOM and a 4000-pixel JPEG reach
the model alike, and no reader holds more than one full-size image at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

#: The most pixels a file may declare before it is refused as a decompression bomb. Real
#: radiographs are at most about 4300 x 4300 (18.5 megapixels); 100 megapixels leaves room for
#: scanned films while refusing files that would exhaust a clinic laptop's memory.
MAX_PIXELS = 100_000_000


@dataclass(frozen=True)
class DecodedImage:
    """A file read into display-ready 8-bit grayscale pixels, and what is known about its origin.

    `pixels` is read-only: several consumers (preview, quality gate, model) share one array.
    """

    pixels: np.ndarray  # 2-D uint8 grayscale, possibly reduced from the original
    source_format: str  # "JPEG", "PNG", "BMP", "TIFF", "GIF", "DICOM"
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


def too_large_reason(size: tuple[int, int] | None) -> str:
    """Why a decompression bomb is refused, with its (width, height) where it is known."""
    limit = f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
    if size is None:
        return f"the image is too large ({limit})"
    return f"the image is too large ({size[0]} x {size[1]} pixels; {limit})"


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


def stretch_to_uint8(values: np.ndarray) -> np.ndarray:
    """Map the darkest value of `values` to 0 and the brightest to 255.

    Used for deep images that carry no display window: 16-bit PNG/TIFF often hold 10- or 12-bit
    data, so dividing by the container's bit depth would give an almost black image. Plain min/max
    (not percentiles) keeps this step faithful; the one robust contrast stretch lives in
    `core.preprocess`. A flat image becomes all zeros.
    """
    low, high = float(np.min(values)), float(np.max(values))
    if high <= low:
        return np.zeros(np.shape(values), dtype=np.uint8)
    scaled = np.array(values, dtype=np.float32)  # one working copy, changed in place
    scaled -= low
    scaled *= 255.0 / (high - low)
    np.clip(scaled, 0, 255, out=scaled)
    return np.rint(scaled, out=scaled).astype(np.uint8)
