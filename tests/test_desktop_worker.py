"""The one background mechanism (TaskManager), batch progress figures, and the error wording."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import (
    ModelCardError,
    ModelIntegrityError,
    ResultLogError,
    UnreadableImage,
    UnsupportedDicom,
)
from core.result import ScreeningResult, Status
from core.screening import Outcome
from desktop.batch import BatchProgress
from desktop.errors import show_exception, user_message
from desktop.progress_panel import ProgressPanel
from desktop.worker import IGNORE_ERRORS, TaskManager
from tests.conftest import REPO, modules_loaded_by_importing


def test_items_arrive_in_order_on_the_gui_thread(qtbot):
    manager = TaskManager()
    seen, threads, done = [], [], []
    worker_threads = []

    def job(cancel):
        for i in range(50):
            worker_threads.append(threading.current_thread())
            yield i

    def on_item(item):
        seen.append(item)
        threads.append(QThread.currentThread())

    manager.run(job, on_item=on_item, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert seen == list(range(50))
    assert all(thread is qtbot_gui_thread() for thread in threads)
    assert threading.main_thread() not in worker_threads
    assert manager.active() == 0  # the reference is dropped only once everything is delivered


def qtbot_gui_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_errors_reach_on_error_and_done_still_follows(qtbot):
    manager = TaskManager()
    errors, done = [], []

    def job(cancel):
        yield 1
        raise UnreadableImage("x.jpg", "the file is empty")

    manager.run(job, on_error=errors.append, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert len(errors) == 1 and isinstance(errors[0], UnreadableImage)


def failing_job(exc: BaseException):
    """A job that fails before yielding anything."""

    def job(cancel):
        raise exc
        yield  # a generator function, as every job is

    return job


def test_a_failing_job_without_on_error_is_shown_to_the_user(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    manager = TaskManager(window)
    done = []

    disk_full = ResultLogError("The disk that holds the result log x is full.")
    manager.run(failing_job(disk_full), on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)

    box = window.findChild(QMessageBox, "errorBox")  # the one error path's box, over the window
    assert box is not None and box.isVisible()
    assert "cannot read or write its results file" in box.text()
    box.close()


def test_a_job_that_opts_out_is_only_logged(qtbot, caplog):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    manager = TaskManager(window)
    done = []

    with caplog.at_level(logging.WARNING, logger="desktop.worker"):
        manager.run(
            failing_job(RuntimeError("thumbnail decoder hiccup")),
            on_error=IGNORE_ERRORS,
            on_done=lambda: done.append(True),
        )
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)

    assert window.findChild(QMessageBox) is None
    logged = [record.exc_info[1] for record in caplog.records if record.exc_info]
    assert [str(exc) for exc in logged] == ["thumbnail decoder hiccup"]  # traceback kept


def test_cancel_is_cooperative(qtbot):
    manager = TaskManager()
    seen, done = [], []
    started = threading.Event()

    def job(cancel):
        count = 0
        while not cancel.is_set():
            started.set()
            count += 1
            yield count
            cancel.wait(0.005)

    task = manager.run(job, on_item=seen.append, on_done=lambda: done.append(True))
    assert started.wait(10)
    task.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert task.cancel_event.is_set()


def test_shutdown_waits_and_drops_callbacks(qtbot):
    manager = TaskManager()
    seen = []
    running = threading.Event()

    def job(cancel):
        running.set()
        while not cancel.is_set():
            cancel.wait(0.01)
        yield "late"

    manager.run(job, on_item=seen.append)
    assert running.wait(10)
    assert manager.shutdown(10_000)
    qtbot.wait(50)
    assert seen == []  # a closing window's widgets are never touched


#: A reason code of each status (`core.reason_codes`); an ok result has none.
REASON_CODES = {Status.OK: None, Status.REJECTED: "too_small", Status.ERROR: "damaged_data"}


def outcome(status: Status, cached: bool = False) -> Outcome:
    ok = status is Status.OK
    result = ScreeningResult(
        file="/x.png",
        sha256="0" * 64,
        status=status,
        score=50.0 if ok else None,
        label="PNEUMONIA" if ok else None,
        reason="" if ok else "Bad.",
        reason_code=REASON_CODES[status],
        threshold=30.2,
        model_version="v",
        screened_at=datetime.now(UTC),
    )
    return Outcome(result, cached)


def test_batch_progress_counts_and_estimates_time_left():
    now = [100.0]
    progress = BatchProgress(10, clock=lambda: now[0])
    assert progress.seconds_left() is None
    now[0] = 102.0
    progress.add(outcome(Status.OK))
    assert progress.seconds_left() is None  # one file is too few to estimate from
    progress.add(outcome(Status.ERROR, cached=False))
    assert progress.seconds_left() == pytest.approx(8.0)  # 1 s a file, 8 files left
    progress.add(outcome(Status.OK, cached=True))
    assert progress.by_status[Status.OK] == 2 and progress.from_log == 1
    for _ in range(7):
        progress.add(outcome(Status.REJECTED))
    assert progress.seconds_left() == 0.0


def test_time_left_wording(qtbot):
    from PySide6.QtGui import QAction

    panel = ProgressPanel(QAction("Cancel"))
    qtbot.addWidget(panel)
    assert panel.format_left(0.2) == "About 1 s left"
    assert panel.format_left(61) == "About 2 min left"
    assert panel.format_left(3 * 3600 + 60) == "About 3 h 1 min left"


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (ModelIntegrityError("sha256 mismatch"), "Reinstall PneumoScreen"),
        (ModelCardError("no card"), "Reinstall PneumoScreen"),
        (
            ResultLogError("The disk that holds the result log x is full."),
            "cannot read or write its results file",
        ),
        (UnsupportedDicom("scan.dcm", "no pixel data"), "scan.dcm holds no image"),
        (UnreadableImage("x.jpg", "the file is empty"), "x.jpg could not be read"),
        (PermissionError(13, "Permission denied"), "Choose another folder"),
        (OSError(28, "No space left on device"), "No space left on device"),
        (RuntimeError("bug"), "details were written to"),
    ],
)
def test_every_error_type_gets_words_a_clinic_user_understands(exc, words):
    title, text = user_message(exc)
    assert title and words in text
    assert "Traceback" not in text


def test_show_exception_logs_the_traceback_and_shows_a_box(qtbot, caplog, tmp_path, monkeypatch):
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path))
    try:
        raise ModelIntegrityError("The model file does not match its model card")
    except ModelIntegrityError as exc:
        error = exc
    with caplog.at_level(logging.ERROR):
        box = show_exception(None, error)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Reinstall" in box.text()
    assert "does not match" in box.detailedText()  # technical words only under "Details"
    assert caplog.records[-1].exc_info is not None  # the traceback goes to the log
    box.close()


def test_the_desktop_package_never_loads_qt_network():
    loaded = modules_loaded_by_importing("desktop")
    assert [m for m in loaded if "QtNetwork" in m or "QtWebEngine" in m] == []
    sources = "".join(Path(p).read_text() for p in (REPO / "desktop").glob("*.py"))
    assert "QtNetwork" not in sources


def test_emitting_signals_keeps_python_reference_counts(qapp):
    """PySide6 6.12.0 returned True from Signal.emit() without a reference: on Python 3.11 the
    window aborted (bool_dealloc) after a few hundred signals. pyproject excludes that version;
    this test catches such a binding bug before a clinic does."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        happened = Signal(object)

    emitter = Emitter()
    emitter.happened.connect(lambda _: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.happened.emit(object())
    assert sys.getrefcount(True) >= before - 5
