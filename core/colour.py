"""How much strong colour an image holds: one measure for every format.

Radiographs are shades of grey, so a colourful image is a photo, a chart or a screenshot; the
quality gate rejects it (`core.quality_gate.in_colour`). The measure lives here, apart from the
readers, so that the same pixels give the same share whether they arrive as PNG, JPEG or DICOM.
"""

from __future__ import annotations

import numpy as np

#: Colour is judged on a copy of at most this many pixels a side: enough to tell a photo.
PROBE_SIDE = 96
#: A pixel is strongly coloured when its colour lies this far (in 0-255 RGB units) from the
#: image's own dominant tint. Measuring from the tint rather than from grey lets a radiograph
#: photographed on a bluish lightbox or scanned in sepia count as grey, as it is.
STRONG_COLOUR = 40.0


def probe_size(size: tuple[int, int]) -> tuple[int, int]:
    """The (width, height) of the copy colour is judged on: `size` divided by one integer, so
    that its longer side is about `PROBE_SIDE`."""
    scale = max(1, max(size) // PROBE_SIDE)
    return max(1, size[0] // scale), max(1, size[1] // scale)


def nearest_probe(pixels: np.ndarray) -> np.ndarray:
    """The small copy of a (rows, columns, ...) array that colour is judged on.

    Picks the same pixels as Pillow's `resize(probe_size(...), NEAREST)` (sample centres, found by
    adding up the step in floating point as Pillow does), so an array and the same pixels as an
    image file get the same share.
    """
    width, height = probe_size((pixels.shape[1], pixels.shape[0]))
    return pixels[_nearest(pixels.shape[0], height)][:, _nearest(pixels.shape[1], width)]


def colour_share(rgb: np.ndarray) -> float:
    """Share of strongly coloured pixels (see `STRONG_COLOUR`) among `rgb`, an array of RGB
    triples (any shape ending in 3) in 0-255 units; pass a probe, not a full image.

    A one-tint image (grey, sepia, blue) has every pixel on one line through black in RGB space;
    the distance of each pixel from that line is how much colour it has beyond the tint.
    """
    values = np.asarray(rgb, dtype=np.float32).reshape(-1, 3)
    if values.size == 0:
        return 0.0
    tint = values.sum(axis=0)
    norm = float(np.linalg.norm(tint))
    tint = tint / norm if norm > 0 else np.full(3, 3**-0.5, dtype=np.float32)
    off_tint = values - np.outer(values @ tint, tint)
    return float(np.mean(np.linalg.norm(off_tint, axis=1) > STRONG_COLOUR))


def _nearest(source: int, target: int) -> np.ndarray:
    """Indices of the `target` sample centres along a side of `source` pixels."""
    steps = np.full(target, source / target)
    steps[0] *= 0.5
    return np.cumsum(steps).astype(np.intp)
