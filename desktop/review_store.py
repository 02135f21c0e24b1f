"""Storing reviews and reading their history, off the GUI thread, through the one `TaskManager`.

The log is on the laptop's disk or a USB stick, and every write is synced before it returns, so a
review is saved in the background like a screening result; the window stays responsive while a
clinician presses 1, 1, 2, 1 down a batch. `pending_ids` lets the window skip rows whose review is
still on its way to the disk when it looks for the next unreviewed row.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import QObject, Signal

from core.result_log import ResultLog
from core.review import Review
from desktop.worker import TaskManager


class ReviewStore(QObject):
    """`saved` carries the stored `Review` (with its id), `history_ready` (result id, reviews oldest
    first), `failed` the exception; all are emitted on the GUI thread."""

    saved = Signal(object)
    history_ready = Signal(int, object)
    failed = Signal(object)

    def __init__(self, tasks: TaskManager, log: ResultLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._log = log
        self._pending: dict[int, int] = {}  # result id -> reviews of it being saved

    def save(self, review: Review) -> None:
        """Add `review` to the log in the background (a correction adds a row)."""
        log = self._log
        self._pending[review.result_id] = self._pending.get(review.result_id, 0) + 1

        def job(_cancel: threading.Event) -> Iterator[Review]:
            yield log.add_review(review)

        self._tasks.run(
            job,
            on_item=self.saved.emit,
            on_error=self.failed.emit,
            on_done=lambda: self._settled(review.result_id),
        )

    def load_history(self, result_id: int) -> None:
        """Read every review of `result_id` in the background; `history_ready` follows."""
        log = self._log

        def job(_cancel: threading.Event) -> Iterator[list[Review]]:
            yield log.review_history(result_id)

        self._tasks.run(
            job,
            on_item=lambda reviews: self.history_ready.emit(result_id, reviews),
            on_error=self.failed.emit,
        )

    def pending_ids(self) -> set[int]:
        """Results whose review is being saved now."""
        return set(self._pending)

    def _settled(self, result_id: int) -> None:
        left = self._pending.get(result_id, 0) - 1
        if left > 0:
            self._pending[result_id] = left
        else:
            self._pending.pop(result_id, None)
