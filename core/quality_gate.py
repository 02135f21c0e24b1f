"""The quality gate: checks that run before the score, so the model never judges what it can't.

Each check takes the decoded image and returns a reason (a sentence for the user) or None. The gate
is a list of checks run in order; later checks (e.g. "is this a frontal chest X-ray?") join the
list without changing the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from core.decoded import DecodedImage

GateCheck = Callable[[DecodedImage], str | None]

#: Smallest accepted side, in original pixels. Chest radiographs are ~2000 pixels a side; images
#: under this are thumbnails or icons, too coarse to judge.
MIN_SIDE = 128
#: Grey-level spread (standard deviation) under which an image is blank: a uniform field has no
#: anatomy to judge, whatever the model would say.
MIN_STD = 4.0
#: Share of pixels at one grey level above which an image is blank or saturated.
MAX_SINGLE_LEVEL_SHARE = 0.9


def too_small(image: DecodedImage) -> str | None:
    width, height = image.original_size
    if min(width, height) < MIN_SIDE:
        return (
            f"The image is too small to judge ({width}x{height} pixels; at least {MIN_SIDE} "
            "pixels a side are needed)."
        )
    return None


def blank_or_uniform(image: DecodedImage) -> str | None:
    pixels = image.pixels
    counts = np.bincount(pixels.ravel(), minlength=256)
    if float(pixels.std()) < MIN_STD or counts.max() > MAX_SINGLE_LEVEL_SHARE * pixels.size:
        return "The image is blank, uniform or saturated: there is no X-ray to judge."
    return None


#: Share of strongly coloured pixels above which an image is a colour picture, not an X-ray.
#: Coloured annotations on a radiograph (a burnt-in label, a ruler) cover far less.
MAX_COLOUR_SHARE = 0.05


def in_colour(image: DecodedImage) -> str | None:
    if image.colour_share > MAX_COLOUR_SHARE:
        return (
            "This is a colour picture, not an X-ray (X-rays are shades of grey), so it was not "
            "scored."
        )
    return None


DEFAULT_CHECKS: tuple[GateCheck, ...] = (too_small, blank_or_uniform, in_colour)


def rejection_reason(
    image: DecodedImage, checks: Sequence[GateCheck] = DEFAULT_CHECKS
) -> str | None:
    """The first check's reason to reject `image`, or None when every check passes."""
    for check in checks:
        reason = check(image)
        if reason is not None:
            return reason
    return None
