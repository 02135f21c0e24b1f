"""Shared paths: tests read real images from ../shared/data and generate everything else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SHIPPED_MODEL_DIR = REPO / "resources" / "model"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A data folder of the test's own (`PNEUMOSCREEN_HOME`): the log, the site profile, the
    debug log; never the user's."""
    folder = tmp_path / "home"
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"The shared data folder is missing: {SHARED_DATA}")
    return SHARED_DATA


def modules_loaded_by_importing(package: str) -> list[str]:
    """Every module in `sys.modules` after a fresh interpreter imports each module of `package`.

    A fresh process, because this test process has long imported Qt, TensorFlow and the rest.
    """
    names = sorted(p.stem for p in (REPO / package).glob("*.py") if p.stem != "__main__")
    code = "import sys\n" + "".join(f"import {package}.{n}\n" for n in names)
    code += "print('\\n'.join(sys.modules))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, check=True
    )
    return result.stdout.split()
