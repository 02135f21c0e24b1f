"""The one preprocessing step shared by training and the app.

The model is trained on exactly the pixels the app feeds it: `training` imports this module rather
than keeping a copy in step by hand. The Kermany training images were squashed to a square, so
images are squashed too (not padded or cropped) to match what the model saw.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

#: Percentiles mapped to 0 and 255 by the contrast stretch. Clipping a little at each end makes the
#: stretch robust to burnt-in labels and collimator edges, which differ between X-ray machines.
STRETCH_PERCENTILES = (0.5, 99.5)


def prepare_image(gray: np.ndarray, size: int) -> np.ndarray:
    """Turn a decoded 8-bit grayscale radiograph of any size into a `size` x `size` model input.

    Steps: an antialiased bilinear resize to a square, then a linear contrast stretch between the
    `STRETCH_PERCENTILES` of the resized image, so that exposure and windowing differences between
    machines reach the model as little as possible.

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
    resized = Image.fromarray(gray).resize((size, size), Image.Resampling.BILINEAR)
    pixels = np.asarray(resized, dtype=np.float32)
    low, high = np.percentile(pixels, STRETCH_PERCENTILES)
    if high - low < 1.0:
        return np.asarray(resized, dtype=np.uint8).copy()
    stretched = (pixels - low) * (255.0 / (high - low))
    return np.clip(np.rint(stretched), 0, 255).astype(np.uint8)
