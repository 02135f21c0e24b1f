"""Thumbnails for the results table, read in the background and kept in a bounded cache.

The table asks for a thumbnail only for the rows it paints, so a log of 10,000 rows reads only
the few dozen files on screen. A request that misses the cache queues the file and returns None;
one background task drains the queue (newest request first, so what is on screen now comes before
what was scrolled past) and `ready` tells the model which file to repaint. The cache holds small
grayscale images (~4 KB each) and forgets the least recently used, so memory stays flat.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage

from desktop.imaging import load_thumbnail
from desktop.worker import IGNORE_ERRORS, Task, TaskManager

_UNREADABLE = QImage()  # cached for files that cannot be read, so they are not retried per paint


class Thumbnails(QObject):
    """`get(file)` for the model; `ready(file)` when a requested thumbnail has been read."""

    ready = Signal(str)

    def __init__(self, tasks: TaskManager, capacity: int = 2000, parent=None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._capacity = capacity
        self._cache: OrderedDict[str, QImage] = OrderedDict()
        self._pending: list[str] = []  # shared with the worker, guarded by _lock
        self._requested: set[str] = set()  # GUI thread only
        self._lock = threading.Lock()
        self._task: Task | None = None
        app = QGuiApplication.instance()
        gui = isinstance(app, QGuiApplication)
        self._pixel_ratio = max(1.0, app.devicePixelRatio()) if gui else 1.0

    def get(self, file: str) -> QImage | None:
        """The cached thumbnail of `file`, or None (and a background read is queued)."""
        image = self._cache.get(file)
        if image is not None:
            self._cache.move_to_end(file)
            return None if image.isNull() else image
        if file not in self._requested:
            self._requested.add(file)
            with self._lock:
                self._pending.append(file)
            self._start()
        return None

    def _start(self) -> None:
        if self._task is None:
            # Not shown: a thumbnail is a glance, and a box per painted row would bury the
            # window. `load_thumbnail` already turns an unreadable file into a blank cell; the
            # detail pane says what is wrong with the file when its row is opened.
            self._task = self._tasks.run(
                self._read, self._store, on_error=IGNORE_ERRORS, on_done=self._finished
            )

    def _read(self, cancel: threading.Event) -> Iterator[tuple[str, QImage]]:
        """Worker job: read queued files, newest request first, until the queue is empty."""
        while not cancel.is_set():
            with self._lock:
                if not self._pending:
                    return
                file = self._pending.pop()
            image = load_thumbnail(Path(file), self._pixel_ratio)
            yield file, image if image is not None else _UNREADABLE

    def _store(self, item: tuple[str, QImage]) -> None:
        file, image = item
        self._requested.discard(file)
        self._cache[file] = image
        while len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        self.ready.emit(file)

    def _finished(self) -> None:
        self._task = None
        with self._lock:
            more = bool(self._pending)
        if more:  # queued between the job's last check and now
            self._start()
