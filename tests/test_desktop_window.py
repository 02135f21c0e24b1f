"""The window end to end, offscreen: drops, cancel, export, a bad file, restart, the heatmap.

Real radiographs (../shared/data/samples) go through the real shipped model; every test has its
own data folder (PNEUMOSCREEN_HOME), so its log and settings start empty.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.result import Label, Status
from core.result_log import open_result_log
from core.screening import Screener
from desktop import export_dialog
from desktop.export_dialog import ExportScope
from desktop.labels import label_text
from desktop.main_window import MainWindow
from desktop.results_model import COL_LABEL, RESULT_ROLE

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "samples"
TIMEOUT_MS = 60_000
CSV_HEADER = "file,status,score,label,reason,sha256,model_version,screened_at"


def open_window(qtbot, load_model: bool = True) -> MainWindow:
    window = MainWindow(load_model=load_model)
    qtbot.addWidget(window)
    window.show()
    if load_model:
        qtbot.waitUntil(window.controller.is_ready, timeout=TIMEOUT_MS)
    return window


@pytest.fixture
def window(qtbot, home) -> MainWindow:
    return open_window(qtbot)


ACTIONS, BUTTON, MODS = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.NoModifier


def drag_enter(mime: QMimeData, at: QPoint) -> QDragEnterEvent:
    """A drag-enter event: Qt 6.12 takes a QPointF (its QPoint form is deprecated), older Qt a
    QPoint."""
    try:
        return QDragEnterEvent(QPointF(at), ACTIONS, mime, BUTTON, MODS)
    except TypeError:
        return QDragEnterEvent(at, ACTIONS, mime, BUTTON, MODS)


def drop(target: QWidget, paths: list[Path]) -> None:
    """What the file manager does: a drag entering `target`, then the drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = target.rect().center()
    enter = drag_enter(mime, centre)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(QPointF(centre), ACTIONS, mime, BUTTON, MODS))


def screen_and_wait(qtbot, window: MainWindow, target: QWidget, paths: list[Path]) -> bool:
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS) as finished:
        drop(target, paths)
    return finished.args[0]


def shown_results(window: MainWindow):
    return window.proxy.results()


def test_dropping_files_adds_rows_with_the_models_labels(qtbot, window):
    files = sorted((SAMPLES / "NORMAL").glob("*.png"))
    cancelled = screen_and_wait(qtbot, window, window.drop_zone, files)
    assert not cancelled
    assert window.model.rowCount() == len(files) == 12
    logged = {result.id: result for result in window.log.results()}
    for row in range(window.proxy.rowCount()):
        shown = window.proxy.index(row, 0).data(RESULT_ROLE)
        assert shown.label == logged[shown.id].label  # the row is the model's own result
        assert window.proxy.index(row, COL_LABEL).data() == label_text(shown.label)
    normal = sum(r.label is Label.NORMAL for r in logged.values())
    assert normal >= 9, f"only {normal} of 12 normal samples were labelled NORMAL"
    assert window.table.isVisible() and "12 files" in window.statusBar().currentMessage()


def test_dropping_a_folder_screens_it_recursively(qtbot, window):
    screen_and_wait(qtbot, window, window, [SAMPLES / "PNEUMONIA"])  # dropped on the window
    results = shown_results(window)
    assert len(results) == 12
    assert {Path(r.file).parent.name for r in results} == {"PNEUMONIA"}
    pneumonia = sum(r.label is Label.PNEUMONIA for r in results)
    assert pneumonia >= 9, f"only {pneumonia} of 12 pneumonia samples were labelled PNEUMONIA"
    assert window.detail.result() is not None  # the first result was selected for the user


def make_copies(folder: Path, count: int) -> list[Path]:
    """Distinct files (different sha256, so none is answered from the log) of real images."""
    folder.mkdir()
    samples = sorted(SAMPLES.glob("*/*.png"))
    for index in range(count):
        data = samples[index % len(samples)].read_bytes()
        (folder / f"copy-{index:03d}.png").write_bytes(data + index.to_bytes(4, "big"))
    return sorted(folder.iterdir())


def test_cancel_stops_a_batch_and_keeps_what_was_done(qtbot, window, tmp_path, monkeypatch):
    files = make_copies(tmp_path / "usb", 60)
    original = Screener.screen_file

    def slow_screen_file(self, path):  # a slow USB stick: 50 ms a file
        time.sleep(0.05)
        return original(self, path)

    monkeypatch.setattr(Screener, "screen_file", slow_screen_file)
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS) as finished:
        drop(window.drop_zone, [files[0].parent])
        qtbot.waitUntil(lambda: window.model.rowCount() >= 1, timeout=TIMEOUT_MS)
        assert window.progress_panel.isVisible()
        window.commands.cancel.trigger()
    assert finished.args == [True]
    done = window.model.rowCount()
    assert 1 <= done < len(files)
    assert window.log.count() == done  # every finished file is in the log, and only those
    assert "Cancelled" in window.statusBar().currentMessage()
    assert not window.progress_panel.isVisible()
    assert not window.commands.cancel.isEnabled()


def read_csv(path: Path) -> list[str]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, so Excel reads it right
    return raw.decode("utf-8-sig").splitlines()


def test_export_writes_the_contract_csv(qtbot, window, tmp_path, monkeypatch):
    screen_and_wait(qtbot, window, window.drop_zone, sorted(SAMPLES.glob("PNEUMONIA/*.png"))[:4])
    target = tmp_path / "out" / "all.csv"
    target.parent.mkdir()
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT_MS) as finished:
        window.export_rows(ExportScope.ALL, target)
    assert finished.args == [target, 4]
    lines = read_csv(target)
    assert lines[0].startswith(CSV_HEADER)
    assert len(lines) == 5 and all(",ok," in line for line in lines[1:])

    # The Export action, with the user's answers standing in for the dialogs: selected rows.
    window.select_row(0)
    chosen = tmp_path / "out" / "selected.csv"

    def answer(parent, counts):
        return (ExportScope.SELECTED, chosen) if (counts.selected, counts.all) == (1, 4) else None

    monkeypatch.setattr(export_dialog, "ask_export", answer)
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT_MS):
        window.commands.export.trigger()
    lines = read_csv(chosen)
    assert len(lines) == 2 and lines[1].startswith(window.table.selected_results()[0].file)


def test_a_bad_file_shows_its_reason(qtbot, window, tmp_path):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    screen_and_wait(qtbot, window, window.drop_zone, [empty])
    result = window.detail.result()
    assert result is not None and result.status is Status.ERROR
    assert window.detail.reason.isVisible()
    assert "empty.jpg could not be read: the file is empty" in window.detail.reason.text()
    assert "could not be read" in window.detail.verdict.text()


def test_restart_shows_the_earlier_rows(qtbot, home):
    first = open_window(qtbot)
    screen_and_wait(qtbot, first, first.drop_zone, sorted(SAMPLES.glob("NORMAL/*.png"))[:3])
    before = sorted(r.id for r in first.model.results())
    first.detail.set_opacity_percent(70)
    first.detail.set_heatmap_visible(False)
    first.close()
    assert (home / "settings.ini").is_file()  # settings live in the data folder

    second = open_window(qtbot, load_model=False)
    assert sorted(r.id for r in second.model.results()) == before == [1, 2, 3]
    assert second.table.isVisible()
    assert second.detail.opacity_percent() == 70 and not second.detail.heatmap_visible()
    second.close()
    with open_result_log() as log:
        assert log.count() == 3


def test_the_heatmap_toggle_changes_the_shown_image(qtbot, window):
    files = [SAMPLES / "PNEUMONIA" / "person1141_bacteria_3085.png"]  # score 99.5 in the log
    screen_and_wait(qtbot, window, window.drop_zone, files)
    result = window.detail.result()
    assert result.label is Label.PNEUMONIA and result.heatmap is not None
    view = window.detail.view
    qtbot.waitUntil(lambda: not view.pixmap().isNull(), timeout=TIMEOUT_MS)
    assert window.detail.heatmap_visible()
    with_heatmap = view.pixmap().toImage()
    key = view.pixmap().cacheKey()
    with qtbot.waitSignal(window.detail.image_shown):
        window.detail.heatmap_action.trigger()
    without = view.pixmap().toImage()
    assert view.pixmap().cacheKey() != key
    assert without != with_heatmap
    assert without.size() == with_heatmap.size()
    window.detail.heatmap_action.trigger()
    assert view.pixmap().toImage() == with_heatmap  # the same picture again, nothing drifted


def visible_error_box() -> QMessageBox | None:
    """The message box that `desktop.errors.show_exception` shows, while it is on screen."""
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox"]
    return next((b for b in boxes if isinstance(b, QMessageBox) and b.isVisible()), None)


def test_a_missing_model_is_reported_and_the_log_still_shows(qtbot, home, tmp_path, monkeypatch):
    import desktop.screening_controller as controller_module

    monkeypatch.setattr(controller_module, "model_card_path", lambda: tmp_path / "gone.json")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    qtbot.waitUntil(lambda: visible_error_box() is not None, timeout=TIMEOUT_MS)
    box = visible_error_box()
    assert "Reinstall PneumoScreen" in box.text()
    assert window.model_status.text() == "Model not available"
    box.close()


def test_every_command_has_a_unique_shortcut(window):
    actions = [
        *vars(window.commands).values(),
        *window.detail.view_actions(),
        *window.detail.review.decision_actions(),
    ]
    keys = [action.shortcut().toString() for action in actions]
    assert all(keys), dict(zip([a.text() for a in actions], keys, strict=True))
    assert len(set(keys)) == len(keys)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Review", "A&dministration", "&Help"]


def test_about_shows_the_model_card_licences_and_privacy(window):
    from core.model_card import load_model_card
    from core.paths import model_card_path
    from desktop.about_dialog import AboutDialog

    card = load_model_card(model_card_path())
    dialog = AboutDialog(card, window)
    model = dialog.model_html(card)
    assert card.raw["intended_use"][:40] in model
    sensitivity = card.raw["performance"]["test_dev"]["sensitivity"]["value"]
    assert "Sensitivity" in model and f"{sensitivity:.3f}" in model  # figures from the card
    licences = dialog.licences_html()
    for words in ("Apache License 2.0", "CC BY 4.0", "LGPL v3", "MIT", "HPND", "BSD"):
        assert words in licences
    assert "never opens a network connection" in dialog.privacy_html()
    dialog.close()


def test_drop_zone_ignores_web_links(window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/xray.png")])
    enter = drag_enter(mime, QPoint(5, 5))
    QApplication.sendEvent(window.drop_zone, enter)
    assert not enter.isAccepted()


def test_an_unwritable_data_folder_is_explained(qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(blocked))
    window = MainWindow()
    qtbot.addWidget(window)
    box = visible_error_box()
    assert box is not None
    assert "cannot read or write its results file" in box.text()
    assert not window.commands.add_files.isEnabled()  # nothing can be screened without a log
    window.add_paths([SAMPLES])  # a drop is ignored, not a crash
    box.close()
