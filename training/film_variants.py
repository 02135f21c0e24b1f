"""Changed copies of a film, as another hospital's machine or workflow might have produced it.

The population check (`training.population`) was fitted on films of two hospitals only (Kermany's
children, NIH's adults), each with its own framing, borders and tone. Films of other hospitals
differ in exactly these ways, so the check is measured under a fixed suite of such changes
(`STRESS_CONDITIONS`, `python -m training.population_stress`).

The suite holds two kinds of change: framing, borders and tone, the families that candidates
fitted on randomly changed copies of the films were drawn from (the model card's rule "The
population check under changed films"; the copies' code is on branch
`experiments/population-robust`), and families no copy was drawn from (`UNSEEN_FAMILIES`:
histogram equalisation, blur, sharpening, JPEG compression, rotation).

Every function takes and returns a 2-D uint8 grayscale film of any size: the app's own
preprocessing (`core.preprocess.prepare_image`) comes after.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageFilter, ImageOps

Variant = Callable[[np.ndarray], np.ndarray]


def cropped(gray: np.ndarray, top: float, bottom: float, left: float, right: float) -> np.ndarray:
    """`gray` with the given fractions of its height (top, bottom) and width cut away."""
    height, width = gray.shape
    return gray[
        int(height * top) : height - int(height * bottom),
        int(width * left) : width - int(width * right),
    ]


def padded(gray: np.ndarray, vertical: float, horizontal: float, fill: str | int) -> np.ndarray:
    """`gray` inside a border `vertical` / `horizontal` fractions wide at each end: `fill` is a
    grey level (0 black, 255 white) or "edge" (the film's own edge repeated)."""
    height, width = gray.shape
    widths = ((int(height * vertical),) * 2, (int(width * horizontal),) * 2)
    if fill == "edge":
        return np.pad(gray, widths, mode="edge")
    return np.pad(gray, widths, constant_values=int(fill))


def shifted(gray: np.ndarray, fraction: float) -> np.ndarray:
    """`gray` moved sideways by `fraction` of its width (positive: right), the edge repeated."""
    width = gray.shape[1]
    step = round(abs(fraction) * width)
    if step == 0:
        return gray
    if fraction > 0:
        return np.pad(gray, ((0, 0), (step, 0)), mode="edge")[:, :width]
    return np.pad(gray, ((0, 0), (0, step)), mode="edge")[:, step:]


def with_gamma(gray: np.ndarray, gamma: float) -> np.ndarray:
    """A tone curve: grey g becomes 255 (g / 255) ** gamma."""
    curve = np.clip(np.rint(255.0 * (np.arange(256) / 255.0) ** gamma), 0, 255).astype(np.uint8)
    return curve[gray]


def _through_pil(gray: np.ndarray, change: Callable[[Image.Image], Image.Image]) -> np.ndarray:
    return np.asarray(change(Image.fromarray(gray)), dtype=np.uint8)


def jpeg_compressed(gray: np.ndarray, quality: int) -> np.ndarray:
    """`gray` saved as JPEG at `quality` and decoded again."""
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, "JPEG", quality=quality)
    with Image.open(buffer) as image:
        return np.asarray(image.convert("L"), dtype=np.uint8)


#: The fixed suite: each condition's name and its change.
STRESS_CONDITIONS: dict[str, Variant] = {
    "unchanged": lambda g: g,
    "zoom in 15%": lambda g: cropped(g, 0.075, 0.075, 0.075, 0.075),
    "zoom out 15%, black border": lambda g: padded(g, 0.075, 0.075, 0),
    "zoom out 15%, white border": lambda g: padded(g, 0.075, 0.075, 255),
    "top and bottom cut 10%": lambda g: cropped(g, 0.10, 0.10, 0, 0),
    "sides cut 10%": lambda g: cropped(g, 0, 0, 0.10, 0.10),
    "black bars top and bottom 10%": lambda g: padded(g, 0.10, 0, 0),
    "black bars at the sides 10%": lambda g: padded(g, 0, 0.10, 0),
    "gamma 0.7": lambda g: with_gamma(g, 0.7),
    "gamma 1.4": lambda g: with_gamma(g, 1.4),
    "shifted 10%": lambda g: shifted(g, 0.10),
    "histogram equalised": lambda g: _through_pil(g, ImageOps.equalize),
    "blurred (radius 1.5)": lambda g: _through_pil(
        g, lambda i: i.filter(ImageFilter.GaussianBlur(1.5))
    ),
    "sharpened": lambda g: _through_pil(g, lambda i: i.filter(ImageFilter.UnsharpMask(2, 150, 0))),
    "JPEG quality 40": lambda g: jpeg_compressed(g, 40),
    "rotated 7 degrees": lambda g: _through_pil(
        g, lambda i: i.rotate(7, resample=Image.Resampling.BILINEAR, fillcolor=0)
    ),
}

#: The suite's conditions from families the rule's changed copies were never drawn from.
UNSEEN_FAMILIES = (
    "histogram equalised",
    "blurred (radius 1.5)",
    "sharpened",
    "JPEG quality 40",
    "rotated 7 degrees",
)
