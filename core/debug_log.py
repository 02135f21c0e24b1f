"""The debug log: where warnings and diagnostics go, so the terminal shows only what a user needs.

numpy's and pydicom's warnings print their source lines, and engine loggers report the tracebacks
of files that failed unexpectedly; on a clinic laptop these belong in a file a support contact can
be sent, not on the screen. The file is `pneumoscreen.log` in the data folder, shared by the
window and the command line; with `--debug` the command line shows them on stderr as well.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path

from core.paths import data_dir

LOG_FILE_NAME = "pneumoscreen.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file, made (with its folder) only when there is something to write, that
    drops a record it cannot write (a full or unplugged disk, a data folder that is a file)
    instead of printing logging's own traceback on the terminal."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)

    def _open(self):  # logging's own hook: make the folder first
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def debug_log_path() -> Path:
    """`pneumoscreen.log` in the data folder, next to the result log."""
    return data_dir() / LOG_FILE_NAME


def open_debug_log_handler() -> logging.Handler:
    """A handler writing to the debug log. Nothing is created until a record arrives, so a run
    with nothing to report leaves the data folder as it was; where the file cannot be written
    (read-only media, PNEUMOSCREEN_HOME naming a file) records are dropped, and the problem
    itself is reported by whatever needs the folder."""
    handler = _QuietFileHandler(debug_log_path())
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    return handler


def install_debug_log() -> Path:
    """Send warnings and log records to the debug log for the rest of the process (the window).

    Returns the log file.
    """
    handler = open_debug_log_handler()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    return Path(handler.baseFilename)


@contextlib.contextmanager
def diagnostics_routed(show_on_stderr: bool, to_debug_log: bool = True) -> Iterator[None]:
    """Within this block, Python warnings and log records go to the debug log (unless
    `to_debug_log` is False: the self-test touches no data folder) and to stderr when
    `show_on_stderr`, never bare to the terminal. Everything is put back afterwards, so a test
    calling `core.cli.main` leaves logging as it found it."""
    root = logging.getLogger()
    handlers: list[logging.Handler] = []
    if to_debug_log:
        handlers.append(open_debug_log_handler())
    if show_on_stderr:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(terminal)
    if not handlers:  # else logging's "last resort" would print warnings on the terminal
        handlers.append(logging.NullHandler())
    level = root.level
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.setLevel(level)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
