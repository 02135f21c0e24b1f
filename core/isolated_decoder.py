"""Running a decoder that may crash in a child process, so that a crash costs one file, not the app.

Some native decoders (GDCM) abort or segfault on damaged data instead of raising; in-process that
ends the window or the command line mid-batch. `IsolatedDecoder` runs such a decoder in one
long-lived child process, one file at a time: a child that dies or stops answering becomes this
file's `UnreadableImage`, and the next file gets a fresh child.

Why it is built this way:
- One child, started on first use: files that never need it (JPEG, PNG, most DICOM) pay nothing,
  and the interpreter start and imports (about a second) are paid once, not once a file.
- The "spawn" start method on every platform: forking a process that runs threads (the screening
  pool, Qt) can copy a held lock into the child; spawn is also what Windows and macOS use, and what
  a PyInstaller bundle supports (the entry point calls `multiprocessing.freeze_support()`).
- A plain pipe rather than `concurrent.futures.ProcessPoolExecutor`: a child that hangs must be
  killed, which the executor cannot do before Python 3.14.
- Threads share the child under a lock. GDCM holds the GIL while it decodes, so in-process it
  never decoded two files at once either; the child frees the parent's GIL while it works.
- The child's standard error goes to the null device. The libjpeg inside GDCM prints a line
  there for each damaged file ("Bogus marker length"), which interleaved with the command line's
  output and told the user nothing the file's row does not; the reason reaches the log as the
  file's error, and a child that dies is logged here with its exit code.

As with any spawned process, the child imports the parent's main module first (unless it is a
package's `__main__`), so a script that reads images must do its work under
`if __name__ == "__main__":`; a script fed on standard input cannot start the child at all.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from core.errors import UnreadableImage

logger = logging.getLogger(__name__)

#: Seconds one file may take in the child: a 4300 x 4300 radiograph decodes in about a second on a
#: laptop, so only a hung decoder comes near it.
DECODE_TIMEOUT_S = 60.0
#: Seconds a fresh child may take to be ready: a new interpreter importing numpy, pydicom and the
#: decoder, slow on a laptop whose antivirus scans each library it loads.
START_TIMEOUT_S = 120.0

CRASHED_REASON = "the compressed image data is damaged (the decoder stopped)"
HUNG_REASON = "the compressed image data could not be decoded (the decoder stopped responding)"
NOT_STARTED_REASON = "the image decoder could not be started"

_READY = "ready"


class IsolatedDecoder:
    """Runs `target(path, *args)` in a child process, one call at a time, in any thread.

    `target` must be a module-level function (the child imports it by name) whose result can be
    pickled. What it raises is raised again here: built-in exceptions as they are, others as a
    `RuntimeError` naming them (their classes may not rebuild outside the child).
    """

    def __init__(self, target: Callable[..., Any], timeout_s: float = DECODE_TIMEOUT_S) -> None:
        self._target = target
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._exit_hook_registered = False

    def run(self, path: Path, *args: Any) -> Any:
        """`target(str(path), *args)`, computed in the child.

        Raises:
            UnreadableImage: the child died while on this file (it is started afresh for the
                next), did not answer within the timeout (it is killed), or could not start.
        """
        with self._lock:
            connection = self._started(path)
            try:
                connection.send((str(path), *args))
                reply = connection.recv() if connection.poll(self._timeout_s) else None
            except (EOFError, OSError) as exc:  # the child died: its end of the pipe closed
                exit_code = self._stop(grace_s=1.0)  # let it be reaped, to log how it ended
                logger.warning("Decoder process died on %s (exit code %s)", path, exit_code)
                raise UnreadableImage(path, CRASHED_REASON) from exc
            except BaseException:
                # Interrupted mid-call (Ctrl+C): the child's late answer would be taken for the
                # next file's, so this child goes.
                self._stop()
                raise
            if reply is None:
                logger.warning("Decoder process hung on %s; killed", path)
                self._stop()
                raise UnreadableImage(path, HUNG_REASON)
        succeeded, value = reply
        if succeeded:
            return value
        raise value

    def close(self) -> None:
        """End the child, if one runs; the next `run` starts a fresh one."""
        self._stop(grace_s=2.0)

    @property
    def pid(self) -> int | None:
        """The child's process id, or None when none runs (for tests and diagnostics)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def _started(self, path: Path) -> Connection:
        """The pipe to a live, ready child, starting one if there is none (lock held)."""
        if self._process is not None and self._process.is_alive() and self._connection:
            return self._connection
        self._stop()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, self._target), name="pneumoscreen-decoder", daemon=True
        )
        try:
            process.start()
        except OSError as exc:  # no memory or process slots left, the executable gone
            ours.close()
            raise UnreadableImage(path, NOT_STARTED_REASON) from exc
        finally:
            theirs.close()  # the child has its own copy; ours would hide the child's death
        self._process, self._connection = process, ours
        if not self._exit_hook_registered:
            atexit.register(self.close)
            self._exit_hook_registered = True
        try:
            ready = ours.poll(START_TIMEOUT_S) and ours.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            exit_code = self._stop()
            logger.warning("Decoder process did not start (exit code %s)", exit_code)
            raise UnreadableImage(path, NOT_STARTED_REASON)
        return ours

    def _stop(self, grace_s: float = 0.0) -> int | None:
        """Close the pipe and end the child (killed after `grace_s`); its exit code, if any."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()  # a child waiting for work sees the end of the pipe and returns
        if process is None:
            return None
        process.join(grace_s)
        if process.is_alive():
            process.kill()
            process.join()
        exit_code = process.exitcode
        process.close()
        return exit_code


def _serve(connection: Connection, target: Callable[..., Any]) -> None:
    """The child's loop: answer each request with (True, result) or (False, exception), until the
    parent closes the pipe (or dies)."""
    # Ctrl+C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _silence_stderr()
    connection.send(_READY)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, target(*request))
        except Exception as exc:  # every failure goes back to the parent, to become this file's
            reply = (False, _portable(exc))
        try:
            connection.send(reply)
        except Exception as exc:  # an answer that cannot be pickled; nothing was sent yet
            connection.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _silence_stderr() -> None:
    """Point file descriptor 2 at the null device, for native code as well as for Python."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
    finally:
        os.close(null)


def _portable(exc: Exception) -> Exception:
    """`exc` if it is a built-in exception (those unpickle anywhere), else a `RuntimeError`."""
    if type(exc).__module__ == "builtins":
        return exc
    return RuntimeError(f"{type(exc).__name__}: {exc}")
