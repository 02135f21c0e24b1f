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


def test_random_sigkills_keep_every_committed_result_and_a_rerun_skips_them(batch, tmp_path):
    home = tmp_path / "home"
    rng = random.Random(1)
    counts = []
    for _ in range(KILLS):
        process = start_screening(batch, home)
        time.sleep(rng.uniform(0.3, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if not (home / "results.sqlite3").exists():
            counts.append(0)
            continue
        rows = logged_rows(home)
        assert all(row.status is Status.OK for row in rows)
        assert len({row.sha256 for row in rows}) == len(rows), "a file was logged twice"
        counts.append(len(rows))
    assert counts == sorted(counts), f"results were lost between kills: {counts}"
    mid_batch = [c for c in counts if 0 < c < FILES]
    assert len(mid_batch) >= 3, f"too few kills landed mid-batch to prove anything: {counts}"

    before = counts[-1]
    finish = start_screening(batch, home)
    _, stderr = finish.communicate(timeout=300)
    assert finish.returncode == 0
    assert f"({before} from the log)" in stderr.decode()
    assert len(logged_rows(home)) == FILES
