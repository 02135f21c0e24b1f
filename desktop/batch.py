"""A screening batch as the window sees it: the job the worker runs, and its progress figures.

Qt-free on purpose, so the counting and the time-left estimate are tested as plain Python. The
job lists the files first (in the background: walking a folder on a slow USB stick takes time),
announces how many there are, then yields the engine's outcomes one by one.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.file_walk import expand_paths
from core.result import Status

if TYPE_CHECKING:
    from core.screening import Outcome, Screener


@dataclass(frozen=True)
class BatchStarted:
    """The first item a batch yields: how many files it will screen."""

    total: int


def screen_batch(
    screener: Screener, paths: Iterable[Path], cancel: threading.Event
) -> Iterator[BatchStarted | Outcome]:
    """The worker job for one batch: `BatchStarted`, then one `Outcome` per file, in order."""
    files: list[Path] = []
    for path in expand_paths(paths):
        if cancel.is_set():
            return
        files.append(path)
    yield BatchStarted(len(files))
    yield from screener.screen(files, cancel)


@dataclass
class BatchProgress:
    """Counts of one batch and an estimate of the time it still needs.

    The estimate is the mean time per file so far times the files left; it is given only after
    two files, since the first also pays for warming up the model.
    """

    total: int
    clock: Callable[[], float] = time.monotonic
    done: int = 0
    from_log: int = 0
    by_status: Counter[Status] = field(default_factory=Counter)
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        self.done += 1
        self.from_log += outcome.from_cache
        self.by_status[outcome.result.status] += 1

    def seconds_left(self) -> float | None:
        """Estimated seconds until the batch ends, or None while too few files are done."""
        if self.done < 2 or self.total <= self.done:
            return None if self.total > self.done else 0.0
        elapsed = self.clock() - self.started
        return elapsed / self.done * (self.total - self.done)
