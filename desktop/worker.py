"""The one way the window runs work off the GUI thread.

Every slow job (loading the model, screening a batch, reading thumbnails and detail images,
writing an export) is a generator function run on a `QThreadPool` by `TaskManager.run`. Each item
it yields reaches the GUI thread as a queued signal, so results appear one by one as they finish,
progress comes for free, and no widget is ever touched from a worker thread. Cancelling is
cooperative: the job receives a `threading.Event` and stops at its next check (superqt's
`GeneratorWorker` and Anki's `QueryOp` work the same way).

The manager keeps a reference to every task until its last signal has been delivered, so a task
is never garbage-collected while it runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)

#: A job: a generator function that receives its cancel event and yields results.
Job = Callable[[threading.Event], Iterator[Any]]


class Task(QObject):
    """One running job: its cancel event and the GUI-thread callbacks for what it yields.

    The task lives on the GUI thread; the pool thread emits the private signals, which Qt queues
    to this object's thread, so `on_item`, `on_error` and `on_done` always run on the GUI thread,
    in the order the job produced them.
    """

    _item = Signal(object)
    _error = Signal(object)
    _done = Signal()

    def __init__(
        self,
        job: Job,
        on_item: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_done: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self.job = job
        self._on_item, self._on_error, self._on_done = on_item, on_error, on_done
        self._detached = False
        self._item.connect(self._deliver_item)
        self._error.connect(self._deliver_error)
        self._done.connect(self._deliver_done)
        self.finished: Callable[[Task], None] | None = None  # set by the manager

    def cancel(self) -> None:
        """Ask the job to stop at its next check; what it already yielded is still delivered."""
        self.cancel_event.set()

    def detach(self) -> None:
        """Drop the callbacks: for a window that is closing, whose widgets must not be touched."""
        self.cancel_event.set()
        self._detached = True

    def _deliver_item(self, item: object) -> None:
        if not self._detached and self._on_item is not None:
            self._on_item(item)

    def _deliver_error(self, exc: BaseException) -> None:
        if self._detached:
            return
        if self._on_error is None:
            logger.error("Background task failed", exc_info=exc)
        else:
            self._on_error(exc)

    def _deliver_done(self) -> None:
        try:
            if not self._detached and self._on_done is not None:
                self._on_done()
        finally:
            if self.finished is not None:
                self.finished(self)


class _Runnable(QRunnable):
    """Runs one task's job on a pool thread; never touches anything but the task's signals."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        task = self._task
        try:
            for item in task.job(task.cancel_event):
                task._item.emit(item)
        except Exception as exc:  # every failure reaches the GUI; none kills the pool thread
            task._error.emit(exc)
        finally:
            task._done.emit()


class TaskManager(QObject):
    """Starts tasks on its own thread pool and holds them until they are finished."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(
        self,
        job: Job,
        on_item: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_done: Callable[[], None] | None = None,
    ) -> Task:
        """Run `job` in the background; the callbacks run on the GUI thread.

        `on_error` receives any exception the job raises (tracebacks travel on the exception);
        without it the failure is logged. `on_done` runs last, whether the job ended, failed or
        was cancelled.
        """
        task = Task(job, on_item, on_error, on_done)
        task.finished = self._tasks.discard
        self._tasks.add(task)
        self._pool.start(_Runnable(task))
        return task

    def active(self) -> int:
        """How many tasks have not yet delivered their `on_done`."""
        return len(self._tasks)

    def shutdown(self, timeout_ms: int = 15_000) -> bool:
        """Cancel every task, wait for the pool threads, and drop the callbacks.

        Returns whether every thread stopped in time. Work in progress (a file being screened)
        finishes first, so nothing half-done is left in the log.
        """
        for task in list(self._tasks):
            task.detach()
        return self._pool.waitForDone(timeout_ms)
