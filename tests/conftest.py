"""Shared paths: tests read real images from ../shared/data and generate everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SHIPPED_MODEL_DIR = REPO / "resources" / "model"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"The shared data folder is missing: {SHARED_DATA}")
    return SHARED_DATA
