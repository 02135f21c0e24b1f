"""`pneumoscreen watch` in a real process, with radiographs copied into its folder while it runs.

Nothing here measures time: each wait is for a line or an exit, with a generous limit.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from core import cli
from core.reason_codes import ReasonCode
from core.result import Label, ScreeningResult, Status
from core.watch_command import printable, result_line
from tests.conftest import REPO

WAIT_S = 120.0


class WatchProcess:
    """`python -m core.cli watch ...` with its stdout and stderr read line by line as they come."""

    def __init__(self, home: Path, argv: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "core.cli", "watch", *argv],
            cwd=REPO,
            env={**os.environ, "PNEUMOSCREEN_HOME": str(home)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a terminal's foreground job
        )
        self.out: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        self._err_lines: queue.Queue[str] = queue.Queue()
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, None)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    def _read(self, stream, lines: queue.Queue[str] | None) -> None:
        for line in stream:
            if lines is None:
                self.err.append(line.rstrip("\n"))
                self._err_lines.put(line)
            else:
                lines.put(line.rstrip("\n"))

    def wait_for_stderr(self, text: str) -> None:
        while True:
            try:
                line = self._err_lines.get(timeout=WAIT_S)
            except queue.Empty:
                self.kill()
                pytest.fail(f"no stderr line with {text!r}; stderr so far: {self.err}")
            if text in line:
                return

    def result_lines(self, count: int) -> list[str]:
        lines = []
        for _ in range(count):
            try:
                lines.append(self.out.get(timeout=WAIT_S))
            except queue.Empty:
                self.kill()
                pytest.fail(f"only {lines} on stdout; stderr: {self.err}")
        return lines

    def stop(self, signum: int) -> int:
        """Signal the whole process group, as Ctrl+C in a terminal and a service manager's stop
        do: the decoder children get it too."""
        os.killpg(self.process.pid, signum)
        try:
            return self.process.wait(timeout=WAIT_S)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def logged_files(home: Path) -> list[str]:
    db = sqlite3.connect(f"file:{home / 'results.sqlite3'}?mode=ro", uri=True, timeout=30)
    try:
        return sorted(row[0] for row in db.execute("SELECT file FROM results"))
    finally:
        db.close()


@pytest.fixture
def samples(shared_data) -> list[Path]:
    return [
        sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[0],
        sorted((shared_data / "samples" / "PNEUMONIA").glob("*.png"))[0],
    ]


@pytest.mark.skipif(os.name != "posix", reason="signals to a child process are POSIX")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_watch_screens_files_copied_in_and_stops_with_exit_0(samples, tmp_path, signum):
    folder, home = tmp_path / "export", tmp_path / "home"
    folder.mkdir()
    watch = WatchProcess(home, [str(folder), "--settle", "0.5"])
    watch.wait_for_stderr("is being watched")
    for sample in samples:  # the X-ray unit exports two films while the watch runs
        shutil.copy(sample, folder / sample.name)
    lines = watch.result_lines(2)
    assert watch.stop(signum) == 0, watch.err
    by_file = {line.split("\t")[0]: line.split("\t")[1:] for line in lines}
    normal, pneumonia = (str(folder / sample.name) for sample in samples)
    assert set(by_file) == {normal, pneumonia}
    assert by_file[normal][0] == "ok" and by_file[normal][2] == "NORMAL"
    assert by_file[pneumonia][0] == "ok" and by_file[pneumonia][2] == "PNEUMONIA"
    assert float(by_file[pneumonia][1]) > float(by_file[normal][1])
    assert watch.err[-1].startswith("stopped: 2 files screened: 2 ok (1 pneumonia likely)")
    assert not any("Warning" in line or "leaked" in line for line in watch.err), watch.err
    assert logged_files(home) == sorted([normal, pneumonia])


@pytest.mark.skipif(os.name != "posix", reason="signals to a child process are POSIX")
def test_files_already_there_are_screened_and_a_vanished_folder_is_waited_for(samples, tmp_path):
    folder, home = tmp_path / "stick", tmp_path / "home"
    folder.mkdir()
    shutil.copy(samples[0], folder / "already.png")
    watch = WatchProcess(home, [str(folder), "--settle", "0.5"])
    [first] = watch.result_lines(1)
    assert first.startswith(f"{folder / 'already.png'}\tok\t")
    shutil.rmtree(folder)  # the stick pulled out
    watch.wait_for_stderr("is unavailable")
    folder.mkdir()  # and put back with a new film
    watch.wait_for_stderr("is being watched")
    shutil.copy(samples[1], folder / "new.png")
    [second] = watch.result_lines(1)
    assert second.startswith(f"{folder / 'new.png'}\tok\t")
    assert watch.stop(signal.SIGTERM) == 0, watch.err
    assert watch.err[-1].startswith("stopped: 2 files screened")


def test_a_missing_folder_at_start_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "home"))
    assert cli.main(["watch", str(tmp_path / "no-such-stick")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("pneumoscreen: error: cannot watch ")
    assert "no-such-stick: it does not exist" in error


def test_a_file_given_as_folder_and_a_bad_settle_time_are_usage_errors(tmp_path, capsys):
    film = tmp_path / "film.png"
    film.write_bytes(b"x")
    assert cli.main(["watch", str(film)]) == 2
    assert "it is not a folder" in capsys.readouterr().err
    assert cli.main(["watch", str(tmp_path), "--settle", "0"]) == 2
    assert "expected seconds between 0 and 3600" in capsys.readouterr().err


def test_result_lines_name_the_file_and_say_score_and_label_or_the_reason():
    def result(**fields) -> ScreeningResult:
        defaults = dict(file="/x/a.png", score=None, label=None, reason="", threshold=42.0)
        return ScreeningResult(
            **{**defaults, **fields},
            sha256="0" * 64,
            model_version="v",
            screened_at=datetime.now().astimezone(),
        )

    scored = result(status=Status.OK, score=87.34, label=Label.PNEUMONIA)
    assert result_line(scored) == "/x/a.png\tok\t87.3\tPNEUMONIA"
    refused = result(
        status=Status.REJECTED,
        reason="Not a frontal chest X-ray.",
        reason_code=ReasonCode.NOT_FRONTAL_CXR,
    )
    assert result_line(refused) == "/x/a.png\trejected\tNot a frontal chest X-ray."
    odd = result(
        file="/x/a\nb\x1b[2J\udcff.png",
        status=Status.ERROR,
        reason="bad",
        reason_code=ReasonCode.DAMAGED_DATA,
    )
    assert result_line(odd) == "/x/a\\nb\\x1b[2J\\udcff.png\terror\tbad"
    assert printable("tab\there") == "tab\\there"
