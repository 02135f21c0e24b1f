"""The window's remembered choices, in an INI file in the data folder.

Kept beside the result log (not in the registry or ~/.config) so that `PNEUMOSCREEN_HOME` moves
everything at once: a test, a second clinic profile or a USB-stick install each get their own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from core.paths import data_dir

SETTINGS_FILE_NAME = "settings.ini"

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTER = "window/splitter"
TABLE_HEADER = "window/table_header"
HEATMAP_VISIBLE = "detail/heatmap_visible"
HEATMAP_OPACITY = "detail/heatmap_opacity"  # percent, 0-100
LAST_OPEN_FOLDER = "folders/last_open"
LAST_EXPORT_FOLDER = "folders/last_export"
REVIEWER = "review/reviewer"  # the clinician's name, saved with each review on this computer
# The window's language, "en", "fr", "pt" or "es" (desktop/language.py); the system's if unset.
LANGUAGE = "window/language"


def app_settings() -> QSettings:
    """The settings file of the current data folder."""
    return QSettings(str(data_dir() / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)


def read_int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    """An integer setting clamped to [low, high]; a damaged value gives the default."""
    try:
        value = int(settings.value(key, default))
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A boolean setting (INI files store "true"/"false" as text)."""
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def read_folder(settings: QSettings, key: str) -> str:
    """A remembered folder if it still exists (a USB stick may be gone), else the home folder."""
    value = settings.value(key, "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return value
    return str(Path.home())
