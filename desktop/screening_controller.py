"""Loading the model and running batches, one after another, through the task manager.

The model is checked (sha256) and loaded in the background at start-up, so the window appears at
once and takes drops straight away; what is dropped before the model is ready waits in a queue.
Batches run one at a time in the order they were dropped: one batch at a time keeps the progress
bar honest and the machine's two cores for the model. The screener labels with the threshold in
force (the clinic's site threshold where one applies); `set_threshold` changes it for every file
screened from then on, without reloading the model.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from core.model_card import load_model_card
from core.paths import model_card_path
from core.result_log import ResultLog
from core.site_profile import ThresholdInForce
from desktop.batch import BatchProgress, BatchStarted, screen_batch
from desktop.worker import Task, TaskManager

if TYPE_CHECKING:
    from core.screening import Outcome, Screener


class ScreeningController(QObject):
    """Signals carry `Outcome`s and `BatchProgress`es; every signal is emitted on the GUI thread."""

    model_ready = Signal()
    model_failed = Signal(object)  # the exception
    batch_started = Signal(object)  # the total, or None while files are being listed
    outcome = Signal(object)  # one core.screening.Outcome, already in the log
    progress = Signal(object)  # the BatchProgress, after each outcome
    batch_finished = Signal(object, bool)  # the BatchProgress (None if none started), cancelled
    failed = Signal(object)  # an exception that stopped a batch

    def __init__(
        self,
        tasks: TaskManager,
        log: ResultLog,
        workers: int = 2,
        threshold: ThresholdInForce | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._log = log
        self._workers = workers
        self._threshold = threshold
        self._screener: Screener | None = None
        self._load_error: BaseException | None = None
        self._queue: deque[tuple[list[Path], bool]] = deque()
        self._arrived = False
        self._batch: Task | None = None
        self._progress: BatchProgress | None = None

    # -- model ---------------------------------------------------------------------------------

    def load_model(self) -> None:
        """Check and load the shipped model in the background."""
        log, workers, threshold = self._log, self._workers, self._threshold
        self._tasks.run(
            lambda cancel: _load_screener(log, workers, threshold, cancel),
            on_item=self._model_loaded,
            on_error=self._model_load_failed,
        )

    def is_ready(self) -> bool:
        return self._screener is not None

    def load_error(self) -> BaseException | None:
        return self._load_error

    def threshold(self) -> ThresholdInForce | None:
        """The threshold new screenings use (None: the model's own)."""
        return self._threshold

    def set_threshold(self, threshold: ThresholdInForce | None) -> None:
        """Label every file screened from now on with `threshold` (None: the model's own)."""
        self._threshold = threshold
        if self._screener is not None:
            self._screener.set_threshold(threshold)

    def _model_loaded(self, screener: Screener) -> None:
        screener.set_threshold(self._threshold)  # it may have changed while the model loaded
        self._screener = screener
        self.model_ready.emit()
        self._next()

    def _model_load_failed(self, exc: BaseException) -> None:
        self._load_error = exc
        self._queue.clear()
        self.model_failed.emit(exc)

    # -- batches -------------------------------------------------------------------------------

    def screen(self, paths: list[Path], arrived: bool = False) -> None:
        """Queue files and folders; they are screened once the model is ready and earlier
        batches are done. `arrived`: files that came into a watched folder, not a batch the
        user started (the window then keeps the view the user chose)."""
        if not paths:
            return
        if self._load_error is not None:
            self.model_failed.emit(self._load_error)
            return
        self._queue.append((list(paths), arrived))
        self._next()

    def batch_arrived(self) -> bool:
        """Whether the running batch is files that arrived in a watched folder."""
        return self._arrived

    def is_busy(self) -> bool:
        """Whether a batch is running or waiting."""
        return self._batch is not None or bool(self._queue)

    def waiting_batches(self) -> int:
        return len(self._queue)

    def cancel(self) -> None:
        """Stop the running batch after the files in progress, and drop the waiting ones."""
        self._queue.clear()
        if self._batch is not None:
            self._batch.cancel()

    def _next(self) -> None:
        if self._screener is None or self._batch is not None or not self._queue:
            return
        screener, (paths, self._arrived) = self._screener, self._queue.popleft()
        self._progress = None
        self.batch_started.emit(None)
        self._batch = self._tasks.run(
            lambda cancel: screen_batch(screener, paths, cancel),
            on_item=self._item,
            on_error=self.failed.emit,
            on_done=self._batch_done,
        )

    def _item(self, item: BatchStarted | Outcome) -> None:
        if isinstance(item, BatchStarted):
            self._progress = BatchProgress(item.total)
            self.batch_started.emit(item.total)
            return
        if self._progress is not None:
            self._progress.add(item)
        self.outcome.emit(item)
        self.progress.emit(self._progress)

    def _batch_done(self) -> None:
        batch, self._batch = self._batch, None
        cancelled = batch is not None and batch.cancel_event.is_set()
        self.batch_finished.emit(self._progress, cancelled)
        self._next()


def _load_screener(
    log: ResultLog, workers: int, threshold: ThresholdInForce | None, cancel: threading.Event
) -> Iterator[Screener]:
    """Worker job: read the model card, verify the model file and load it (imports LiteRT)."""
    from core.screening import Screener  # here, so LiteRT's import does not delay the window

    yield Screener(load_model_card(model_card_path()), log, workers, threshold=threshold)
