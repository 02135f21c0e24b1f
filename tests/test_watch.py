"""The folder watcher on a real folder, with files written into it while it runs (issue 17).

Nothing here measures time: every wait is "until this happens", with a generous limit.
"""

from __future__ import annotations

import errno
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from watchdog.observers import Observer

from core.watch import FolderState, FolderWatcher, is_skipped_name

WAIT_S = 30.0


class Recorder:
    """What the watcher handed on: each file with its bytes at that moment, and the states."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.files: list[tuple[Path, bytes]] = []
        self.states: list[tuple[Path, FolderState]] = []

    def on_files(self, paths: list[Path]) -> None:
        with self.lock:
            self.files.extend((path, path.read_bytes()) for path in paths)

    def on_state(self, folder: Path, state: FolderState) -> None:
        with self.lock:
            self.states.append((folder, state))

    def names(self) -> list[str]:
        with self.lock:
            return sorted(path.name for path, _ in self.files)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def watched(tmp_path) -> Iterator[tuple[Path, Recorder, FolderWatcher]]:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "already-there.png").write_bytes(b"first film")
    recorder = Recorder()
    watcher = FolderWatcher(
        [folder], recorder.on_files, recorder.on_state, settle_s=1.0, poll_s=0.2
    )
    watcher.start()
    yield folder, recorder, watcher
    watcher.stop()


def test_files_present_at_start_are_handed_on_and_the_folder_is_watching(watched):
    folder, recorder, _ = watched
    wait_until(lambda: recorder.names() == ["already-there.png"], "the file already there")
    assert recorder.states[0] == (folder, FolderState.WATCHING)


def test_a_file_written_in_two_halves_is_read_once_and_only_when_complete(watched):
    folder, recorder, _ = watched
    wait_until(lambda: recorder.names() == ["already-there.png"], "the file already there")
    content = bytes(range(256)) * 4096  # 1 MiB
    target = folder / "slow-copy.dcm"
    with open(target, "wb") as file:  # as a copy from a slow USB stick: half, a pause, the rest
        file.write(content[: len(content) // 2])
        file.flush()
        time.sleep(0.4)  # shorter than the settle time: the file is still being written
        file.write(content[len(content) // 2 :])
    wait_until(lambda: "slow-copy.dcm" in recorder.names(), "the copied file")
    time.sleep(1.5)  # longer than the settle time: a second hand-on would have come by now
    handed = [data for path, data in recorder.files if path == target]
    assert handed == [content]


def test_files_moved_in_and_in_subfolders_are_handed_on_but_hidden_and_temporary_are_not(
    watched, tmp_path
):
    folder, recorder, _ = watched
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"moved in")
    (folder / "unit" / "2026-11-30").mkdir(parents=True)
    (folder / "unit" / "2026-11-30" / "film.dcm").write_bytes(b"in a subfolder")
    (folder / ".DS_Store").write_bytes(b"hidden")
    (folder / "copying.png.part").write_bytes(b"temporary")
    outside.rename(folder / "moved.png")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.png").write_bytes(b"a folder moved in whole")
    batch.rename(folder / "batch")
    expected = ["a.png", "already-there.png", "film.dcm", "moved.png"]
    wait_until(lambda: recorder.names() == expected, f"{expected}")
    time.sleep(1.5)
    assert recorder.names() == expected


def test_a_removed_folder_is_unavailable_and_resumes_when_it_returns(watched):
    folder, recorder, watcher = watched
    wait_until(lambda: recorder.names() == ["already-there.png"], "the file already there")
    shutil.rmtree(folder)  # the USB stick pulled out
    wait_until(
        lambda: watcher.folders()[folder] is FolderState.UNAVAILABLE, "the folder unavailable"
    )
    assert recorder.states[-1] == (folder, FolderState.UNAVAILABLE)
    folder.mkdir()  # and put back, with a new film on it
    wait_until(lambda: watcher.folders()[folder] is FolderState.WATCHING, "watching again")
    (folder / "after-return.png").write_bytes(b"new film")
    wait_until(lambda: "after-return.png" in recorder.names(), "the file after the return")
    assert [state for _, state in recorder.states] == [
        FolderState.WATCHING,
        FolderState.UNAVAILABLE,
        FolderState.WATCHING,
    ]


def test_a_folder_missing_at_start_is_unavailable_until_it_appears(tmp_path):
    folder = tmp_path / "stick"
    recorder = Recorder()
    watcher = FolderWatcher([folder], recorder.on_files, recorder.on_state, 0.5, 0.2)
    watcher.start()
    try:
        wait_until(lambda: recorder.states == [(folder, FolderState.UNAVAILABLE)], "unavailable")
        folder.mkdir()
        (folder / "film.png").write_bytes(b"film")
        wait_until(lambda: recorder.names() == ["film.png"], "the film on the stick")
    finally:
        watcher.stop()


def test_a_folder_added_and_removed_while_running(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (second / "b.png").write_bytes(b"b")
    recorder = Recorder()
    watcher = FolderWatcher([first], recorder.on_files, recorder.on_state, 0.5, 0.2)
    watcher.start()
    try:
        watcher.add_folder(second)
        wait_until(lambda: recorder.names() == ["b.png"], "the added folder's file")
        watcher.remove_folder(second)
        (second / "c.png").write_bytes(b"c")
        (first / "a.png").write_bytes(b"a")
        wait_until(lambda: recorder.names() == ["a.png", "b.png"], "the first folder's file")
        time.sleep(1.0)
        assert recorder.names() == ["a.png", "b.png"]
        assert set(watcher.folders()) == {first}
    finally:
        watcher.stop()


@pytest.mark.parametrize(
    ("name", "skipped"),
    [
        ("film.dcm", False),
        ("IM-0001", False),
        (".hidden.png", True),
        ("film.png.part", True),
        ("film.png.crdownload", True),
        ("~$film.png", True),
        ("film.png~", True),
        ("COPY.TMP", True),
    ],
)
def test_hidden_and_temporary_names(name, skipped):
    assert is_skipped_name(name) is skipped


class RefusingObserver(Observer):
    """The system's file events, refused as Linux refuses them past its inotify watch limit."""

    def schedule(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_a_folder_the_system_will_not_watch_is_polled_instead(tmp_path):
    folder = tmp_path / "deep-tree"
    folder.mkdir()
    recorder = Recorder()
    watcher = FolderWatcher(
        [folder],
        recorder.on_files,
        recorder.on_state,
        settle_s=0.5,
        poll_s=0.2,
        rescan_s=3600,  # so only the poller can find the new file
        observer_factory=RefusingObserver,
    )
    watcher.start()
    try:
        wait_until(lambda: recorder.states == [(folder, FolderState.WATCHING)], "watching")
        (folder / "new.png").write_bytes(b"film")
        wait_until(lambda: recorder.names() == ["new.png"], "the new file, found by polling")
    finally:
        watcher.stop()
