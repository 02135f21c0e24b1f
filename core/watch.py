"""Watching folders for new X-rays: an export folder of the X-ray unit, a USB stick's folder.

A file is handed on only once it is complete, and only once: the file system's events (from the
`watchdog` library, which uses inotify, FSEvents or ReadDirectoryChangesW, so nothing is polled
file by file) only say that a file may be new; the file is handed on when its size and
modification time have not changed for `settle_s` seconds and it can be opened. A film still
being copied from a USB stick is therefore never read half-written, and the many events one copy
makes give one file. A file rewritten later (its size or time changes) is handed on again.

Files already in a folder when it is watched are handed on too (after the same wait: one may be
mid-copy). Hidden files and folders (".DS_Store", "._x.jpg") are skipped as `core.file_walk`
skips them, and so are the temporary names copying programs write before renaming the finished
file ("x.jpg.part", "~$x", "x.tmp").

A folder that disappears (a USB stick pulled out) is reported as unavailable, not raised: its
watch is dropped, its existence is checked every `poll_s` seconds, and when it returns it is
watched again and its files looked at anew. Events can be missed (a network share, an
overflowing event queue), so each folder is also listed again every `rescan_s` seconds; the
files seen before cost a `stat` each.

Everything is reported through two callbacks, called on the watcher's own thread: `on_files` with
the files ready in one look (a list, so that files copied together are screened together) and
`on_state` with a folder's `FolderState` whenever it changes.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from core.file_walk import expand_paths

logger = logging.getLogger(__name__)

#: Seconds a file's size and time must stay the same before it is read.
DEFAULT_SETTLE_S = 2.0
#: Seconds between two checks of whether an unavailable folder is back.
DEFAULT_POLL_S = 2.0
#: Seconds between two full listings of a watched folder (the safety net for missed events).
DEFAULT_RESCAN_S = 30.0

#: Endings and beginnings of the names copying and download programs give unfinished files.
TEMPORARY_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".filepart", ".tmp", "~")
TEMPORARY_PREFIXES = ("~$",)


class FolderState(enum.Enum):
    """What a watched folder is doing now."""

    WATCHING = "watching"
    UNAVAILABLE = "unavailable"  # missing, unmounted or not a folder: checked again every poll


@dataclass(frozen=True)
class _Signature:
    """What changes while a file is written."""

    size: int
    mtime_ns: int


@dataclass
class _Candidate:
    """A file that may be new: its last signature and when it last changed (monotonic)."""

    signature: _Signature | None
    stable_since: float


def is_skipped_name(name: str) -> bool:
    """Whether a file or folder named `name` is never handed on: hidden (as `core.file_walk`
    skips it) or a copying program's temporary name."""
    lowered = name.lower()
    return (
        name.startswith(".")
        or lowered.endswith(TEMPORARY_SUFFIXES)
        or name.startswith(TEMPORARY_PREFIXES)
    )


class _Events(FileSystemEventHandler):
    """watchdog's handler: turns every event into "this path may be new" for the watcher."""

    def __init__(self, watcher: FolderWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        for raw in (event.src_path, event.dest_path):
            if raw:
                self._watcher._noticed(Path(os.fsdecode(raw)), event.is_directory)


class FolderWatcher:
    """Watches folders (recursively) and hands on each complete new file once.

    `start` looks at every folder and starts the threads; `stop` ends them (it is safe to call
    twice). Folders can be added and removed while it runs.
    """

    def __init__(
        self,
        folders: Iterable[Path],
        on_files: Callable[[list[Path]], None],
        on_state: Callable[[Path, FolderState], None] | None = None,
        settle_s: float = DEFAULT_SETTLE_S,
        poll_s: float = DEFAULT_POLL_S,
        rescan_s: float = DEFAULT_RESCAN_S,
        observer_factory: Callable[[], BaseObserver] = Observer,
    ) -> None:
        self._on_files = on_files
        self._on_state = on_state or (lambda _folder, _state: None)
        self.settle_s, self.poll_s, self.rescan_s = settle_s, poll_s, rescan_s
        self._observer_factory = observer_factory
        self._lock = threading.Lock()
        # Scheduling and unscheduling (the watcher's thread, and `remove_folder` on the caller's)
        # one at a time, apart from `_lock`: unscheduling joins an emitter thread.
        self._scheduling = threading.Lock()
        self._folders: dict[Path, FolderState | None] = {}  # None: not looked at yet
        self._watches: dict[Path, tuple[BaseObserver, ObservedWatch]] = {}
        self._pending: dict[Path, _Candidate] = {}
        self._handed: dict[Path, _Signature] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._observer: BaseObserver | None = None
        self._fallback: BaseObserver | None = None  # polling, where native watching is refused
        self._handler = _Events(self)
        self._last_poll = self._last_rescan = 0.0
        for folder in folders:
            self._folders[Path(folder).absolute()] = None

    # -- control -------------------------------------------------------------------------------

    def start(self) -> None:
        """Start watching; the folders are looked at on the watcher's thread, at once."""
        if self._thread is not None:
            return
        self._observer = self._observer_factory()
        self._observer.start()
        self._thread = threading.Thread(target=self._run, name="folder-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop both threads; files waiting to settle are not handed on."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        for observer in (self._observer, self._fallback):
            if observer is not None:
                observer.stop()
                with contextlib.suppress(RuntimeError):
                    observer.join(timeout_s)

    def add_folder(self, folder: Path) -> None:
        """Watch one more folder (its state is reported at the next look, within a tick)."""
        with self._lock:
            self._folders.setdefault(Path(folder).absolute(), None)
        self._last_poll = 0.0  # look at it now, not at the next poll

    def remove_folder(self, folder: Path) -> None:
        """Stop watching `folder`; files under it that wait to settle are dropped."""
        folder = Path(folder).absolute()
        with self._lock:
            self._folders.pop(folder, None)
            self._pending = {
                path: c for path, c in self._pending.items() if not path.is_relative_to(folder)
            }
        self._unwatch(folder)

    def folders(self) -> dict[Path, FolderState | None]:
        """Each folder and its state (None until it has been looked at)."""
        with self._lock:
            return dict(self._folders)

    # -- the watcher's thread ------------------------------------------------------------------

    def _run(self) -> None:
        tick = max(0.05, min(self.settle_s, self.poll_s) / 4)
        while not self._stop.is_set():
            try:
                now = time.monotonic()
                if now - self._last_poll >= self.poll_s:
                    self._last_poll = now
                    self._check_folders(rescan=now - self._last_rescan >= self.rescan_s)
                    if now - self._last_rescan >= self.rescan_s:
                        self._last_rescan = now
                ready = self._settled(time.monotonic())
                if ready and not self._stop.is_set():
                    self._on_files(ready)
            except Exception:  # the watch must outlive one bad look (a callback's bug included)
                logger.exception("Watching folders failed once; going on")
            self._stop.wait(tick)

    def _check_folders(self, rescan: bool) -> None:
        """Notice folders that went or came back; list the ones that (re)start or are due."""
        for folder, state in self.folders().items():
            present = _is_folder(folder)
            if present and state is not FolderState.WATCHING:
                if self._watch(folder):
                    self._set_state(folder, FolderState.WATCHING)
                    self._scan(folder)
            elif not present and state is not FolderState.UNAVAILABLE:
                self._unwatch(folder)
                self._set_state(folder, FolderState.UNAVAILABLE)
            elif present and rescan:
                self._scan(folder)

    def _set_state(self, folder: Path, state: FolderState) -> None:
        with self._lock:
            if folder not in self._folders:  # removed meanwhile
                return
            self._folders[folder] = state
        self._on_state(folder, state)

    def _watch(self, folder: Path) -> bool:
        with self._scheduling:
            if folder not in self.folders():  # removed meanwhile
                return False
            return self._schedule(folder)

    def _schedule(self, folder: Path) -> bool:
        """Schedule `folder` with the system's file events; where the system refuses (Linux's
        limit of inotify watches, reached by a very deep tree), with watchdog's poller instead,
        so the folder is still watched, only more slowly."""
        try:
            watch = self._observer.schedule(self._handler, str(folder), recursive=True)
            self._watches[folder] = (self._observer, watch)
            return True
        except OSError as exc:
            if not _is_folder(folder):  # gone again: looked at again at the next poll
                return False
            logger.warning("Cannot watch %s with file events (%s); polling it instead", folder, exc)
        try:
            if self._fallback is None:
                self._fallback = PollingObserver(timeout=self.poll_s)
                self._fallback.start()
            watch = self._fallback.schedule(self._handler, str(folder), recursive=True)
        except OSError as exc:
            logger.warning("Cannot watch %s: %s", folder, exc)
            return False
        self._watches[folder] = (self._fallback, watch)
        return True

    def _unwatch(self, folder: Path) -> None:
        with self._scheduling:
            scheduled = self._watches.pop(folder, None)
            if scheduled is not None:
                observer, watch = scheduled
                with contextlib.suppress(KeyError, OSError, RuntimeError):
                    observer.unschedule(watch)

    def _scan(self, folder: Path) -> None:
        for path in expand_paths([folder]):
            self._noticed(path, is_folder=False, quiet=True)

    def _noticed(self, path: Path, is_folder: bool, quiet: bool = False) -> None:
        """A path an event named, or a listing found: a candidate if it is a file of ours.

        A folder that appears (copied or moved in whole) makes no event per file inside: it is
        listed. `quiet`: from a listing, so a file already waiting keeps its settling time.
        """
        folder = self._owner(path)
        if folder is None or any(is_skipped_name(p) for p in path.relative_to(folder).parts):
            return
        if is_folder:
            if _is_folder(path) and path != folder:
                for inner in expand_paths([path]):
                    self._noticed(inner, is_folder=False, quiet=True)
            return
        with self._lock:
            candidate = self._pending.get(path)
            if candidate is None:
                self._pending[path] = _Candidate(None, time.monotonic())
            elif not quiet:
                candidate.stable_since = time.monotonic()  # it is being written to

    def _owner(self, path: Path) -> Path | None:
        with self._lock:
            for folder in self._folders:
                if path.is_relative_to(folder):
                    return folder
        return None

    def _settled(self, now: float) -> list[Path]:
        """The candidates whose size and time have not changed for `settle_s`, once each."""
        with self._lock:
            paths = list(self._pending)
        looked = [(path, _signature(path)) for path in paths]  # stat outside the lock
        due: list[tuple[Path, _Signature]] = []
        with self._lock:
            for path, signature in looked:
                candidate = self._pending.get(path)
                if candidate is None:
                    continue
                if signature is None:  # gone (a temporary file renamed), or a folder
                    del self._pending[path]
                    self._handed.pop(path, None)  # copied again later: screened again
                elif signature != candidate.signature or signature.size == 0:
                    # An empty file is what a copy looks like before its first bytes arrive.
                    candidate.signature, candidate.stable_since = signature, now
                elif now - candidate.stable_since >= self.settle_s:
                    due.append((path, signature))
        ready: list[Path] = []
        for path, signature in due:
            if not _can_open(path):
                continue  # still held by its writer: looked at again next tick
            with self._lock:
                self._pending.pop(path, None)
                if self._handed.get(path) != signature:
                    self._handed[path] = signature
                    ready.append(path)
        return sorted(ready)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _signature(path: Path) -> _Signature | None:
    try:
        found = path.stat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return _Signature(found.st_size, found.st_mtime_ns)


def _can_open(path: Path) -> bool:
    """Windows refuses to open a file another program is still writing; then it is not ready."""
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False
