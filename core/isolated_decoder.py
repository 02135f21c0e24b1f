"""Running decoders in child processes, so that a crash or a hang costs one file, not the app.

Every image is decoded in a child: native decoders (libjpeg, libpng, libtiff, GDCM, ...) may
abort, segfault or loop on hostile data, and in-process that ends the window or the command line
mid-batch. A progressive JPEG with 20,000 scans takes minutes to decode, valid all the way. An
`IsolatedDecoder` runs a target function in one long-lived child process, one file at a time: a
child that dies or outlives the deadline becomes this file's `UnreadableImage`, the child is
killed, and the next file gets a fresh child. A `DecoderPool` holds one of them for each file
that may be decoded at once.

Why it is built this way:
- Children are started on first use, or ahead of it with `start` (the screener starts them while
  it loads the model), and then live for the whole session: the interpreter start and imports
  (about a second) are paid once a child, not once a file.
- The "spawn" start method on every platform: forking a process that runs threads (the screening
  pool, Qt) can copy a held lock into the child; spawn is also what Windows and macOS use, and what
  a PyInstaller bundle supports (the entry point calls `multiprocessing.freeze_support()`).
- A plain pipe rather than `concurrent.futures.ProcessPoolExecutor`: a child that hangs must be
  killed, which the executor cannot do before Python 3.14. A file's bytes travel as one message
  (`send_bytes`), not pickled into a copy.
- One child per concurrently decoding thread (`DecoderPool`), not one child behind a lock: the
  screening threads decode in parallel as they did in-process. The pool's size also bounds
  memory: at most that many files are being decoded at any moment, whatever the thread count,
  and their decodes share one memory budget (`core.decode_budget`): a large file waits for room,
  and that wait does not count against its deadline. A child killed mid-decode leaves nothing
  booked: the parent returns each call's booking when the call ends, however it ends.
- The child's standard error goes to the null device. libjpeg prints a line there for each
  damaged file ("Bogus marker length"), which interleaved with the command line's output and
  told the user nothing the file's row does not; the reason reaches the log as the file's error,
  and a child that dies is logged here with its exit code.
- The children ignore Ctrl+C (SIGINT reaches the whole process group in a terminal): the parent
  decides what stops, and ends its children on the way out.

As with any spawned process, the child imports the parent's main module first (unless it is a
package's `__main__`), so a script that reads images must do its work under
`if __name__ == "__main__":`; a script fed on standard input cannot start the child at all.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from core import decode_budget
from core.decode_budget import BOOKED, WAITING, DecodeBudget
from core.errors import ScreeningError, UnreadableImage
from core.reason_codes import ReasonCode

logger = logging.getLogger(__name__)

#: Seconds one file may take in the child. A 4300 x 4300 radiograph decodes in about a second on a
#: clinic laptop, a 4.8-megapixel one in a tenth of that; past ten seconds the file is hostile or
#: the decoder is stuck, and the user would rather have the rest of the batch.
DECODE_TIMEOUT_S = 10.0
#: Seconds a fresh child may take to be ready: a new interpreter importing numpy, Pillow, pydicom
#: and the decoders, slow on a laptop whose antivirus scans each library it loads.
START_TIMEOUT_S = 120.0
#: Seconds a child may wait for memory another decode holds. That wait ends when the other call
#: ends (each within its own deadline), so this only guards against a budget left locked.
BUDGET_WAIT_S = 120.0

CRASHED_REASON = "the image data is damaged (the decoder stopped)"
HUNG_REASON = "the image took too long to decode"
NOT_STARTED_REASON = "the image decoder could not be started"

_READY = "ready"
_SPAWN = multiprocessing.get_context("spawn")
#: A child gives freed memory back to the system after a decode that booked at least this much
#: (small decodes reuse what is there; trimming after each costs time on a batch).
_TRIM_AFTER_BYTES = 32 * 2**20


def _find_malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, where the C library is glibc (Linux); None elsewhere."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_malloc_trim = _find_malloc_trim() if sys.platform.startswith("linux") else None


class IsolatedDecoder:
    """Runs `target(path, *args)` in a child process, one call at a time, in any thread.

    `target` must be a module-level function (the child imports it by name) whose result can be
    pickled. What it raises is raised again here: built-in exceptions and the engine's own
    (`core.errors`) as they are, others as a `RuntimeError` naming them (their classes may not
    rebuild outside the child).
    """

    def __init__(
        self,
        target: Callable[..., Any],
        timeout_s: float = DECODE_TIMEOUT_S,
        budget: DecodeBudget | None = None,
    ) -> None:
        self._target = target
        self._timeout_s = timeout_s
        self._budget = budget
        self._account = budget.account(_SPAWN) if budget is not None else None
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._ready = False
        self._exit_hook_registered = False

    def run(
        self,
        path: Path,
        *args: Any,
        data: bytes | bytearray | None = None,
        timeout_s: float | None = None,
    ) -> Any:
        """`target(str(path), *args)`, or `target(str(path), data, *args)` when `data` is given,
        computed in the child within `timeout_s` (default: the decoder's).

        `data` travels as one message. A bytearray is handed over: it is emptied once the child
        has it, so the caller's copy of a large file is freed while the child decodes (bytes are
        left as they are).

        Raises:
            UnreadableImage: the child died while on this file (it is started afresh for the
                next), did not answer within the timeout (it is killed), or could not start.
        """
        deadline = self._timeout_s if timeout_s is None else timeout_s
        with self._lock:
            try:
                connection = self._started(path)
                if data is not None:
                    self.book(2 * len(data))  # the bytes here, and their copy in the child
                connection.send((str(path), args, data is not None))
                if data is not None:
                    connection.send_bytes(data)
                    if isinstance(data, bytearray):
                        size = len(data)
                        data.clear()  # handed over: the child has its copy, the caller needs none
                        self._give_back(size)
                reply = self._answer(connection, deadline)
                if reply is None:  # killed before its booking is returned (below)
                    logger.warning("Decoder process took over %s s on %s; killed", deadline, path)
                    self._stop()
                    raise UnreadableImage(path, HUNG_REASON, ReasonCode.DECODE_TIMEOUT)
            except UnreadableImage:
                raise
            except (EOFError, OSError) as exc:  # the child died: its end of the pipe closed
                exit_code = self._stop(grace_s=1.0)  # let it be reaped, to log how it ended
                logger.warning("Decoder process died on %s (exit code %s)", path, exit_code)
                raise UnreadableImage(path, CRASHED_REASON, ReasonCode.DAMAGED_DATA) from exc
            except BaseException:
                # Interrupted mid-call (Ctrl+C): the child's late answer would be taken for the
                # next file's, so this child goes.
                self._stop()
                raise
            finally:
                self.settle()  # the call is over, however it ended: nothing stays booked
        succeeded, value = reply
        if succeeded:
            return value
        raise value

    def book(self, amount: int) -> None:
        """Book `amount` bytes on the shared budget for the next call, waiting for room (no
        deadline: the others' bookings end with their calls); nothing without a budget."""
        if self._budget is not None:
            self._budget.book(amount - self._account.value, self._account)

    def settle(self) -> None:
        """Return all this decoder has booked (its call is over, or was never made)."""
        if self._budget is not None:
            self._budget.settle(self._account)

    def _give_back(self, amount: int) -> None:
        if self._budget is not None:
            self._budget.give_back(amount, self._account)

    def _answer(self, connection: Connection, deadline: float) -> tuple[bool, Any] | None:
        """The child's answer, or None when it took longer than `deadline`. Time the child spends
        waiting for memory does not count (it says when it waits and when it has booked; the
        wait ends with the others' calls, so it is capped only as a safety net)."""
        wait_s = deadline
        while connection.poll(wait_s):
            message = connection.recv()
            if message == WAITING:
                wait_s = BUDGET_WAIT_S
            elif message == BOOKED:
                wait_s = deadline  # the decode proper starts now
            else:
                return message
        return None

    def start(self) -> None:
        """Start the child now, without waiting for it to be ready (the next `run` waits)."""
        with self._lock:
            if not self._alive():
                self._launch(None)

    def close(self) -> None:
        """End the child, if one runs; the next `run` starts a fresh one.

        Not under the lock: at exit, a thread still waiting on its child must not hold up the
        end of the process (its call then fails as a crash).
        """
        self._stop(grace_s=2.0)

    @property
    def pid(self) -> int | None:
        """The child's process id, or None when none runs (for tests and diagnostics)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def _alive(self) -> bool:
        return self._process is not None and self._process.is_alive() and bool(self._connection)

    def _started(self, path: Path) -> Connection:
        """The pipe to a live, ready child, starting one if there is none (lock held)."""
        if not self._alive():
            self._launch(path)
        connection = self._connection
        assert connection is not None
        if self._ready:
            return connection
        try:
            ready = connection.poll(START_TIMEOUT_S) and connection.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            exit_code = self._stop()
            logger.warning("Decoder process did not start (exit code %s)", exit_code)
            raise UnreadableImage(path, NOT_STARTED_REASON, ReasonCode.DECODER_UNAVAILABLE)
        self._ready = True
        return connection

    def _launch(self, path: Path | None) -> None:
        """Start a child (lock held); it announces itself on the pipe when it is ready."""
        self._stop()
        context = _SPAWN
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(theirs, self._target, self._budget, self._account),
            name="pneumoscreen-decoder",
            daemon=True,
        )
        try:
            process.start()
        except OSError as exc:  # no memory or process slots left, the executable gone
            ours.close()
            if path is None:
                logger.warning("Decoder process could not be started: %s", exc)
                return
            raise UnreadableImage(path, NOT_STARTED_REASON, ReasonCode.DECODER_UNAVAILABLE) from exc
        finally:
            theirs.close()  # the child has its own copy; ours would hide the child's death
        self._process, self._connection, self._ready = process, ours, False
        if not self._exit_hook_registered:
            atexit.register(self.close)
            self._exit_hook_registered = True

    def _stop(self, grace_s: float = 0.0) -> int | None:
        """Close the pipe and end the child (killed after `grace_s`); its exit code, if any."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        self._ready = False
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


class DecoderPool:
    """`size` isolated decoders of one target, each lent to one thread for one call at a time.

    A thread that finds them all busy waits for one, so at most `size` files are being decoded
    at once, whatever the number of threads; each decoder's child starts on first use.
    """

    def __init__(
        self, target: Callable[..., Any], size: int, timeout_s: float = DECODE_TIMEOUT_S
    ) -> None:
        self.size = size
        #: The memory the pool's decodes share (`core.decode_budget`).
        self.budget = DecodeBudget(_SPAWN)
        self._decoders = [IsolatedDecoder(target, timeout_s, self.budget) for _ in range(size)]
        self._idle: queue.LifoQueue[IsolatedDecoder] = queue.LifoQueue()
        for decoder in reversed(self._decoders):
            self._idle.put(decoder)

    def start(self, count: int) -> None:
        """Start the children of `count` decoders now (not waiting for them), so the first
        files do not wait for an interpreter to start."""
        for decoder in self._decoders[:count]:
            decoder.start()

    @property
    def pids(self) -> list[int | None]:
        """Each decoder's child process id, None where none runs (for tests and diagnostics)."""
        return [decoder.pid for decoder in self._decoders]

    def close(self) -> None:
        """End every child; the pool can still be used (children start again on demand)."""
        for decoder in self._decoders:
            decoder.close()

    @contextmanager
    def lent(self) -> Iterator[IsolatedDecoder]:
        """A decoder for this thread alone until the block ends (waiting while all are lent);
        whatever it booked is returned at the end."""
        decoder = self._idle.get()
        try:
            yield decoder
        finally:
            decoder.settle()
            self._idle.put(decoder)


def _serve(
    connection: Connection,
    target: Callable[..., Any],
    budget: DecodeBudget | None = None,
    account: Any = None,
) -> None:
    """The child's loop: answer each request with (True, result) or (False, exception), until the
    parent closes the pipe (or dies). With a budget, the target books memory through
    `core.decode_budget.reserve` on the decoder's account."""
    # Ctrl+C in a terminal, and a service manager's SIGTERM, reach the whole process group; the
    # parent decides what stops, and a child whose parent is gone sees the pipe close and ends.
    # (Killed by SIGTERM mid-batch, children left the shared budget's semaphores to the resource
    # tracker, which then warned on the terminal.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _silence_stderr()
    if budget is not None:
        decode_budget.install(budget, account, connection)
    connection.send(_READY)
    while True:
        try:
            path, args, has_data = connection.recv()
            if has_data:
                args = (connection.recv_bytes(), *args)
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, target(path, *args))
        except Exception as exc:  # every failure goes back to the parent, to become this file's
            reply = (False, _portable(exc))
        del args  # the file's bytes: not held while waiting for the next request
        large = account is None or account.value >= _TRIM_AFTER_BYTES  # booked, before it ends
        try:
            connection.send(reply)
        except Exception as exc:  # an answer that cannot be pickled; nothing was sent yet
            connection.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        del reply
        if large:
            _give_back_memory()


def _give_back_memory() -> None:
    """Return the memory the last decode freed to the system (glibc keeps freed heap memory for
    reuse), so an idle child is back at its starting size and the next large file starts from
    there: the memory bound counts on it."""
    if _malloc_trim is not None:
        _malloc_trim(0)


def _silence_stderr() -> None:
    """Point file descriptor 2 at the null device, for native code as well as for Python."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
    finally:
        os.close(null)


def _portable(exc: Exception) -> Exception:
    """`exc` if it unpickles anywhere (a built-in exception, or one of the engine's own), else a
    `RuntimeError` naming it."""
    if type(exc).__module__ == "builtins" or isinstance(exc, ScreeningError):
        return exc
    return RuntimeError(f"{type(exc).__name__}: {exc}")
