"""Watch folders in the window, offscreen, through its widgets (issue 17, automatic intake).

A real folder is chosen in the "Watch folders" dialog, real radiographs are copied into it while
the window runs, and the rows are counted in the table the user sees. Every wait is "until this
shows", with a generous limit: nothing here measures time.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import file_dialogs, main_window
from desktop.main_window import MainWindow
from desktop.results_model import RESULT_ROLE
from desktop.watch_folders_dialog import WatchFoldersDialog

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "samples"
TIMEOUT_MS = 90_000


@pytest.fixture
def error_boxes(monkeypatch) -> list[BaseException]:
    """Every error the window would show in a box (there must be none for a pulled stick)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(main_window, "show_exception", lambda _parent, exc: shown.append(exc))
    return shown


def open_window(qtbot, load_model: bool) -> MainWindow:
    window = MainWindow(load_model=load_model)
    qtbot.addWidget(window)
    window.show()
    if load_model:
        qtbot.waitUntil(window.controller.is_ready, timeout=TIMEOUT_MS)
    return window


def open_watch_dialog(window: MainWindow) -> WatchFoldersDialog:
    """File > Watch folders…, as the user chooses it from the menu."""
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [item] = [a for a in file_menu.actions() if a.text() == "&Watch folders…"]
    item.trigger()
    dialog = window.findChild(WatchFoldersDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def add_through_dialog(qtbot, dialog: WatchFoldersDialog, folder: Path, monkeypatch) -> None:
    monkeypatch.setattr(file_dialogs, "ask_folder", lambda _parent: folder)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def listed(dialog: WatchFoldersDialog) -> list[str]:
    return [dialog.folder_list.item(i).text() for i in range(dialog.folder_list.count())]


def shown_files(window: MainWindow) -> list[str]:
    """The file names in the rows the table shows (whatever scope it shows)."""
    view = window.table.model()
    return [Path(view.index(row, 0).data(RESULT_ROLE).file).name for row in range(view.rowCount())]


def test_a_film_copied_into_a_watched_folder_appears_and_a_pulled_stick_resumes(
    qtbot, home, tmp_path, monkeypatch, error_boxes
):
    window = open_window(qtbot, load_model=True)
    folder = tmp_path / "xray-export"
    folder.mkdir()
    dialog = open_watch_dialog(window)
    add_through_dialog(qtbot, dialog, folder, monkeypatch)
    qtbot.waitUntil(lambda: listed(dialog) == [f"Watching: {folder}"], timeout=TIMEOUT_MS)
    assert window.watch_folders.summary.text() == "Watching 1 folder"

    pneumonia = sorted((SAMPLES / "PNEUMONIA").glob("*.png"))[0]
    with qtbot.waitSignal(window.watch_folders.announced, timeout=TIMEOUT_MS) as announced:
        shutil.copy(pneumonia, folder / "from-the-unit.png")
    assert shown_files(window) == ["from-the-unit.png"]
    assert announced.args == ["Pneumonia likely: from-the-unit.png (from a watched folder)"]
    assert window.statusBar().currentMessage() == announced.args[0]

    shutil.rmtree(folder)  # the USB stick pulled out
    qtbot.waitUntil(lambda: listed(dialog)[0].startswith("Unavailable"), timeout=TIMEOUT_MS)
    assert "1 unavailable" in window.watch_folders.summary.text()
    folder.mkdir()  # put back, with another film
    qtbot.waitUntil(lambda: listed(dialog) == [f"Watching: {folder}"], timeout=TIMEOUT_MS)
    normal = sorted((SAMPLES / "NORMAL").glob("*.png"))[0]
    shutil.copy(normal, folder / "second.png")
    qtbot.waitUntil(lambda: "second.png" in shown_files(window), timeout=TIMEOUT_MS)
    assert window.model.rowCount() == 2  # both films are in the table's results
    assert error_boxes == []


def test_watched_folders_are_remembered_across_restarts_and_removed_through_the_dialog(
    qtbot, home, tmp_path, monkeypatch, error_boxes
):
    folders = [tmp_path / "unit-a", tmp_path / "stick"]
    folders[0].mkdir()
    window = open_window(qtbot, load_model=False)
    dialog = open_watch_dialog(window)
    for folder in folders:
        add_through_dialog(qtbot, dialog, folder, monkeypatch)
    qtbot.waitUntil(
        lambda: (
            listed(dialog)
            == [
                f"Watching: {folders[0]}",
                f"Unavailable (removed or unplugged?): {folders[1]}",
            ]
        ),
        timeout=TIMEOUT_MS,
    )
    window.close()

    window = open_window(qtbot, load_model=False)
    dialog = open_watch_dialog(window)
    qtbot.waitUntil(
        lambda: (
            len(listed(dialog)) == 2
            and listed(dialog)[0].startswith("Watching: ")
            and listed(dialog)[1].startswith("Unavailable")
        ),
        timeout=TIMEOUT_MS,
    )
    assert window.watch_folders.summary.text() == "Watching 1 of 2 folders (1 unavailable)"
    assert not dialog.remove_button.isEnabled()
    dialog.folder_list.item(1).setSelected(True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert listed(dialog) == [f"Watching: {folders[0]}"]
    window.close()

    window = open_window(qtbot, load_model=False)
    dialog = open_watch_dialog(window)
    qtbot.waitUntil(lambda: listed(dialog) == [f"Watching: {folders[0]}"], timeout=TIMEOUT_MS)
    assert error_boxes == []


def test_films_arriving_in_a_watched_folder_never_take_away_the_rows_shown(
    qtbot, home, tmp_path, monkeypatch, error_boxes
):
    """A user screens a batch ("This batch" shows it), then a film arrives in a watched folder:
    the batch's rows stay on screen and the arrival joins them; the scope is not reset."""
    batch = tmp_path / "batch"
    batch.mkdir()
    films = sorted(SAMPLES.glob("NORMAL/*.png"))
    for film in films[:2]:
        shutil.copy(film, batch / film.name)
    watched = tmp_path / "usb"
    watched.mkdir()
    window = open_window(qtbot, load_model=True)
    window.add_paths([batch])
    qtbot.waitUntil(lambda: len(shown_files(window)) == 2, timeout=TIMEOUT_MS)
    assert window.filter_bar.scope.currentText() == "This batch"
    dialog = open_watch_dialog(window)
    add_through_dialog(qtbot, dialog, watched, monkeypatch)
    dialog.close()
    shutil.copy(films[2], watched / films[2].name)
    qtbot.waitUntil(lambda: films[2].name in shown_files(window), timeout=TIMEOUT_MS)
    assert sorted(shown_files(window)) == sorted(film.name for film in films[:3])
    assert window.filter_bar.scope.currentText() == "This batch"
    assert not error_boxes
