"""The native dialogs for choosing files and folders to screen, starting where the user last was.

Native (not Qt's own) dialogs, so the clinic laptop's usual shortcuts, drives and USB sticks are
where the user expects them. The last folder is remembered in the settings, unless it is gone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from core.formats import SUFFIXES
from desktop import settings

translate = QCoreApplication.translate

#: The file filter of the Add-files dialog: every suffix of the formats table (`core.formats`).
IMAGE_PATTERNS = " ".join(f"*{suffix}" for suffix in SUFFIXES)


def ask_files(parent: QWidget) -> list[Path]:
    """X-ray files chosen by the user (none if cancelled). "All files" admits DICOM files
    without an extension, which many X-ray units write."""
    store = settings.app_settings()
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("FileDialogs", "Add X-ray files"),
        settings.read_folder(store, settings.LAST_OPEN_FOLDER),
        translate("FileDialogs", "X-ray images ({patterns});;All files (*)").format(
            patterns=IMAGE_PATTERNS
        ),
    )
    if names:
        store.setValue(settings.LAST_OPEN_FOLDER, str(Path(names[0]).parent))
    return [Path(name) for name in names]


def ask_folder(parent: QWidget) -> Path | None:
    """A folder chosen by the user (screened with everything inside), or None."""
    store = settings.app_settings()
    start = settings.read_folder(store, settings.LAST_OPEN_FOLDER)
    folder = QFileDialog.getExistingDirectory(
        parent, translate("FileDialogs", "Add a folder of X-rays"), start
    )
    if not folder:
        return None
    store.setValue(settings.LAST_OPEN_FOLDER, folder)
    return Path(folder)
