"""Where the app finds its shipped resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.errors import ResultLogError
from core.plain_problems import folder_problem

APP_NAME = "PneumoScreen"


def resources_dir() -> Path:
    """`resources/` beside the source tree, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def model_card_path() -> Path:
    """The shipped model card."""
    return resources_dir() / "model" / "model.json"


def data_dir() -> Path:
    """The data folder: `PNEUMOSCREEN_HOME`, else the platform's per-user data directory."""
    override = os.environ.get("PNEUMOSCREEN_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_NAME


def ensure_folder(folder: Path) -> Path:
    """Create the data folder `folder` if needed; raise a sentence a user can act on if not.

    Raises:
        ResultLogError: a file has the folder's name (PNEUMOSCREEN_HOME set to a file), or the
            folder cannot be created (read-only disk, no permission, disk full).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResultLogError(folder_problem(folder, exc)) from exc
    return folder


def result_log_path() -> Path:
    """The SQLite result log in the data folder, shared by the window and the command line."""
    return data_dir() / "results.sqlite3"
