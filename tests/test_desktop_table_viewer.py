"""Brightness and contrast (window/level) in the image viewer, by right-dragging as a user does.

The shown pixels must change, the image given to the viewer must not (the screening never sees
the adjustment), and a double-click puts them back.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.image_view import ImageView


def grey_ramp() -> QPixmap:
    """A 256 x 64 ramp from black to white: every grey level, so any change of levels shows."""
    pixels = np.tile(np.arange(256, dtype=np.uint8), (64, 1))
    image = QImage(pixels.data, 256, 64, 256, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image)


def shown_grey(view: ImageView) -> np.ndarray:
    """The red channel of the pixmap the viewer shows, as an array."""
    image = view.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., 2].copy()


def right_drag(view: ImageView, start: QPoint, end: QPoint) -> None:
    """Press the right button at `start`, move to `end` in steps, release (as a mouse does)."""
    viewport = view.viewport()
    button, none = Qt.MouseButton.RightButton, Qt.MouseButton.NoButton

    def send(kind, at: QPoint, buttons, which) -> None:
        position = QPointF(at)
        event = QMouseEvent(
            kind, position, viewport.mapToGlobal(position), which, buttons,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(viewport, event)

    send(QMouseEvent.Type.MouseButtonPress, start, button, button)
    for step in range(1, 5):
        at = start + (end - start) * (step / 4)
        send(QMouseEvent.Type.MouseMove, at, button, none)
    send(QMouseEvent.Type.MouseButtonRelease, end, none, button)


@pytest.fixture
def view(qtbot) -> ImageView:
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_pixmap(grey_ramp())
    return view


def test_right_drag_up_brightens_and_double_click_resets(qtbot, view):
    before = shown_grey(view)
    centre = view.viewport().rect().center()
    right_drag(view, centre, centre - QPoint(0, 80))  # up: brighter
    after = shown_grey(view)
    assert after.mean() > before.mean() + 20
    assert view.levels()[0] > 0
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.levels() == (0.0, 1.0)
    assert np.array_equal(shown_grey(view), before)


def test_right_drag_sideways_changes_contrast_not_the_source(qtbot, view):
    source = grey_ramp().toImage()
    before = shown_grey(view)
    centre = view.viewport().rect().center()
    right_drag(view, centre, centre + QPoint(100, 0))  # right: more contrast
    after = shown_grey(view)
    assert after.std() > before.std() + 10  # darks darker, lights lighter
    assert view.levels()[1] > 1.0
    assert not np.array_equal(after, before)
    assert view._source.toImage() == source  # the image itself is as it was


def test_a_redraw_of_the_same_image_keeps_the_levels_a_new_image_resets_them(qtbot, view):
    view.set_levels(0.2, 2.0)
    adjusted = shown_grey(view)
    view.set_pixmap(grey_ramp(), keep_view=True)  # the heatmap toggled: same film
    assert view.levels() == (0.2, 2.0)
    assert np.array_equal(shown_grey(view), adjusted)
    view.set_pixmap(grey_ramp())  # another film
    assert view.levels() == (0.0, 1.0)
