"""The filter bar through its widgets: pick an item as a user does, count the rows the table shows.

A proxy called directly proved nothing about the combo boxes (issue 17: PySide6 hands item data
back as plain strings, so "Pneumonia likely" showed no row at all); these tests go through the
popup, like a mouse.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from core.result import Status
from core.review import ReviewDecision
from desktop.main_window import MainWindow
from desktop.results_model import RESULT_ROLE
from tests.review_fixtures import log_results, log_reviews, make_result


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch) -> MainWindow:
    """Six results: scores 85 and 55 (pneumonia likely), 12 and 5 (no signs), one rejected, one
    unreadable; 85 reviewed "no pneumonia" (a disagreement), 12 reviewed "no pneumonia", the
    rejected one "not assessable"."""
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "home"))
    results = log_results(
        [
            make_result(0, 85.0),
            make_result(1, 12.0),
            make_result(2, 55.0),
            make_result(3, 5.0),
            make_result(4, None, Status.REJECTED),
            make_result(5, None, Status.ERROR),
        ]
    )
    log_reviews(
        [
            (results[0], ReviewDecision.NO_PNEUMONIA),
            (results[1], ReviewDecision.NO_PNEUMONIA),
            (results[4], ReviewDecision.NOT_ASSESSABLE),
        ]
    )
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # keys reach the window's shortcuts only when it is active
        window.show()
        window.activateWindow()
    window.results = results
    return window


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo's popup and click the item that reads `text`."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def shown_scores(window: MainWindow) -> list[float | None]:
    """The scores of the rows the table shows, top to bottom."""
    view = window.table
    return sorted(
        (view.model().index(row, 0).data(RESULT_ROLE).score or -1)
        for row in range(view.model().rowCount())
    )


def visible_rows(window: MainWindow) -> int:
    return window.table.model().rowCount()


def test_choosing_a_label_shows_its_rows(qtbot, window):
    bar = window.filter_bar
    choose(qtbot, bar.label, "Pneumonia likely")
    assert shown_scores(window) == [55.0, 85.0]
    assert window.count_label.text() == "Showing 2 of 6 results"
    choose(qtbot, bar.label, "No pneumonia signs")
    assert shown_scores(window) == [5.0, 12.0]
    choose(qtbot, bar.label, "All labels")
    assert visible_rows(window) == 6
    assert window.count_label.text() == "6 results"


def test_choosing_a_status_shows_its_rows(qtbot, window):
    bar = window.filter_bar
    choose(qtbot, bar.status, "Rejected")
    assert visible_rows(window) == 1
    assert window.table.model().index(0, 0).data(RESULT_ROLE).status is Status.REJECTED
    choose(qtbot, bar.status, "Screened")
    assert visible_rows(window) == 4
    choose(qtbot, bar.label, "Pneumonia likely")  # both filters at once
    assert shown_scores(window) == [55.0, 85.0]


def test_not_yet_reviewed_shows_only_rows_without_a_review(qtbot, window):
    choose(qtbot, window.filter_bar.review, "Not yet reviewed")
    shown = {window.table.model().index(r, 0).data(RESULT_ROLE).id for r in range(3)}
    assert visible_rows(window) == 3
    assert shown == {window.results[i].id for i in (2, 3, 5)}


def test_reviewer_disagrees_shows_only_contradicted_labels(qtbot, window):
    choose(qtbot, window.filter_bar.review, "Reviewer disagrees with the model")
    assert shown_scores(window) == [85.0]  # pneumonia likely, reviewed no pneumonia
    assert window.count_label.text() == "Showing 1 of 6 results"
    choose(qtbot, window.filter_bar.review, "All reviews")
    assert visible_rows(window) == 6


def test_a_review_made_under_not_yet_reviewed_takes_the_row_out_of_view(qtbot, window):
    from desktop import settings

    store = settings.app_settings()
    store.setValue(settings.REVIEWER, "Dr Achieng")
    store.sync()
    window.detail.review.reviewer.setText("Dr Achieng")
    choose(qtbot, window.filter_bar.review, "Not yet reviewed")
    window.select_row(0)
    window.table.setFocus()
    with qtbot.waitSignal(window.review_saved, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: visible_rows(window) == 2)
    assert window.table.selected_rows() == [0]  # the next unreviewed film, ready for its key


def test_could_not_read_and_search_narrow_the_rows(qtbot, window):
    """The last status item, then typed search text, as a user would: keys into the box."""
    bar = window.filter_bar
    choose(qtbot, bar.status, "Could not read")
    assert visible_rows(window) == 1
    assert window.table.model().index(0, 0).data(RESULT_ROLE).status is Status.ERROR
    assert window.count_label.text() == "Showing 1 of 6 results"
    choose(qtbot, bar.status, "All statuses")
    qtbot.mouseClick(bar.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(bar.search, "too small")  # the rejected and the unreadable film's reason
    assert visible_rows(window) == 2
    bar.search.clear()
    assert visible_rows(window) == 6
