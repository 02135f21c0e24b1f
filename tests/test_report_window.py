"""The report from the window, as a clinic user makes it: select a row, Ctrl+P, type the clinic's
name, Save as PDF; and File > Day summary report… for a chosen day. The PDFs are read back with
`pdftotext`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from core.result import Status
from core.review import ReviewDecision
from desktop import report_dialog
from desktop.main_window import MainWindow
from desktop.report_settings import clinic_name
from desktop.results_model import RESULT_ROLE
from tests.review_fixtures import log_results, log_reviews, make_result

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (README, System packages)"
)
TIMEOUT_MS = 10_000


@pytest.fixture
def logged(home):
    """A day's films: two flagged (one reviewed), one clear, one rejected; and one the next day."""
    results = log_results(
        [
            replace(make_result(0, 91.5), patient_id="KDH-1", patient_name="Amina Otieno"),
            make_result(1, 12.0),
            make_result(2, 64.0),
            make_result(3, None, Status.REJECTED),
            replace(
                make_result(4, 77.0), screened_at=make_result(4, 77.0).screened_at.replace(day=21)
            ),
        ]
    )
    log_reviews([(results[0], ReviewDecision.PNEUMONIA)])
    return results


def open_window(qtbot) -> MainWindow:
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def choose_pdf(monkeypatch, path: Path) -> None:
    """Stand in for the user in the native save dialog."""
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda parent, suggested: path)


def test_ctrl_p_on_a_selected_row_saves_its_report(qtbot, logged, tmp_path, monkeypatch):
    window = open_window(qtbot)
    assert not window.commands.print_report.isEnabled()  # nothing selected yet
    row = next(
        r
        for r in range(window.proxy.rowCount())
        if window.proxy.index(r, 0).data(RESULT_ROLE).id == logged[0].id
    )
    with qtbot.waitSignal(window.detail.image_shown, timeout=TIMEOUT_MS):
        window.select_row(row)
    assert window.commands.print_report.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.print_button.isVisible()  # QtPrintSupport is in PySide6-Essentials
    dialog.clinic.clear()
    qtbot.keyClicks(dialog.clinic, "Kisumu District Clinic")
    pdf = tmp_path / "report.pdf"
    choose_pdf(monkeypatch, pdf)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    text = pdf_text(pdf)
    for expected in (
        "Kisumu District Clinic",
        "Amina Otieno",
        "KDH-1",
        "Pneumonia score 91.5",
        "Pneumonia confirmed, by Dr Achieng",
        "Screening aid, not a diagnosis",
        "Signature:",
    ):
        assert expected in text, expected
    assert "1 page(s)" in window.statusBar().currentMessage()
    assert clinic_name() == "Kisumu District Clinic"  # remembered for the next report


def test_the_day_summary_counts_the_day_and_lists_its_flagged_films(
    qtbot, logged, tmp_path, monkeypatch
):
    window = open_window(qtbot)
    file_menu = window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == "&Day summary report…")
    entry.trigger()
    dialog = window.report_dialog
    assert dialog.isVisible()
    assert dialog.day.date() == QDate(2026, 11, 21)  # the latest day with results
    dialog.day.setDate(QDate(2026, 11, 20))
    assert dialog.summary.text() == (
        "4 films: 2 pneumonia likely, 1 no pneumonia signs, 1 rejected, 0 could not be read; "
        "1 reviewed."
    )
    pdf = tmp_path / "day.pdf"
    choose_pdf(monkeypatch, pdf)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(pdf)
    assert "Day summary: 2026-11-20" in text
    assert "Films screened 4" in text and "Pneumonia likely 2" in text
    flagged = [Path(logged[i].file).name for i in (0, 2)]
    assert all(name in text for name in flagged)
    assert text.index("91.5") < text.index("64.0")  # highest score first
    assert "Amina Otieno" in text and "Pneumonia confirmed" in text
    assert "77.0" not in text  # the next day's film
    assert "Screening aid, not a diagnosis" in text


def test_without_qt_print_support_the_report_is_saved_as_pdf_only(qtbot, logged, monkeypatch):
    monkeypatch.setattr(report_dialog, "printing_available", lambda: False)
    window = open_window(qtbot)
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Print report…" in [action.text() for action in file_menu.actions()]
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.report_dialog
    assert dialog.isVisible()
    assert not dialog.print_button.isVisible()
    assert dialog.save_button.isVisible()
