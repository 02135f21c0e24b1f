"""What a user sees on the terminal, in a real process: one line on Ctrl+C, warnings in the debug
log and not on the screen (issue 14, section 7)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import REPO

# The command line, with each file made to take a little longer (as on a slow USB stick), so that
# Ctrl+C lands mid-batch on any machine, and with whatever else a test adds before `main` runs.
_RUN_CLI = """
import signal, sys, time
from core import cli

# As in a terminal: a test run started in the background (`make test &`) inherits SIGINT ignored,
# and Python then installs no KeyboardInterrupt handler of its own.
signal.signal(signal.SIGINT, signal.default_int_handler)
from core.screening import Screener

screen_file = Screener.screen_file

def slow_screen_file(self, path):
    time.sleep(float(sys.argv[1]))
    return screen_file(self, path)

Screener.screen_file = slow_screen_file
{extra}
sys.exit(cli.main(sys.argv[2:]))
"""


def start_cli(home: Path, argv: list[str], delay_s: float = 0.0, extra: str = ""):
    env = {**os.environ, "PNEUMOSCREEN_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-c", _RUN_CLI.format(extra=extra), str(delay_s), *argv],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job has
    )


def logged(home: Path) -> int:
    """Rows committed to the log so far, read without writing (the batch may still run)."""
    path = home / "results.sqlite3"
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.OperationalError:  # created this very moment: no table yet
        return 0
    finally:
        db.close()


@pytest.fixture
def copies(shared_data, tmp_path) -> Path:
    """300 distinct files (so none is answered from the log) made from the shared samples."""
    folder = tmp_path / "copies"
    folder.mkdir()
    samples = sorted((shared_data / "samples").glob("*/*.png"))
    for index in range(300):
        data = samples[index % len(samples)].read_bytes() + index.to_bytes(4, "big")
        (folder / f"{index:03d}.png").write_bytes(data)
    return folder


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a process group is POSIX")
def test_ctrl_c_mid_batch_exits_130_with_one_line_and_keeps_the_rows(copies, tmp_path):
    home = tmp_path / "home"
    process = start_cli(home, ["screen", str(copies), "--csv", str(tmp_path / "run.csv")], 0.03)
    deadline = time.monotonic() + 120
    seen = 0
    while seen < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        seen = logged(home)
    assert process.poll() is None, process.communicate()
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C in a terminal does
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("pneumoscreen:")]
    assert len(lines) == 1 and lines[0].startswith("pneumoscreen: interrupted; "), stderr
    kept = logged(home)
    assert seen <= kept < 300
    assert f"{kept} results were saved" in lines[0]
    assert not (tmp_path / "run.csv").exists()


def float_tiff_with_nan(path: Path) -> Path:
    pixels = np.random.default_rng(0).random((600, 600)).astype(np.float32)
    pixels[100:200, 100:200] = np.nan
    pixels[300, 300] = np.inf
    Image.fromarray(pixels, mode="F").save(path)
    return path


def test_numpy_warnings_go_to_the_debug_log_not_the_terminal(tmp_path):
    home = tmp_path / "home"
    tiff = float_tiff_with_nan(tmp_path / "nan.tif")
    process = start_cli(home, ["screen", str(tiff)])
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert "Warning" not in stderr and "warn" not in stderr.lower(), stderr


def test_a_screening_prints_only_its_own_lines_not_litert_internals(shared_data, tmp_path):
    """LiteRT's C++ announces its XNNPACK delegate on file descriptor 2; the user never sees it."""
    sample = sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[0]
    process = start_cli(tmp_path / "home", ["screen", str(sample)])
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert "XNNPACK" not in stderr and "INFO:" not in stderr, stderr


def test_a_reader_that_stops_reading_gets_no_error_line(tmp_path):
    """`pneumoscreen info | head -1`: the closed pipe is the reader's choice, not an error."""
    env = {**os.environ, "PNEUMOSCREEN_HOME": str(tmp_path / "home")}
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before the program writes a line
    try:
        process = subprocess.run(
            [sys.executable, "-m", "core.cli", "info"],
            cwd=REPO,
            env=env,
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert process.stderr == ""


# A library warning raised while the files are listed, as pydicom raises on odd DICOM headers.
_LIBRARY_WARNS = """
import warnings
walk = cli.expand_paths
def warning_walk(paths):
    warnings.warn("Invalid value for VR UI: 'x'", UserWarning, stacklevel=1)
    return walk(paths)
cli.expand_paths = warning_walk
"""


def test_library_warnings_go_to_the_debug_log_and_show_only_with_debug(tmp_path):
    home = tmp_path / "home"
    (tmp_path / "empty.dcm").write_bytes(b"")
    quiet = start_cli(home, ["screen", str(tmp_path / "empty.dcm")], extra=_LIBRARY_WARNS)
    _, stderr = quiet.communicate(timeout=120)
    assert quiet.returncode == 0, stderr
    assert "Invalid value for VR UI" not in stderr and "UserWarning" not in stderr
    assert "Invalid value for VR UI" in (home / "pneumoscreen.log").read_text()

    loud = start_cli(home, ["--debug", "screen", str(tmp_path / "empty.dcm")], extra=_LIBRARY_WARNS)
    _, stderr = loud.communicate(timeout=120)
    assert "Invalid value for VR UI" in stderr


# One file fails in a way nobody foresaw: its row says so, and the traceback goes to the log.
_ONE_FILE_BREAKS = """
def breaking_screen_file(self, path):
    if path.name == "breaks.png":
        raise RuntimeError("an unforeseen bug")
    return slow_screen_file(self, path)
Screener.screen_file = breaking_screen_file
"""


def test_an_unforeseen_failure_of_one_file_prints_no_traceback(shared_data, tmp_path):
    home = tmp_path / "home"
    sample = sorted((shared_data / "samples").glob("*/*.png"))[0].read_bytes()
    (tmp_path / "breaks.png").write_bytes(sample)
    process = start_cli(home, ["screen", str(tmp_path / "breaks.png")], extra=_ONE_FILE_BREAKS)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "an unforeseen bug" not in stderr, stderr
    assert "an unforeseen bug" in (home / "pneumoscreen.log").read_text()
