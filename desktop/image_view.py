"""A radiograph viewer: fit to the window, zoom with the wheel or keys, pan by dragging, and
brightness/contrast (window/level) by dragging with the right mouse button.

A `QGraphicsView` does the scaling and scrolling, so a 2000-pixel image zooms smoothly without our
own resampling. The view stays "fitted" across window resizes until the user zooms. Brightness and
contrast change only what is shown, through a lookup table on the shown pixels; the screening
never sees them. A double-click puts zoom, brightness and contrast back as they were.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

#: The film is what the user came for: on a 600-pixel-high screen the detail pane scrolls rather
#: than shrink it to a stamp.
MIN_HEIGHT = 170
ZOOM_STEP = 1.25
MAX_ZOOM = 16.0
#: Pixels of right-drag that double (or halve) the contrast, and that move the brightness by the
#: whole grey range: a slow hand on a laptop's touchpad still gets fine steps.
CONTRAST_DRAG = 200.0
BRIGHTNESS_DRAG = 400.0
CONTRAST_RANGE = (0.25, 8.0)


def levels_table(brightness: float, contrast: float) -> np.ndarray:
    """The 256-entry grey lookup for `brightness` (-1..1 of the grey range) and `contrast` (a
    factor about mid-grey)."""
    grey = np.arange(256, dtype=np.float32)
    shown = (grey - 127.5) * contrast + 127.5 + brightness * 255.0
    return np.clip(np.rint(shown), 0, 255).astype(np.uint8)


class ImageView(QGraphicsView):
    """Shows one pixmap; `set_pixmap` keeps the zoom, position, brightness and contrast when only
    the overlay changed."""

    levels_changed = Signal(float, float)  # brightness, contrast

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setBackgroundBrush(QColor("#1e1e1e"))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("X-ray image"))
        self.setMinimumHeight(MIN_HEIGHT)
        self.setToolTip(
            self.tr(
                "Wheel: zoom. Drag: move. Right-drag: brightness (up, down) and contrast "
                "(left, right). Double-click: fit and reset."
            )
        )
        self._fitted = True
        self._source = QPixmap()  # as given, before brightness and contrast
        self._source_pixels: np.ndarray | None = None  # its BGRA bytes, read on first adjustment
        self._brightness = 0.0
        self._contrast = 1.0
        self._drag_from: tuple[QPointF, float, float] | None = None

    def pixmap(self) -> QPixmap:
        """The pixmap shown now (an empty one when nothing is shown)."""
        return self._item.pixmap()

    def set_pixmap(self, pixmap: QPixmap, keep_view: bool = False) -> None:
        """Show `pixmap`; a new image is fitted at plain brightness and contrast, the same image
        redrawn (the heatmap changed) keeps zoom, pan, brightness and contrast."""
        self._source, self._source_pixels = pixmap, None
        if not keep_view:
            self._brightness, self._contrast = 0.0, 1.0
        self._show_levels()
        self.scene().setSceneRect(self._item.boundingRect())
        if not keep_view or self._fitted:
            self.fit()

    def clear(self) -> None:
        self.set_pixmap(QPixmap())

    # -- brightness and contrast ---------------------------------------------------------------

    def levels(self) -> tuple[float, float]:
        """(brightness -1..1, contrast factor) as shown now; (0, 1) is the image as it is."""
        return self._brightness, self._contrast

    def set_levels(self, brightness: float, contrast: float) -> None:
        low, high = CONTRAST_RANGE
        self._brightness = min(max(brightness, -1.0), 1.0)
        self._contrast = min(max(contrast, low), high)
        self._show_levels()
        self.levels_changed.emit(self._brightness, self._contrast)

    def reset_levels(self) -> None:
        """The image's own brightness and contrast again."""
        self.set_levels(0.0, 1.0)

    def _show_levels(self) -> None:
        if self._source.isNull() or (self._brightness, self._contrast) == (0.0, 1.0):
            self._item.setPixmap(self._source)
            return
        if self._source_pixels is None:
            image = self._source.toImage().convertToFormat(QImage.Format.Format_ARGB32)
            rows = np.frombuffer(image.constBits(), np.uint8).reshape(
                image.height(), image.bytesPerLine()
            )
            self._source_pixels = (
                rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()
            )
        shown = self._source_pixels.copy()
        table = levels_table(self._brightness, self._contrast)
        shown[..., :3] = table[shown[..., :3]]  # B, G, R; alpha as it was
        height, width = shown.shape[:2]
        image = QImage(shown.data, width, height, width * 4, QImage.Format.Format_ARGB32).copy()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self._source.devicePixelRatio())
        self._item.setPixmap(pixmap)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton and not self._source.isNull():
            self._drag_from = (event.position(), self._brightness, self._contrast)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_from is not None:
            start, brightness, contrast = self._drag_from
            moved = event.position() - start
            self.set_levels(
                brightness - moved.y() / BRIGHTNESS_DRAG,
                contrast * 2.0 ** (moved.x() / CONTRAST_DRAG),
            )
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_from is not None and event.button() == Qt.MouseButton.RightButton:
            self._drag_from = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        event.accept()  # the right button adjusts brightness and contrast here

    def fit(self) -> None:
        """Show the whole image as large as the view allows."""
        self._fitted = True
        if self._item.pixmap().isNull():
            self.resetTransform()
            return
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        """Zoom by `factor` about the mouse (or the centre), between 5% and 16x."""
        current = self.transform().m11()
        target = min(max(current * factor, 0.05), MAX_ZOOM)
        if current > 0 and target != current:
            self._fitted = False
            self.scale(target / current, target / current)

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.fit()
        self.reset_levels()
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
