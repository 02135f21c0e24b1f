""" "How the model does here", opened from its menu, on results reviewed in the log.

Offscreen, without the model: results and reviews are logged beforehand (`review_fixtures`).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QColor

from core.local_performance import performance_from_log
from core.result_log import open_result_log
from desktop.main_window import MainWindow
from desktop.performance_dialog import PerformanceDialog, estimate_text
from desktop.roc_chart import MARK_COLOUR
from desktop.threshold_state import model_identity
from tests.review_fixtures import reviewed_set

TIMEOUT_MS = 10_000


def open_page(qtbot) -> tuple[MainWindow, PerformanceDialog]:
    """The window, and the page as its Review menu opens it."""
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    entry = next(a for a in menus["&Review"].actions() if a.text() == "&How the model does here…")
    entry.trigger()
    page = window.performance_dialog
    assert page is not None and page.isVisible()
    qtbot.waitUntil(lambda: page.performance is not None, timeout=TIMEOUT_MS)
    return window, page


def test_the_page_shows_the_figures_counts_and_curve_of_the_reviewed_results(qtbot, home):
    threshold = model_identity().threshold  # 42.0 for model 1.2.0; scores straddle it
    pneumonia = [threshold + 5 + i for i in range(22)] + [threshold - 10, threshold - 20]
    normal = [threshold - 30 + i for i in range(21)] + [threshold + 1, threshold + 2, 95.0]
    reviewed_set(pneumonia, normal, other=2, not_assessable=1)
    _window, page = open_page(qtbot)
    with open_result_log() as log:
        expected = performance_from_log(log, threshold, model_identity().version)

    assert (expected.n_pneumonia, expected.n_normal) == (24, 24)
    assert page.figures["sensitivity"].text() == estimate_text(expected.sensitivity)
    assert page.figures["sensitivity"].text().startswith("0.917  (95% CI")  # 22 of 24
    assert page.figures["specificity"].text().startswith("0.875  (95% CI")  # 21 of 24
    assert page.figures["auc"].text() == estimate_text(expected.auc)
    counts = {key: label.text() for key, label in page.counts.items()}
    assert counts == {
        "true_positive": "22",
        "false_negative": "2",
        "false_positive": "3",
        "true_negative": "21",
    }
    assert "Other finding: 2" in page.left_out.text()
    assert "Not assessable: 1" in page.left_out.text()
    assert "48 reviewed results" in page.status.text()
    assert not page.warning.isVisible()  # 24 of each: enough to show without a warning

    chart = page.chart
    assert len(chart.curve()) >= 3
    assert chart.mark() == pytest.approx((3 / 24, 22 / 24))
    picture = chart.grab().toImage()
    centre = chart.to_pixel(*chart.mark()).toPoint()
    ratio = picture.devicePixelRatio()
    drawn = QColor(picture.pixel(int(centre.x() * ratio), int(centre.y() * ratio)))
    assert drawn == MARK_COLOUR  # the threshold in force is marked where the counts put it


def test_thin_evidence_is_said_plainly(qtbot, home):
    threshold = model_identity().threshold
    reviewed_set([threshold + 10] * 5, [threshold - 10] * 3)
    _window, page = open_page(qtbot)
    assert page.warning.isVisible()
    assert "fewer than 20" in page.warning.text()
    assert page.counts["true_positive"].text() == "5"


def test_no_reviews_yet_shows_an_empty_page_without_failing(qtbot, home):
    _window, page = open_page(qtbot)
    assert page.figures["sensitivity"].text() == "\u2013"
    assert page.chart.mark() is None
    assert page.warning.isVisible()


def test_the_roc_chart_is_never_narrower_than_its_axis_title(qtbot):
    """A dialog at its smallest once cut the x axis' title off ("- specificity (healthy films
    flaggec"); the chart's minimum width now makes room for the whole title."""
    from desktop.roc_chart import RocChart

    chart = RocChart()
    qtbot.addWidget(chart)
    title = chart.fontMetrics().horizontalAdvance("1 - specificity (healthy films flagged)")
    assert chart.minimumWidth() >= title
