"""A screening batch killed with SIGKILL at random moments loses nothing that was committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.result import Status
from core.result_log import ResultLog
from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX"),
]
KILLS = 12
FILES = 300


@pytest.fixture
def batch(shared_data, tmp_path) -> Path:
    """FILES distinct radiographs (the samples with a little noise, so no two share a sha256)."""
    folder = tmp_path / "batch"
    folder.mkdir()
    samples = sorted((shared_data / "samples").rglob("*.png"))
    rng = np.random.default_rng(0)
    for index in range(FILES):
        pixels = np.asarray(Image.open(samples[index % len(samples)]).convert("L"), np.int16)
        noisy = np.clip(pixels + rng.integers(-3, 4, pixels.shape), 0, 255).astype(np.uint8)
        Image.fromarray(noisy).save(folder / f"{index:03d}.png")
    return folder


def start_screening(folder: Path, home: Path) -> subprocess.Popen:
    env = {**os.environ, "PNEUMOSCREEN_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "core.cli", "screen", str(folder)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def logged_rows(home: Path) -> list:
    with ResultLog(home / "results.sqlite3") as log:
        assert log.integrity_ok()
        return log.results()


def kill_when_logged(process: subprocess.Popen, home: Path, target: int) -> int:
    """SIGKILL `process` as soon as the log holds `target` rows: a random point mid-batch, chosen
    by progress rather than by time, so the test does not depend on the machine's speed.

    Returns how many rows another reader saw committed just before the kill."""
    deadline = time.monotonic() + 120
    log = None
    seen = 0
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if log is None and (home / "results.sqlite3").exists():
                log = ResultLog(home / "results.sqlite3")
            if log is not None:
                seen = log.count()
                if seen >= target:
                    break
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if log is not None:
            log.close()
    return seen


def test_random_sigkills_keep_every_committed_result_and_a_rerun_skips_them(batch, tmp_path):
    home = tmp_path / "home"
    targets = sorted(random.Random(1).sample(range(1, FILES), KILLS))
    counts, seen_before_kills, kept = [], [], set()
    for target in targets:
        seen = kill_when_logged(start_screening(batch, home), home, target)
        rows = logged_rows(home)  # also: PRAGMA integrity_check says "ok"
        assert len(rows) >= seen, f"{seen} rows were committed before the kill, {len(rows)} after"
        assert kept <= {(row.id, row.sha256) for row in rows}, "a row of an earlier run was lost"
        assert all(row.status is Status.OK for row in rows)
        assert len({row.sha256 for row in rows}) == len(rows), "a file was logged twice"
        kept = {(row.id, row.sha256) for row in rows}
        counts.append(len(rows))
        seen_before_kills.append(seen)
    print(f"rows seen committed before each kill {seen_before_kills}; in the log after {counts}")
    assert counts == sorted(counts), f"results were lost between kills: {counts}"
    mid_batch = [c for c in counts if c < FILES]
    assert len(mid_batch) >= KILLS // 2, f"too few kills landed mid-batch: {counts}"

    before = counts[-1]
    finish = start_screening(batch, home)
    _, stderr = finish.communicate(timeout=300)
    assert finish.returncode == 0
    assert f"({before} from the log)" in stderr.decode()
    assert len(logged_rows(home)) == FILES
