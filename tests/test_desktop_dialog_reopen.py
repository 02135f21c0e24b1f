"""Opening "How the model does here" or the site threshold dialog again while the first is still
reading the log: the first closes, the second stays the window's, and the first's figures, when
they arrive after it is gone, are dropped instead of raising on its deleted widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from tests.review_fixtures import reviewed_set

TIMEOUT_MS = 10_000


@pytest.mark.parametrize(
    ("command", "attribute"),
    [("performance", "performance_dialog"), ("site_threshold", "site_threshold_dialog")],
)
def test_reopening_a_log_dialog_keeps_the_new_one_and_drops_the_old_ones_figures(
    qtbot, home, command, attribute
):
    reviewed_set([80.0 + i for i in range(20)], [10.0 + i for i in range(20)])
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    action = getattr(window.commands, command)
    action.trigger()
    first = getattr(window, attribute)
    action.trigger()  # before the first has its figures
    second = getattr(window, attribute)
    assert second is not None and second is not first
    qtbot.waitUntil(lambda: window.tasks.active() == 0, timeout=TIMEOUT_MS)
    for _ in range(3):  # let the first's deferred deletion and its signals run
        QApplication.processEvents()
    assert getattr(window, attribute) is second and second.isVisible()
