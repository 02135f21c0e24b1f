"""Pixels to pictures: decoded radiographs, thumbnails and the heatmap overlay as Qt images.

The readers (`core.image_reader`, which pulls in pydicom) are imported when first needed, on a
worker thread, so they do not delay the window's first appearance.

QImage (not QPixmap) is made here because these functions also run on worker threads, where
QPixmap must not be used. Every QImage is copied out of its numpy buffer, so it owns its pixels.

The heatmap is the model's class-activation map over its *squashed* square input, so it is
stretched over the whole image, whatever the image's aspect ratio. Only positive cells (evidence
for pneumonia) are coloured; negative ones stay clear.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import overload

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from core.errors import UnreadableImage

THUMBNAIL_SIDE = 48
DETAIL_MIN_SIDE = 1024
#: CAM values are in logit units (the model's logit is the CAM's mean). The strongest positive
#: cell is drawn at full colour, but never on a scale below this, so the faint positive cells of
#: a clearly normal image stay nearly clear instead of being stretched into alarming hot spots.
HEATMAP_MIN_SCALE = 6.0
_HEATMAP_SIDE = 96  # the CAM is smoothed to this many cells a side before colouring


def gray_to_qimage(pixels: np.ndarray) -> QImage:
    """A 2-D uint8 array as an 8-bit grayscale QImage that owns a copy of the pixels."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape
    image = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
    return image.copy()


def load_thumbnail(path: Path, pixel_ratio: float = 1.0) -> QImage | None:
    """A small grayscale picture of the file for the table, or None when it cannot be read.

    It is `THUMBNAIL_SIDE` logical pixels a side, drawn with `pixel_ratio` device pixels per
    logical pixel, so it is sharp on a high-DPI screen (150 %, 200 %) too.
    """
    from core.image_reader import read_image

    side = max(1, round(THUMBNAIL_SIDE * pixel_ratio))
    try:
        decoded = read_image(path, min_side=side)
    except UnreadableImage:
        return None
    image = gray_to_qimage(decoded.pixels).scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    image.setDevicePixelRatio(pixel_ratio)
    return image


@overload
def load_detail_image(path: Path) -> QImage: ...
@overload
def load_detail_image(path: Path, cancel: threading.Event) -> QImage | None: ...
def load_detail_image(path: Path, cancel: threading.Event | None = None) -> QImage | None:
    """The file at detail-pane size; None once `cancel` is set (the user selected another row).

    The process has only a few decoders (`core.image_reader.DECODERS`), shared with screening, so a
    read the user has already left gives up at every step it can: before waiting for a decoder,
    once it has one (before reading the file), and before decoding it. A decode already under
    way in the decoder's child finishes within its deadline; its image is then dropped.

    Raises:
        UnreadableImage: as `core.image_reader.read_image`.
    """
    from core.image_reader import decode_slot

    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    if cancelled():
        return None
    with decode_slot() as slot:  # read_image's two steps, with a look at `cancel` between them
        if cancelled():
            return None
        data = slot.read(path)
        if cancelled():
            return None
        decoded = slot.decode(data, path, DETAIL_MIN_SIDE)
    return gray_to_qimage(decoded.pixels)


def _upsample(cam: np.ndarray, side: int) -> np.ndarray:
    """Bilinear resize of a small map to side x side, sampling at pixel centres."""
    rows, cols = cam.shape
    y = np.clip((np.arange(side) + 0.5) * rows / side - 0.5, 0, rows - 1)
    x = np.clip((np.arange(side) + 0.5) * cols / side - 0.5, 0, cols - 1)
    y0, x0 = np.floor(y).astype(int), np.floor(x).astype(int)
    y1, x1 = np.minimum(y0 + 1, rows - 1), np.minimum(x0 + 1, cols - 1)
    fy, fx = (y - y0)[:, None], (x - x0)[None, :]
    top = cam[np.ix_(y0, x0)] * (1 - fx) + cam[np.ix_(y0, x1)] * fx
    bottom = cam[np.ix_(y1, x0)] * (1 - fx) + cam[np.ix_(y1, x1)] * fx
    return top * (1 - fy) + bottom * fy


def heatmap_to_qimage(cam: np.ndarray) -> QImage:
    """The CAM as a square RGBA image: clear where <= 0, yellow to red as evidence grows."""
    values = _upsample(np.asarray(cam, dtype=np.float32), _HEATMAP_SIDE)
    scale = max(float(values.max()), HEATMAP_MIN_SCALE)
    strength = np.clip(values / scale, 0.0, 1.0)
    rgba = np.empty((*strength.shape, 4), dtype=np.uint8)
    rgba[..., 0] = 255
    rgba[..., 1] = np.rint(220 * (1.0 - strength)).astype(np.uint8)  # yellow -> red
    rgba[..., 2] = 0
    rgba[..., 3] = np.rint(235 * np.sqrt(strength)).astype(np.uint8)
    image = QImage(
        rgba.data, _HEATMAP_SIDE, _HEATMAP_SIDE, 4 * _HEATMAP_SIDE, QImage.Format.Format_RGBA8888
    )
    return image.copy()


def compose(base: QImage, overlay: QImage | None, opacity: float) -> QPixmap:
    """`base` with `overlay` stretched over all of it at `opacity` (0-1); GUI thread only."""
    canvas = base.convertToFormat(QImage.Format.Format_RGB32)
    if overlay is not None and opacity > 0:
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(min(opacity, 1.0))
        painter.drawImage(QRectF(canvas.rect()), overlay)
        painter.end()
    return QPixmap.fromImage(canvas)
