"""The window's own export and its opening of the log follow the command line's rules: a CSV never
replaces an X-ray, the log or a folder; a read-only log still shows and exports; what is wrong
with the data folder is said in the same plain sentence (issue 14, sections 3 and 7)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
import logging
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import desktop.app
from core.result_log import ResultLog
from desktop import export_dialog
from desktop.export_dialog import ExportScope
from desktop.main_window import MainWindow
from tests.media_mounts import IS_ROOT, read_only_folder
from tests.test_result_log import ok_result

TIMEOUT_MS = 30_000


@pytest.fixture
def xrays(shared_data, tmp_path) -> list[Path]:
    folder = tmp_path / "xrays"
    folder.mkdir()
    paths = []
    for sample in sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[:3]:
        paths.append(Path(shutil.copy(sample, folder / sample.name)))
    return paths


def log_rows_for(files: list[Path], log_path: Path) -> None:
    """One logged result per file, as earlier screenings would have left them."""
    with ResultLog(log_path) as log:
        for index, path in enumerate(files):
            log.add(ok_result(path.name, sha256=f"{index:064d}", file=str(path)))


def open_window(qtbot) -> MainWindow:
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    return window


def visible_error_box() -> QMessageBox | None:
    """The message box that `desktop.errors.show_exception` shows, while it is on screen."""
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox"]
    return next((b for b in boxes if isinstance(b, QMessageBox) and b.isVisible()), None)


def answer_the_export_dialogs(monkeypatch, chosen: Path) -> None:
    """The user picks "All results" and then `chosen` in the save dialog."""
    monkeypatch.setattr(
        export_dialog.ExportScopeDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(
        export_dialog.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args, **kwargs: (str(chosen), "CSV files (*.csv)")),
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_through_the_dialog(qtbot, window, monkeypatch, chosen: Path) -> str:
    answer_the_export_dialogs(monkeypatch, chosen)
    window.commands.export.trigger()
    qtbot.waitUntil(lambda: visible_error_box() is not None, timeout=TIMEOUT_MS)
    box = visible_error_box()
    text = box.text()
    box.close()
    return text


def test_exporting_over_an_exported_rows_image_is_refused_with_a_message(
    qtbot, home, xrays, monkeypatch
):
    log_rows_for(xrays, home / "results.sqlite3")
    window = open_window(qtbot)
    assert window.model.rowCount() == 3
    before = digest(xrays[1])
    text = refused_through_the_dialog(qtbot, window, monkeypatch, xrays[1])
    assert str(xrays[1]) in text and "replace" in text
    assert digest(xrays[1]) == before


def test_exporting_over_the_result_log_is_refused_and_the_log_stays_whole(
    qtbot, home, xrays, monkeypatch
):
    log_rows_for(xrays, home / "results.sqlite3")
    window = open_window(qtbot)
    text = refused_through_the_dialog(qtbot, window, monkeypatch, home / "results.sqlite3")
    assert "data folder" in text
    assert window.log.count() == 3 and window.log.integrity_ok()


def test_exporting_into_the_data_folder_is_refused(qtbot, home, xrays, monkeypatch):
    log_rows_for(xrays, home / "results.sqlite3")
    window = open_window(qtbot)
    text = refused_through_the_dialog(qtbot, window, monkeypatch, home / "day.csv")
    assert "data folder" in text
    assert not (home / "day.csv").exists()


def test_exporting_onto_a_folder_is_refused(qtbot, home, xrays, tmp_path, monkeypatch):
    log_rows_for(xrays, home / "results.sqlite3")
    folder = tmp_path / "older.csv"  # a folder whose name looks like a CSV file
    (folder / "inside").mkdir(parents=True)
    window = open_window(qtbot)
    assert "is a folder" in refused_through_the_dialog(qtbot, window, monkeypatch, folder)
    assert (folder / "inside").is_dir()


def test_a_read_only_data_folder_still_shows_and_exports_its_results(qtbot, tmp_path, monkeypatch):
    def fill(folder: Path) -> None:
        with ResultLog(folder / "results.sqlite3") as log:
            for index in range(3):
                log.add(ok_result(f"{index}.png", sha256=f"{index:064d}"))

    target = tmp_path / "export.csv"
    with read_only_folder(tmp_path / "cdrom", fill) as folder:
        monkeypatch.setenv("PNEUMOSCREEN_HOME", str(folder))
        window = open_window(qtbot)
        box = visible_error_box()
        assert box is not None
        if IS_ROOT:  # a read-only disk; a folder without write permission fails otherwise
            assert "read-only" in box.text() and "exported" in box.text()
        box.close()
        assert window.model.rowCount() == 3
        assert not window.commands.add_files.isEnabled()
        with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT_MS) as finished:
            window.export_rows(ExportScope.ALL, target)
        window.close()
    assert finished.args == [target, 3]
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 4


def test_a_data_folder_that_is_a_file_is_said_so_in_the_window(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "home-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(blocker))
    window = open_window(qtbot)
    box = visible_error_box()
    assert box is not None
    assert str(blocker) in box.text() and "is a file, not a folder" in box.text()
    assert "Errno" not in box.text()
    box.close()
    assert window.log is None and not window.commands.add_files.isEnabled()


def test_a_damaged_version_mark_is_explained_in_the_window(qtbot, home, xrays):
    log_rows_for(xrays, home / "results.sqlite3")
    db = sqlite3.connect(home / "results.sqlite3")
    db.execute("PRAGMA user_version = -1")
    db.commit()
    db.close()
    window = open_window(qtbot)
    box = visible_error_box()
    assert box is not None and "version mark is damaged" in box.text()
    assert "already exists" not in box.text()
    box.close()
    assert window.log is None
    check = sqlite3.connect(home / "results.sqlite3")
    assert check.execute("SELECT count(*) FROM results").fetchone() == (3,)  # nothing lost
    check.close()


def test_the_app_starts_and_explains_when_the_data_folder_is_a_file(qapp, tmp_path, monkeypatch):
    blocker = tmp_path / "home-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(blocker))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    seen: list[str] = []

    def read_the_box_and_close() -> None:
        box = visible_error_box()
        seen.append(box.text() if box is not None else "")
        for widget in QApplication.topLevelWidgets():
            widget.close()
        qapp.quit()

    qapp.setQuitOnLastWindowClosed(False)  # only the explicit quit ends the loop
    QTimer.singleShot(300, read_the_box_and_close)
    try:
        assert desktop.app.run() == 0  # no log file can be written: the window opens anyway
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        logging.captureWarnings(False)
    assert seen and "is a file, not a folder" in seen[0]
    assert blocker.read_text() == "not a folder"
