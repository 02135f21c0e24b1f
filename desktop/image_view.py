"""A radiograph viewer: fit to the window, zoom with the wheel or keys, pan by dragging.

A `QGraphicsView` does the scaling and scrolling, so a 2000-pixel image zooms smoothly without our
own resampling. The view stays "fitted" across window resizes until the user zooms.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0


class ImageView(QGraphicsView):
    """Shows one pixmap; `set_pixmap` keeps the zoom and position when only the overlay changed."""

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
        self._fitted = True

    def pixmap(self) -> QPixmap:
        """The pixmap shown now (an empty one when nothing is shown)."""
        return self._item.pixmap()

    def set_pixmap(self, pixmap: QPixmap, keep_view: bool = False) -> None:
        """Show `pixmap`; a new image is fitted, the same image redrawn keeps zoom and pan."""
        self._item.setPixmap(pixmap)
        self.scene().setSceneRect(self._item.boundingRect())
        if not keep_view or self._fitted:
            self.fit()

    def clear(self) -> None:
        self.set_pixmap(QPixmap())

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
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
