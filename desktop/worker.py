"""The one way the window runs work off the GUI thread.

Every slow job (loading the model, screening a batch, reading thumbnails and detail images,
writing an export) is a generator function run on a `QThreadPool` by `TaskManager.run`. Each item
it yields reaches the GUI thread as a queued signal, so results appear one by one as they finish,
progress comes for free, and no widget is ever touched from a worker thread. Cancelling is
cooperative: the job receives a `threading.Event` and stops at its next check (superqt's
`GeneratorWorker` and Anki's `QueryOp` work the same way).

The manager keeps a reference to every task until its last signal has been delivered, so a task
is never garbage-collected while it runs.

A job that fails is shown to the user (`desktop.errors.show_exception`, the one error path)
unless its caller passes its own `on_error`, or opts out with `on_error=IGNORE_ERRORS`: a
failure nobody sees is a clinic working on a result that never came.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, Final, Literal

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import show_exception

logger = logging.getLogger(__name__)

#: A job: a generator function that receives its cancel event and yields results.
Job = Callable[[threading.Event], Iterator[Any]]
ErrorHandler = Callable[[BaseException], None]


class _ErrorPolicy(enum.Enum):
    IGNORE_ERRORS = "ignore errors"


#: `TaskManager.run(..., on_error=IGNORE_ERRORS)`: the failure is logged, never shown.
#:
#: Right only where a failure costs the user nothing they need to know about and something else
#: already tells them what matters: a thumbnail that cannot be drawn stays blank in its row, and
#: the detail pane says why when that row is opened. Never for work whose result the user waits
#: for (screening, saving, exporting, loading the model): those show their error.
IGNORE_ERRORS: Final = _ErrorPolicy.IGNORE_ERRORS


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
        on_error: ErrorHandler,
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
        if not self._detached:
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


def while_alive(owner: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """`callback`, called only while `owner` (a dialog, say) still exists: a job's answer that
    arrives after its dialog was closed and deleted is dropped, instead of raising on the
    dialog's deleted widgets."""

    def deliver(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return deliver


def _log_only(exc: BaseException) -> None:
    """What `IGNORE_ERRORS` does: the traceback goes to the log file, nothing to the screen."""
    logger.warning("Background task failed (not shown: the caller opted out)", exc_info=exc)


class TaskManager(QObject):
    """Starts tasks on its own thread pool and holds them until they are finished.

    Its parent, when it is a widget (the main window), is the parent of the error boxes of jobs
    that have no `on_error` of their own.
    """

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(
        self,
        job: Job,
        on_item: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | Literal[_ErrorPolicy.IGNORE_ERRORS] | None = None,
        on_done: Callable[[], None] | None = None,
    ) -> Task:
        """Run `job` in the background; the callbacks run on the GUI thread.

        `on_error` receives any exception the job raises (tracebacks travel on the exception).
        Without it the failure is shown to the user (`show_exception`) and logged; pass
        `IGNORE_ERRORS` to only log it (see there for when that is right). `on_done` runs last,
        whether the job ended, failed or was cancelled.
        """
        if on_error is None:
            on_error = self._show_error
        elif on_error is IGNORE_ERRORS:
            on_error = _log_only
        task = Task(job, on_item, on_error, on_done)
        task.finished = self._tasks.discard
        self._tasks.add(task)
        self._pool.start(_Runnable(task))
        return task

    def _show_error(self, exc: BaseException) -> None:
        """The default `on_error`: the one error path, over the window when there is one."""
        parent = self.parent()
        show_exception(parent if isinstance(parent, QWidget) else None, exc)

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
