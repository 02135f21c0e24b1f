"""The detail pane follows the selection: a row left before its image arrived gives up its read.

The pane reads each selected film in the background through an injected reader; these tests
give it a slow one (a film on a slow USB stick) and a counting one, and watch what reaches the
screen and what reaches the decoders.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QImage

from core.result import Label, ScreeningResult, Status
from desktop.detail_pane import DetailPane
from desktop.imaging import load_detail_image
from desktop.worker import TaskManager

#: Each film's picture has its own size, so the test can tell which one is on screen.
SIZES = {"a.png": (40, 30), "b.png": (20, 10)}


def result_for(name: str) -> ScreeningResult:
    return ScreeningResult(
        file=f"/films/{name}",
        sha256=name.ljust(64, "0"),
        status=Status.OK,
        score=12.0,
        label=Label.NORMAL,
        reason="",
        threshold=30.2,
        model_version="v",
        screened_at=datetime.now(UTC),
    )


def picture(name: str) -> QImage:
    width, height = SIZES[name]
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(128)
    return image


class FakeReader:
    """Records each read and its cancel event; film a.png is slow until `release_a` is set, and
    then returns its picture regardless of the cancel, as a decode already under way does."""

    def __init__(self) -> None:
        self.reads: list[tuple[str, threading.Event]] = []
        self.a_started = threading.Event()
        self.release_a = threading.Event()

    def __call__(self, path: Path, cancel: threading.Event) -> QImage | None:
        self.reads.append((path.name, cancel))
        if path.name == "a.png":
            self.a_started.set()
            self.release_a.wait(10)
        return picture(path.name)

    def names(self) -> list[str]:
        return [name for name, _cancel in self.reads]


def shown_size(pane: DetailPane) -> tuple[int, int] | None:
    image = pane.shown_image()
    return None if image is None else (image.width(), image.height())


def test_a_stale_read_is_cancelled_and_its_image_never_replaces_the_new_selection(qtbot):
    tasks = TaskManager()
    reader = FakeReader()
    pane = DetailPane(tasks, read_image=reader)
    qtbot.addWidget(pane)
    shown = []
    pane.image_shown.connect(lambda: shown.append(shown_size(pane)))

    pane.show_result(result_for("a.png"))
    assert reader.a_started.wait(10)  # a.png is being read, slowly
    pane.show_result(result_for("b.png"))  # the user moves on before it arrives
    qtbot.waitUntil(lambda: shown_size(pane) == SIZES["b.png"], timeout=10_000)

    a_cancel = dict(reader.reads)["a.png"]
    assert a_cancel.is_set()  # told to give its decoder back
    reader.release_a.set()  # ... but it was mid-decode and still returns its picture
    qtbot.waitUntil(lambda: tasks.active() == 0, timeout=10_000)
    qtbot.wait(50)

    assert shown_size(pane) == SIZES["b.png"]
    assert pane.result().file.endswith("b.png")
    assert shown == [SIZES["b.png"]]  # a.png's picture was never drawn, not even briefly


def test_a_read_still_queued_when_the_selection_moves_on_never_reaches_the_reader(qtbot):
    tasks = TaskManager(max_threads=1)
    busy, release = threading.Event(), threading.Event()

    def other_work(cancel):
        busy.set()
        release.wait(10)
        yield from ()

    tasks.run(other_work)  # e.g. a batch holding the only worker thread
    assert busy.wait(10)
    reader = FakeReader()
    pane = DetailPane(tasks, read_image=reader)
    qtbot.addWidget(pane)

    pane.show_result(result_for("a.png"))
    pane.show_result(result_for("b.png"))
    release.set()
    qtbot.waitUntil(lambda: shown_size(pane) == SIZES["b.png"], timeout=10_000)

    assert reader.names() == ["b.png"]  # a.png's read was dropped before it took a decoder


def test_the_real_reader_gives_up_before_touching_the_file_once_cancelled(tmp_path):
    cancel = threading.Event()
    cancel.set()
    missing = tmp_path / "gone.png"  # reading it would raise UnreadableImage
    assert load_detail_image(missing, cancel) is None
