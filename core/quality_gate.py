"""The quality gate: checks that run before the score, so the model never judges what it can't.

Each test takes the decoded image and returns a reason (a sentence for the user) or None; a
`GateCheck` pairs a test with the code its refusals carry (`core.reason_codes`), one code per
check, unless the test returns a whole `Reason` because it tells kinds apart itself (the view
gate, `core.view_gate`, names a side view, a CT slice, ...). The gate is a list of checks run in
order; later checks join the list without changing the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.decoded import DecodedImage
from core.reason_codes import Reason, ReasonCode

#: A test returns a sentence (its check's code applies) or a whole `Reason` when it tells kinds of
#: refusal apart itself (the view gate), or None when the image passes.
GateTest = Callable[[DecodedImage], str | Reason | None]


@dataclass(frozen=True)
class GateCheck:
    """A gate test and the code of the reason it gives; called like the test itself."""

    code: ReasonCode
    test: GateTest

    def __call__(self, image: DecodedImage) -> str | Reason | None:
        return self.test(image)


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


DEFAULT_CHECKS: tuple[GateCheck, ...] = (
    GateCheck(ReasonCode.TOO_SMALL, too_small),
    GateCheck(ReasonCode.BLANK_OR_SATURATED, blank_or_uniform),
    GateCheck(ReasonCode.COLOUR_IMAGE, in_colour),
)


def rejection(image: DecodedImage, checks: Sequence[GateCheck] = DEFAULT_CHECKS) -> Reason | None:
    """The first check's reason to reject `image`, with its code, or None when all pass."""
    for check in checks:
        found = check(image)
        if found is not None:
            return found if isinstance(found, Reason) else Reason(check.code, found)
    return None
