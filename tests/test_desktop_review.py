"""Reviewing results in the window, as a clinician does it: keys and buttons, the name, the history.

Offscreen, without the model: the results are logged beforehand (`review_fixtures`), and every
test has its own data folder, so its log and settings start empty.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from core.result import Status
from core.result_log import open_result_log
from core.review import ReviewDecision
from desktop import settings
from desktop.main_window import MainWindow
from desktop.results_model import COL_REVIEW, RESULT_ROLE
from tests.review_fixtures import log_results, log_reviews, make_result

TIMEOUT_MS = 10_000
KEYS = {
    ReviewDecision.PNEUMONIA: Qt.Key.Key_1,
    ReviewDecision.NO_PNEUMONIA: Qt.Key.Key_2,
    ReviewDecision.OTHER_FINDING: Qt.Key.Key_3,
    ReviewDecision.NOT_ASSESSABLE: Qt.Key.Key_4,
}


@pytest.fixture
def four(home):
    """Four logged results: three scored, one rejected. The table shows them newest first."""
    return log_results(
        [
            make_result(0, 85.0),
            make_result(1, 12.0),
            make_result(2, 55.0),
            make_result(3, None, Status.REJECTED),
        ]
    )


def open_window(qtbot, reviewer: str = "") -> MainWindow:
    if reviewer:
        store = settings.app_settings()
        store.setValue(settings.REVIEWER, reviewer)
        store.sync()
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # keys reach the window's shortcuts only when it is active
        window.show()
        window.activateWindow()
    return window


def shown_result(window: MainWindow, row: int):
    return window.proxy.index(row, 0).data(RESULT_ROLE)


def review_cell(window: MainWindow, result_id: int) -> str:
    """The Review column as the table shows it for `result_id`."""
    for row in range(window.table.model().rowCount()):
        if shown_result(window, row).id == result_id:
            return window.table.model().index(row, COL_REVIEW).data()
    raise AssertionError(f"result {result_id} is not shown")


def press_in_table(qtbot, window: MainWindow, decision: ReviewDecision) -> None:
    """The decision's key, pressed while the table has the keyboard focus."""
    window.table.setFocus()
    with qtbot.waitSignal(window.review_saved, timeout=TIMEOUT_MS):
        qtbot.keyClick(window.table, KEYS[decision])


def test_buttons_show_their_keys_and_the_table_has_a_review_column(qtbot, four):
    window = open_window(qtbot, reviewer="Dr Achieng")
    panel = window.detail.review
    texts = [panel.button_for(d).text() for d in KEYS]
    assert texts == [
        "1  Pneumonia confirmed",
        "2  No pneumonia",
        "3  Other finding",
        "4  Not assessable",
    ]
    header = window.table.model().headerData(COL_REVIEW, Qt.Orientation.Horizontal)
    assert header == "Review"
    assert not window.table.isColumnHidden(COL_REVIEW)
    assert window.table.columnWidth(COL_REVIEW) > 40


def test_a_key_in_the_table_records_the_decision_and_moves_to_the_next_unreviewed_row(qtbot, four):
    window = open_window(qtbot, reviewer="Dr Achieng")
    window.select_row(0)
    first = shown_result(window, 0)
    assert window.detail.review.latest.text().startswith("Not reviewed yet")

    press_in_table(qtbot, window, ReviewDecision.PNEUMONIA)

    with open_result_log() as log:
        history = log.review_history(first.id)
    assert [(r.decision, r.reviewer) for r in history] == [(ReviewDecision.PNEUMONIA, "Dr Achieng")]
    assert history[0].reviewed_at.tzinfo is not None
    assert review_cell(window, first.id) == "Pneumonia"
    assert window.table.currentIndex().row() == 1  # the next row, which nobody has reviewed
    assert window.table.selected_rows() == [1]

    # A batch at keyboard speed: each key reviews the row in view and moves on.
    for decision in (ReviewDecision.NO_PNEUMONIA, ReviewDecision.NOT_ASSESSABLE):
        press_in_table(qtbot, window, decision)
    press_in_table(qtbot, window, ReviewDecision.OTHER_FINDING)
    with open_result_log() as log:
        latest = log.latest_reviews()
    assert len(latest) == 4
    assert "reviewed" in window.statusBar().currentMessage()


def test_the_next_row_skips_rows_already_reviewed(qtbot, four):
    log_reviews([(four[2], ReviewDecision.NO_PNEUMONIA)])  # row 1 (newest first) is reviewed
    window = open_window(qtbot, reviewer="Dr Achieng")
    assert shown_result(window, 1).id == four[2].id
    window.select_row(0)
    press_in_table(qtbot, window, ReviewDecision.OTHER_FINDING)
    assert window.table.currentIndex().row() == 2


def test_clicking_a_button_records_the_decision_with_the_note(qtbot, four):
    window = open_window(qtbot, reviewer="Dr Achieng")
    window.select_row(2)
    result = shown_result(window, 2)
    panel = window.detail.review
    qtbot.keyClicks(panel.note, "consolidation right lower lobe")
    with qtbot.waitSignal(window.review_saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.button_for(ReviewDecision.NO_PNEUMONIA), Qt.MouseButton.LeftButton)
    with open_result_log() as log:
        (review,) = log.review_history(result.id)
    assert review.decision is ReviewDecision.NO_PNEUMONIA
    assert review.note == "consolidation right lower lobe"
    assert panel.note.text() == ""  # ready for the next film


def test_a_decision_without_a_name_asks_for_it_and_the_name_is_remembered(qtbot, four, home):
    window = open_window(qtbot)
    panel = window.detail.review
    assert panel.reviewer.text() == ""
    window.select_row(0)
    result = shown_result(window, 0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_2)

    dialog = panel.name_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=TIMEOUT_MS)
    with open_result_log() as log:
        assert log.review_history(result.id) == []  # nothing stored without a name
    name_box = dialog.findChild(QLineEdit)
    qtbot.keyClicks(name_box, "Nurse Wanjiru")
    with qtbot.waitSignal(window.review_saved, timeout=TIMEOUT_MS):
        qtbot.keyClick(name_box, Qt.Key.Key_Return)

    with open_result_log() as log:
        (review,) = log.review_history(result.id)
    assert (review.decision, review.reviewer) == (ReviewDecision.NO_PNEUMONIA, "Nurse Wanjiru")
    assert panel.reviewer.text() == "Nurse Wanjiru"
    window.close()

    again = open_window(qtbot)  # the same computer (data folder): the name is remembered
    assert again.detail.review.reviewer.text() == "Nurse Wanjiru"
    again.detail.review.reviewer.clear()  # and editable
    qtbot.keyClicks(again.detail.review.reviewer, "Dr Otieno")
    qtbot.keyClick(again.detail.review.reviewer, Qt.Key.Key_Return)
    assert settings.app_settings().value(settings.REVIEWER) == "Dr Otieno"


def test_a_correction_adds_a_row_and_the_history_shows_who_decided_what(qtbot, four):
    log_reviews([(four[0], ReviewDecision.PNEUMONIA)], reviewer="Dr Achieng")
    window = open_window(qtbot, reviewer="Dr Otieno")
    row = next(
        r for r in range(window.proxy.rowCount()) if shown_result(window, r).id == four[0].id
    )
    window.select_row(row)
    panel = window.detail.review
    qtbot.waitUntil(lambda: panel.history_view.topLevelItemCount() == 1, timeout=TIMEOUT_MS)
    assert "Pneumonia confirmed" in panel.latest.text()
    assert "Dr Achieng" in panel.latest.text()

    window.select_row(row)
    qtbot.keyClicks(panel.note, "second look: normal")
    with qtbot.waitSignal(window.review_saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.button_for(ReviewDecision.NO_PNEUMONIA), Qt.MouseButton.LeftButton)
    window.select_row(row)
    qtbot.waitUntil(lambda: panel.history_view.topLevelItemCount() == 2, timeout=TIMEOUT_MS)
    rows = [
        [panel.history_view.topLevelItem(i).text(c) for c in range(4)]
        for i in range(panel.history_view.topLevelItemCount())
    ]
    assert [r[1:] for r in rows] == [
        ["Dr Otieno", "No pneumonia", "second look: normal"],  # newest first
        ["Dr Achieng", "Pneumonia confirmed", ""],
    ]
    assert "No pneumonia" in panel.latest.text() and "Dr Otieno" in panel.latest.text()
    assert review_cell(window, four[0].id) == "No pneumonia \u2260 model"  # scored 85: PNEUMONIA
    with open_result_log() as log:
        history = log.review_history(four[0].id)
    assert [r.decision for r in history] == [
        ReviewDecision.PNEUMONIA,
        ReviewDecision.NO_PNEUMONIA,
    ]


def test_reviews_are_shown_again_after_a_restart(qtbot, four):
    log_reviews([(four[1], ReviewDecision.NO_PNEUMONIA), (four[3], ReviewDecision.NOT_ASSESSABLE)])
    window = open_window(qtbot)
    assert review_cell(window, four[1].id) == "No pneumonia"
    assert review_cell(window, four[3].id) == "Not assessable"
    assert review_cell(window, four[0].id) == ""


def test_the_decision_keys_are_in_the_review_menu(qtbot, four):
    window = open_window(qtbot, reviewer="Dr Achieng")
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    review_menu = [action.text() for action in menus["&Review"].actions() if action.text()]
    assert review_menu[:4] == [
        "Pneumonia confirmed",
        "No pneumonia",
        "Other finding",
        "Not assessable",
    ]
    assert [a.shortcut().toString() for a in menus["&Review"].actions()[:4]] == list("1234")
