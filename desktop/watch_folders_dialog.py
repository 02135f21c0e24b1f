"""The "Watch folders" dialog: the watched folders with their states, and adding and removing.

Not modal: it can stay open beside the window while films arrive, and a folder's state
(watching, unavailable) changes in it as it happens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.watch import FolderState
from desktop import file_dialogs

if TYPE_CHECKING:
    from desktop.watch_folders import FolderWatch

translate = QCoreApplication.translate

FOLDER_ROLE = Qt.ItemDataRole.UserRole


def state_text(state: FolderState | None) -> str:
    """A folder's state in words, first in its line so that a long path cannot hide it."""
    if state is FolderState.WATCHING:
        return translate("WatchFolders", "Watching")
    if state is FolderState.UNAVAILABLE:
        return translate("WatchFolders", "Unavailable (removed or unplugged?)")
    return translate("WatchFolders", "Starting…")


class WatchFoldersDialog(QDialog):
    """Lists `watch`'s folders; Add… asks for a folder, Remove stops watching the selected one."""

    def __init__(self, watch: FolderWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("WatchFolders", "Watch folders"))
        self.setObjectName("watchFoldersDialog")
        self._watch = watch
        explanation = QLabel(
            translate(
                "WatchFolders",
                "New X-rays in these folders (and their subfolders) are screened as they "
                "arrive, once each file has been completely copied. Pneumonia-likely results "
                "are announced. The folders are remembered when PneumoScreen is closed.",
            ),
            wordWrap=True,
        )
        self.folder_list = QListWidget(objectName="watchedFolders")
        self.folder_list.setMinimumWidth(520)
        self.add_button = QPushButton(translate("WatchFolders", "&Add folder…"))
        self.remove_button = QPushButton(translate("WatchFolders", "&Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.folder_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        close.rejected.connect(self.close)
        self.folder_list.itemSelectionChanged.connect(self._update_buttons)
        watch.folders_changed.connect(self.refresh)
        watch.state_changed.connect(self.refresh)
        self.refresh()

    def add_folder(self) -> None:
        folder = file_dialogs.ask_folder(self)
        if folder is not None:
            self._watch.add(folder)

    def remove_selected(self) -> None:
        for item in self.folder_list.selectedItems():
            self._watch.remove(Path(item.data(FOLDER_ROLE)))

    def refresh(self, *_news: object) -> None:
        """Show every folder with its state now, keeping the selection."""
        selected = {item.data(FOLDER_ROLE) for item in self.folder_list.selectedItems()}
        self.folder_list.clear()
        for folder in self._watch.folders():
            state = self._watch.state(folder)
            item = QListWidgetItem(f"{state_text(state)}: {folder}")
            item.setData(FOLDER_ROLE, str(folder))
            item.setToolTip(str(folder))
            if state is FolderState.UNAVAILABLE:
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(
                    translate(
                        "WatchFolders",
                        "{folder} is not there now; it is watched again when it is back.",
                    ).format(folder=folder)
                )
            self.folder_list.addItem(item)
            item.setSelected(str(folder) in selected)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.folder_list.selectedItems()))
