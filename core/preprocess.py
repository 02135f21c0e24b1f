"""The one preprocessing step shared by training and the app.

The model is trained on exactly the pixels the app feeds it: `training` imports this module rather
than keeping a copy in step by hand. The Kermany training images were squashed to a square, so
images are squashed too (not padded or cropped) to match what the model saw. How the grey levels
are then spread over 0-255 (`Tone`) belongs to the model: its card names it, and the app prepares
each model's input, and the view gate's, the way that model was trained.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from PIL import Image

#: Percentiles mapped to 0 and 255 by the contrast stretch. Clipping a little at each end makes the
#: stretch robust to burnt-in labels and collimator edges, which differ between X-ray machines.
STRETCH_PERCENTILES = (0.5, 99.5)


class Tone(StrEnum):
    """How the resized film's grey levels are mapped to 0-255 (a card's `preprocessing.tone`)."""

    #: Linear, between the `STRETCH_PERCENTILES` of the film: removes exposure and windowing
    #: differences, keeps the shape of the film's histogram (1.2.0 and the view gate).
    STRETCH = "percentile-stretch"
    #: Global histogram equalisation (mid-rank): every film gets the same grey-level distribution,
    #: so any monotonic change of tone (exposure, gamma, window) gives the same input. It halves
    #: the score's reliance on the films' brightness (docs/model-card.md, run H).
    EQUALISE = "histogram-equalisation"


def prepare_image(gray: np.ndarray, size: int, tone: Tone = Tone.STRETCH) -> np.ndarray:
    """Turn a decoded 8-bit grayscale radiograph of any size into a `size` x `size` model input.

    Steps: an antialiased bilinear resize to a square, then the grey levels spread over 0-255 by
    `tone`, so that exposure and windowing differences between machines reach the model as little
    as possible.

    Raises:
        ValueError: if `gray` is not a 2-D uint8 array or `size` is not positive.
    """
    if gray.ndim != 2 or gray.dtype != np.uint8:
        raise ValueError(
            f"prepare_image expects a 2-D uint8 grayscale array. Received: shape={gray.shape}, "
            f"dtype={gray.dtype}"
        )
    if size <= 0:
        raise ValueError(f"size must be positive. Received: {size}")
    resized = np.asarray(
        Image.fromarray(gray).resize((size, size), Image.Resampling.BILINEAR), dtype=np.uint8
    )
    if Tone(tone) is Tone.EQUALISE:
        return equalised(resized)
    return stretched(resized)


def stretched(pixels: np.ndarray) -> np.ndarray:
    """`pixels` stretched linearly between their `STRETCH_PERCENTILES`; flat images unchanged."""
    values = pixels.astype(np.float32)
    low, high = np.percentile(values, STRETCH_PERCENTILES)
    if high - low < 1.0:
        return pixels.copy()
    out = (values - low) * (255.0 / (high - low))
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def equalised(pixels: np.ndarray) -> np.ndarray:
    """`pixels` histogram-equalised: each grey level goes to the middle of its rank range.

    The mid-rank keeps the mapping symmetric (a film's negative maps to the negative of the
    film's input, to within rounding) and sends a flat image to mid-grey rather than to white.
    """
    counts = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    below = np.cumsum(counts) - counts  # pixels strictly darker than each level
    lookup = (below + counts / 2.0) / pixels.size * 255.0
    return np.clip(np.rint(lookup[pixels]), 0, 255).astype(np.uint8)
