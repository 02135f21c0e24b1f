"""The results table as a clinic user meets it (issue 17), through the widgets.

A Reason column for refused films, the end of a long file name in sight on a 1024 x 600 laptop,
compact rows, the scope switch ("This batch / Today / All", a batch shows itself), the Score
header's first click, counts in the singular, Ctrl+E from the search box, and the Add-files
dialog's formats.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QStyle, QStyleOptionViewItem

from core.errors import UnreadableImage
from core.formats import SUFFIXES
from core.raster_reader import NOT_AN_IMAGE
from core.reason_codes import ReasonCode
from core.result import ScreeningResult, Status
from core.view_gate import NOT_FRONTAL_REASON
from desktop import export_dialog
from desktop.main_window import MainWindow
from desktop.results_model import COL_FILE, COL_REASON, COL_SCORE, COL_STATUS, RESULT_ROLE
from desktop.results_table import ROW_THUMBNAIL
from tests.review_fixtures import SAMPLES, log_results, make_result
from tests.test_desktop_filter_bar import choose

TIMEOUT_MS = 60_000
LONG_NAME = "district-clinic-export_2026-11-28_child-000123_PA_follow-up-7.png"


def open_window(qtbot, load_model: bool = False) -> MainWindow:
    window = MainWindow(load_model=load_model)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # keys reach the window's shortcuts only when it is active
        window.show()
        window.activateWindow()
    if load_model:
        qtbot.waitUntil(window.controller.is_ready, timeout=TIMEOUT_MS)
    return window


@pytest.fixture
def window(qtbot, home, tmp_path) -> MainWindow:
    """Scores 85, 12 and 55, a film the view gate refused, an unreadable file, and one film with
    a long name screened today (the others on 2026-11-20)."""
    long_file = tmp_path / LONG_NAME
    shutil.copyfile(sorted(SAMPLES.glob("*/*.png"))[0], long_file)
    results = [
        make_result(0, 85.0),
        make_result(1, 12.0),
        make_result(2, 55.0),
        replace(
            make_result(3, None, Status.REJECTED),
            reason=NOT_FRONTAL_REASON,
            reason_code=ReasonCode.NOT_FRONTAL_CXR,
        ),
        unreadable(make_result(4, None, Status.ERROR)),
        replace(make_result(5, 30.0), file=str(long_file), screened_at=datetime.now().astimezone()),
    ]
    window = open_window(qtbot)
    window.results = log_results(results)
    window.model.reset(window.log.results())
    return window


def unreadable(result: ScreeningResult) -> ScreeningResult:
    """`result` as the engine reports a file that is not an image: "NAME could not be read: …"."""
    error = UnreadableImage(Path(result.file), NOT_AN_IMAGE, ReasonCode.NOT_AN_IMAGE)
    return replace(result, reason=str(error), reason_code=error.code)


def shown(window: MainWindow, column: int) -> list[str]:
    """The text of `column` in every row the table shows, top to bottom."""
    model = window.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_of(window: MainWindow, status: Status) -> int:
    model = window.table.model()
    rows = [
        r for r in range(model.rowCount()) if model.index(r, 0).data(RESULT_ROLE).status is status
    ]
    return rows[0]


def displayed_text(view, index) -> str:
    """The text the view paints in the cell at `index`, elided as its delegate elides it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    style = view.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return option.fontMetrics.elidedText(
        option.text, view.textElideMode(), text_rect.width() - 2 * margin
    )


def test_refused_rows_say_why_in_a_reason_column(qtbot, window):
    table = window.table
    header = table.horizontalHeader()
    assert not header.isSectionHidden(COL_REASON)
    assert header.visualIndex(COL_REASON) == header.visualIndex(COL_STATUS) + 1
    rejected = row_of(window, Status.REJECTED)
    reason = table.model().index(rejected, COL_REASON)
    assert reason.data() == "Not a frontal chest X-ray"  # a view gate cannot tell which kind
    assert reason.data(Qt.ItemDataRole.ToolTipRole) == NOT_FRONTAL_REASON
    error = table.model().index(row_of(window, Status.ERROR), COL_REASON)
    # A short name by the reason's code; the engine's whole sentence is the tooltip.
    assert error.data() == "Not an image"
    assert error.data(Qt.ItemDataRole.ToolTipRole).endswith(
        "could not be read: " + NOT_AN_IMAGE + "."
    )
    screened = [r for r in range(6) if table.model().index(r, 0).data(RESULT_ROLE).score]
    assert all(table.model().index(r, COL_REASON).data() == "" for r in screened)
    choose(qtbot, window.filter_bar.status, "Rejected")
    assert shown(window, COL_REASON) == ["Not a frontal chest X-ray"]


def test_the_end_of_a_long_file_name_stays_in_sight_at_1024_by_600(qtbot, window):
    assert window.minimumSizeHint().width() <= 1024  # the window can be that small at all
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 600))
    window.filter_bar.search.setText("follow-up")  # the long-named film only
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 1)
    window.select_row(0)  # the detail pane shows the film and its patient fields
    qtbot.wait(50)
    assert window.size().toTuple() == (1024, 600)
    table = window.table
    index = table.model().index(0, COL_FILE)
    cell = table.visualRect(index)
    assert cell.left() >= 0 and cell.right() <= table.viewport().width()  # not scrolled away
    text = displayed_text(table, index)
    assert "\u2026" in text, "the name fits whole: the test proves nothing"
    assert text.endswith(LONG_NAME[-14:]), text  # "follow-up-7.png": which film it is


def test_rows_are_compact(window):
    table = window.table
    assert table.rowHeight(0) <= ROW_THUMBNAIL + 6
    assert table.iconSize().height() == ROW_THUMBNAIL


def test_first_click_on_score_puts_the_highest_score_on_top(qtbot, window):
    header = window.table.horizontalHeader()
    centre = header.sectionViewportPosition(COL_SCORE) + header.sectionSize(COL_SCORE) // 2
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(centre, 5),
    )
    assert shown(window, COL_SCORE)[:4] == ["85.0", "55.0", "30.0", "12.0"]
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(centre, 5),
    )
    assert shown(window, COL_SCORE)[-4:] == ["12.0", "30.0", "55.0", "85.0"]


def test_scope_today_and_all(qtbot, window):
    bar = window.filter_bar
    assert bar.scope.currentText() == "All"
    choose(qtbot, bar.scope, "Today")
    assert shown(window, COL_FILE) == [LONG_NAME]
    assert window.count_label.text() == "Showing 1 of 6 results"
    choose(qtbot, bar.scope, "All")
    assert window.table.model().rowCount() == 6
    assert window.count_label.text() == "6 results"


def test_one_result_is_one_result(qtbot, home):
    window = open_window(qtbot)
    window.model.reset(log_results([make_result(0, 85.0)]))
    window._update_counts()
    assert window.count_label.text() == "1 result"
    summary = window.progress_panel.summary(None, cancelled=False)
    assert summary.startswith("0 files")


def test_a_batch_shows_itself(qtbot, home):
    log_results([make_result(i, 10.0 + i) for i in range(4)])  # an earlier day's films
    window = open_window(qtbot, load_model=True)
    assert window.table.model().rowCount() == 4
    files = sorted((SAMPLES / "NORMAL").glob("*.png"))[:1]
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
        window.add_paths(files)
    assert window.filter_bar.scope.currentText() == "This batch"
    assert [Path(r.file) for r in window.proxy.results()] == files
    assert window.count_label.text() == "Showing 1 of 5 results"
    assert window.statusBar().currentMessage().startswith("1 file:")
    choose(qtbot, window.filter_bar.scope, "All")
    assert window.table.model().rowCount() == 5


def test_ctrl_e_exports_while_the_search_box_has_focus(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(export_dialog, "ask_export", lambda parent, counts: asked.append(counts))
    search = window.filter_bar.search
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "12")
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert search.text() == "12"  # typing still types


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
@pytest.mark.skipif(os.environ["QT_QPA_PLATFORM"] == "xcb", reason="this is the X11 run itself")
def test_ctrl_e_exports_from_the_search_box_on_x11():
    """The test above, on a real X11 display: only there does a line edit claim Ctrl+E (the X11
    key bindings move the cursor to the end of the line with it), so only there did it fail."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    run = subprocess.run(
        [
            "xvfb-run", "-a", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            f"{__file__}::test_ctrl_e_exports_while_the_search_box_has_focus",
        ],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout


def test_add_files_offers_every_format_of_the_table_and_all_files(qtbot, window, monkeypatch):
    offered = []

    def fake_dialog(parent, caption, folder, filters):
        offered.append(filters)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_dialog)
    window.commands.add_files.trigger()
    filters = offered[0].split(";;")
    images = filters[0]
    assert SUFFIXES  # the formats table (`core.formats`), which the README's list follows
    for suffix in SUFFIXES:
        assert f"*{suffix}" in images.split("(")[1].rstrip(")").split()
    assert "All files (*)" in filters  # DICOM files without an extension


def test_selecting_a_row_by_program_ignores_a_held_ctrl_key(qtbot, window):
    """`select_row` (next unreviewed row, restored selections) selects the row even while Ctrl
    is down; with Qt's modifier-following selection it toggled the row off again, which once
    left a later test with nothing selected after Ctrl+E here."""
    qtbot.keyPress(window.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        window.select_row(1)
        assert window.table.selected_rows() == [1]
        window.select_row(0)
        assert window.table.selected_rows() == [0]
    finally:
        qtbot.keyRelease(window.table, Qt.Key.Key_Control)
