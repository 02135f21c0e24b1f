"""`pneumoscreen watch DIR...`: screen what is in the folders, then whatever arrives, until stopped.

The same engine as `screen`: the `Screener`, labelling with the threshold in force (the clinic's
site threshold where one applies), every result in the log. One line per result on stdout (file,
status, then score and label or the reason), tab-separated and flushed at once, so another
program can read it as it comes; the notes `screen` prints at start (`core.screen_session`), folder
states and the final counts go to stderr.

Ctrl+C and SIGTERM (a service manager stopping it) both end it the same way, with exit 0: the
files already being screened finish and are logged, then one line of counts. A folder missing at
start is a usage error (exit 2): a mistyped path would otherwise wait in silence for ever. A
folder that disappears once watched (a USB stick pulled out) is said on stderr and waited for.
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from core.calibrate_command import threshold_words
from core.errors import UsageProblem
from core.paths import model_card_path
from core.result import Label, ScreeningResult, Status, format_score
from core.screen_session import ScreeningStart

if TYPE_CHECKING:
    from core.watch import FolderState

#: How often the main thread looks whether it was asked to stop while nothing arrives.
_STOP_CHECK_S = 0.2


class _StopRequest:
    """Set by the signal handlers. A plain flag: a handler that took a lock (an Event, a queue)
    could deadlock against the main thread it interrupted while that thread held the lock."""

    def __init__(self) -> None:
        self.asked = False

    def __call__(self, _signum: int, _frame: object) -> None:
        self.asked = True


def watch(folders: list[Path], workers: int, settle_s: float | None = None) -> int:
    """Screen every file in `folders` and every new one until Ctrl+C or SIGTERM; exit status 0.

    `settle_s`: seconds a new file's size must stay the same (None: `core.watch`'s default).
    """
    folders = [folder.absolute() for folder in folders]
    for folder in folders:
        if not folder.is_dir():
            what = "does not exist" if not folder.exists() else "is not a folder"
            raise UsageProblem(
                f"cannot watch {printable(str(folder))}: it {what}; "
                "insert the USB stick or correct the path, then start again"
            )
    stop = _StopRequest()
    with _stopped_by(stop):
        from core.watch import DEFAULT_SETTLE_S, FolderWatcher

        start = ScreeningStart.load(model_card_path())
        start.print_notes()
        arrivals: queue.Queue[list[Path] | tuple[Path, FolderState]] = queue.Queue()
        watcher = FolderWatcher(
            folders,
            on_files=arrivals.put,
            on_state=lambda folder, state: arrivals.put((folder, state)),
            settle_s=DEFAULT_SETTLE_S if settle_s is None else settle_s,
        )
        counts: Counter[str] = Counter()
        with start.screener(workers) as screener:
            print(
                f"pneumoscreen: watching {len(folders)} "
                f"{'folder' if len(folders) == 1 else 'folders'}; labelled at threshold "
                f"{threshold_words(start.in_force)}; Ctrl+C stops",
                file=sys.stderr,
            )
            watcher.start()
            try:
                _screen_arrivals(screener, arrivals, stop, counts)
            finally:
                watcher.stop()
    unscreened = sum(len(item) for item in _drained(arrivals) if isinstance(item, list))
    print(
        f"stopped: {_files(counts['screened'])} screened: {counts['ok']} ok "
        f"({counts['pneumonia']} pneumonia likely), {counts['rejected']} rejected, "
        f"{counts['error']} error"
        + (f"; {_files(unscreened)} arrived too late to be screened" if unscreened else ""),
        file=sys.stderr,
    )
    return 0


def _drained(arrivals: queue.Queue) -> Iterator[object]:
    while True:
        try:
            yield arrivals.get_nowait()
        except queue.Empty:
            return


def _screen_arrivals(screener, arrivals: queue.Queue, stop: _StopRequest, counts: Counter) -> None:
    """The main loop: wait for files (or folder news), screen each group, until asked to stop."""
    while not stop.asked:
        try:
            item = arrivals.get(timeout=_STOP_CHECK_S)
        except queue.Empty:
            continue
        if isinstance(item, tuple):
            _say_state(*item)
            continue
        cancel = threading.Event()
        stream = screener.screen(item, cancel)
        try:
            for outcome in stream:
                print(result_line(outcome.result), flush=True)
                counts["screened"] += 1
                counts[outcome.result.status.value] += 1
                counts["pneumonia"] += outcome.result.label is Label.PNEUMONIA
                if stop.asked:
                    cancel.set()  # the files in progress still finish, are logged and printed
        finally:
            stream.close()


def result_line(result: ScreeningResult) -> str:
    """`file<TAB>status<TAB>score label` for a scored file, `file<TAB>status<TAB>reason` else."""
    if result.status is Status.OK and result.score is not None and result.label is not None:
        detail = f"{format_score(result.score)}\t{result.label.value}"
    else:
        detail = result.reason
    return f"{printable(result.file)}\t{result.status.value}\t{printable(detail, keep_tabs=True)}"


def printable(text: str, keep_tabs: bool = False) -> str:
    """`text` safe for a terminal and for one line: control characters (a newline or escape
    sequence in a file name) and undecodable bytes are written as escapes."""
    return "".join(
        char if char.isprintable() or (keep_tabs and char == "\t") else repr(char)[1:-1]
        for char in text
    )


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def _say_state(folder: Path, state: FolderState) -> None:
    if state.value == "unavailable":
        said = "is unavailable (removed or unplugged?); waiting for it to come back"
    else:
        said = "is being watched"
    print(f"pneumoscreen: {printable(str(folder))} {said}", file=sys.stderr, flush=True)


@contextmanager
def _stopped_by(stop: _StopRequest) -> Iterator[None]:
    """Ctrl+C and SIGTERM set `stop` instead of raising, for as long as the watch lasts.

    Only the main thread may install signal handlers; called elsewhere (a test, an embedding
    program), the watch runs until the caller's own means stop it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kept = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    for number in kept:
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def settle_seconds(text: str) -> float:
    """A `--settle` value: seconds, more than 0 and at most an hour."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(
            f"expected seconds between 0 and 3600, such as 2 or 0.5; got {text!r}"
        )
    return value
