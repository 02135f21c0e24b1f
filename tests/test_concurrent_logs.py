"""Two processes screening into one result log at once (two windows, or the window and the
command line) both finish, and the log holds every row of both (issue #5, "Nothing lost")."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.result import Status
from core.result_log import ResultLog
from tests.conftest import REPO, SHARED_DATA
from tests.test_desktop_window import drop, open_window

pytestmark = pytest.mark.slow
ONLY_A, ONLY_B, BOTH = 60, 60, 30  # files each process screens alone, and those both screen
DEADLINE_S = 600  # only a deadlock comes near it


def distinct_radiographs(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` sample radiographs with a little noise each, so no two share a sha256 (the log
    answers a file it has seen from itself, which would hide a lost row)."""
    folder.mkdir(parents=True)
    samples = sorted((SHARED_DATA / "samples").rglob("*.png"))
    rng = np.random.default_rng(seed)
    files = []
    for index in range(count):
        with Image.open(samples[index % len(samples)]) as image:
            pixels = np.asarray(image.convert("L"), np.int16)
        noisy = np.clip(pixels + rng.integers(-3, 4, pixels.shape), 0, 255).astype(np.uint8)
        files.append(folder / f"{seed}-{index:03d}.png")
        Image.fromarray(noisy).save(files[-1])
    return files


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, list[Path]]:
    root = tmp_path_factory.mktemp("concurrent")
    return {
        "a": distinct_radiographs(root / "a", ONLY_A, seed=1),
        "b": distinct_radiographs(root / "b", ONLY_B, seed=2),
        "both": distinct_radiographs(root / "both", BOTH, seed=3),
    }


def start_cli(home: Path, out: Path, *folders: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "core.cli", "screen", *map(str, folders), "--csv", str(out)],
        cwd=REPO,
        env={**os.environ, "PNEUMOSCREEN_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, int]:
    """Wait for `process`; returns (exit status, files it took from the log)."""
    try:
        _, stderr = process.communicate(timeout=DEADLINE_S)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"a screening process did not end in {DEADLINE_S} s: {process.args}")
    assert "database is locked" not in stderr, stderr
    found = re.search(r"\((\d+) from the log\)", stderr)
    assert process.returncode == 0 and found, stderr
    return process.returncode, int(found.group(1))


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_two_command_lines_screening_at_once_both_keep_all_their_rows(folders, tmp_path):
    home = tmp_path / "home"
    first = start_cli(
        home, tmp_path / "first.csv", folders["a"][0].parent, folders["both"][0].parent
    )
    second = start_cli(
        home, tmp_path / "second.csv", folders["b"][0].parent, folders["both"][0].parent
    )

    (_, first_cached), (_, second_cached) = finish(first), finish(second)

    first_rows, second_rows = csv_rows(tmp_path / "first.csv"), csv_rows(tmp_path / "second.csv")
    assert sorted(r["file"] for r in first_rows) == sorted(map(str, folders["a"] + folders["both"]))
    assert sorted(r["file"] for r in second_rows) == sorted(
        map(str, folders["b"] + folders["both"])
    )
    assert {r["status"] for r in first_rows + second_rows} == {"ok"}
    with ResultLog(home / "results.sqlite3") as log:
        logged = log.results()
        assert log.integrity_ok()
    # Every row a process screened (not answered from the log) is in the log, once.
    screened = len(first_rows) - first_cached + len(second_rows) - second_cached
    assert len(logged) == screened
    every_file = folders["a"] + folders["b"] + folders["both"]
    assert {r.file for r in logged} == set(map(str, every_file))
    # A file both screened has one answer, whoever logged it.
    scores = {}
    for row in first_rows + second_rows:
        assert scores.setdefault(row["sha256"], row["score"]) == row["score"], row["file"]


def test_the_window_and_the_command_line_screening_at_once_both_keep_all_their_rows(
    folders, tmp_path, monkeypatch, qtbot
):
    home = tmp_path / "home"
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(home))
    window = open_window(qtbot)  # opens the log and loads the model
    cli = start_cli(home, tmp_path / "cli.csv", folders["b"][0].parent, folders["both"][0].parent)
    wait_for_rows(home, cli)  # the command line is writing: now the window starts too

    with qtbot.waitSignal(window.controller.batch_finished, timeout=DEADLINE_S * 1000) as finished:
        drop(window.drop_zone, [folders["a"][0].parent, folders["both"][0].parent])
    _, cli_cached = finish(cli)

    progress, cancelled = finished.args
    assert not cancelled
    shown = window.model.results()
    assert sorted(r.file for r in shown) == sorted(map(str, folders["a"] + folders["both"]))
    assert {r.status for r in shown} == {Status.OK}
    cli_rows = csv_rows(tmp_path / "cli.csv")
    assert sorted(r["file"] for r in cli_rows) == sorted(map(str, folders["b"] + folders["both"]))
    with ResultLog(home / "results.sqlite3") as log:
        logged = log.results()
        assert log.integrity_ok()
    assert {r.id for r in shown} <= {r.id for r in logged}
    every_file = folders["a"] + folders["b"] + folders["both"]
    assert {r.file for r in logged} == set(map(str, every_file))
    window_screened = progress.done - progress.from_log
    assert len(logged) == len(cli_rows) - cli_cached + window_screened


def wait_for_rows(home: Path, process: subprocess.Popen) -> None:
    """Return once `process` has logged a first row (or ended): progress, not time."""
    deadline = time.monotonic() + DEADLINE_S
    path = home / "results.sqlite3"
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists():
            with ResultLog(path) as log:
                if log.count() > 0:
                    return
        time.sleep(0.01)
