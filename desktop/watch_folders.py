"""Watch folders in the window: new X-rays in chosen folders are screened as they arrive.

The watching itself is `core.watch.FolderWatcher` (the engine's, the same as `pneumoscreen
watch`); this module carries its news to the GUI thread as signals, remembers the folders in the
settings (so they are watched again after a restart), and hands each group of arrived files to
the window's `add_paths`, the same path a drop or "Add files…" takes: same controller, same task
manager, same checks (no screening with a damaged site profile or a read-only log).

A pneumonia-likely result of a watched file is announced in the status bar and, where the
desktop has a system tray, by a notification, since the user may be at the X-ray unit, not at the
window. A result answered from the log (a film screened before, seen again when the app starts)
is not announced twice. A folder that disappears is shown as unavailable in the folder list and
the status bar, never by an error box, and is watched again when it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSystemTrayIcon

from core.result import Label
from core.watch import DEFAULT_SETTLE_S, FolderState, FolderWatcher
from desktop import settings
from desktop.watch_folders_dialog import WatchFoldersDialog

if TYPE_CHECKING:
    from core.screening import Outcome
    from desktop.main_window import MainWindow

translate = QCoreApplication.translate

#: The watched folders, a list of paths, in the settings file of the data folder.
WATCHED_FOLDERS = "watch/folders"


def read_watched_folders(store: QSettings) -> list[Path]:
    """The remembered folders; an INI file gives a one-item list back as a plain string."""
    value = store.value(WATCHED_FOLDERS, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(item) for item in value or [] if isinstance(item, str) and item]


class FolderWatch(QObject):
    """The folder watcher, with its news as signals delivered on the GUI thread.

    The core watcher calls back on its own thread; emitting a signal there queues the call to
    each receiver's thread, so no widget is touched from the watcher's thread.
    """

    files_arrived = Signal(object)  # list[Path]: files complete and ready to screen
    state_changed = Signal(object, object)  # Path, FolderState
    folders_changed = Signal()  # a folder was added or removed

    def __init__(self, settle_s: float = DEFAULT_SETTLE_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = FolderWatcher(
            [], self.files_arrived.emit, self.state_changed.emit, settle_s=settle_s
        )
        self._folders: list[Path] = []
        self._started = False

    def folders(self) -> list[Path]:
        return list(self._folders)

    def state(self, folder: Path) -> FolderState | None:
        """The folder's state; None until it has been looked at (a moment after adding)."""
        return self._watcher.folders().get(folder)

    def add(self, folder: Path) -> None:
        """Watch `folder` (and what is in it) from now on, and after each restart."""
        folder = Path(folder).absolute()
        if folder in self._folders:
            return
        self._folders.append(folder)
        self._watcher.add_folder(folder)
        if not self._started:  # no threads while nothing is watched
            self._watcher.start()
            self._started = True
        self._save()
        self.folders_changed.emit()

    def remove(self, folder: Path) -> None:
        if folder not in self._folders:
            return
        self._folders.remove(folder)
        self._watcher.remove_folder(folder)
        self._save()
        self.folders_changed.emit()

    def restore(self) -> None:
        """Watch the folders remembered in the settings."""
        for folder in read_watched_folders(settings.app_settings()):
            self.add(folder)

    def stop(self) -> None:
        """End the watcher's threads (the window is closing); the folders stay remembered."""
        if self._started:
            self._watcher.stop()

    def _save(self) -> None:
        store = settings.app_settings()
        store.setValue(WATCHED_FOLDERS, [str(folder) for folder in self._folders])
        store.sync()


class WatchFolders(QObject):
    """The window's watch folders: the File menu's "Watch folders…", the status bar's summary,
    the screening of arrived files and the announcement of pneumonia-likely results."""

    announced = Signal(str)  # the text of each announcement, as shown

    def __init__(
        self, window: MainWindow, screen: Callable[[list[Path]], None], settle_s: float
    ) -> None:
        super().__init__(window)
        self._window = window
        self._screen = screen
        self.watch = FolderWatch(settle_s, self)
        self.dialog: WatchFoldersDialog | None = None
        self._arrived: set[str] = set()  # files handed to screening, not yet screened
        self._flagged: list[str] = []  # pneumonia-likely arrivals of the running batch
        self._tray: QSystemTrayIcon | None = None
        self.summary = QLabel(objectName="watchSummary")
        self.summary.hide()
        self.action = QAction(translate("WatchFolders", "&Watch folders…"), window)
        self.action.setStatusTip(
            translate("WatchFolders", "Screen new X-rays in chosen folders as they arrive")
        )
        self.action.triggered.connect(self.show_dialog)
        self.watch.files_arrived.connect(self._files_arrived)
        self.watch.state_changed.connect(self._state_changed)
        self.watch.folders_changed.connect(self._show_summary)

    @classmethod
    def attach(cls, window: MainWindow, settle_s: float = DEFAULT_SETTLE_S) -> WatchFolders:
        """Add the menu item and the status-bar summary to `window`, and watch the remembered
        folders (not where nothing can be screened: a read-only log)."""
        part = cls(window, partial(window.add_paths, arrived=True), settle_s)
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None and window.commands.add_folder in menu.actions():
                after = menu.actions()[menu.actions().index(window.commands.add_folder) + 1]
                menu.insertAction(after, part.action)
        window.statusBar().addPermanentWidget(part.summary)
        controller = window.controller
        part.action.setEnabled(controller is not None)
        if controller is not None:
            controller.outcome.connect(part._outcome)
            controller.batch_finished.connect(part._batch_finished)
            part.watch.restore()
        return part

    def show_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = WatchFoldersDialog(self.watch, self._window)
        self.dialog.show()
        self.dialog.raise_()

    def stop(self) -> None:
        self.watch.stop()
        if self._tray is not None:
            self._tray.hide()

    # -- arrivals and results ------------------------------------------------------------------

    def _files_arrived(self, paths: list[Path]) -> None:
        self._arrived.update(str(path) for path in paths)
        self._screen(paths)

    def _outcome(self, outcome: Outcome) -> None:
        result = outcome.result
        if result.file not in self._arrived:
            return
        self._arrived.discard(result.file)
        if result.label is Label.PNEUMONIA and not outcome.from_cache:
            self._flagged.append(Path(result.file).name)

    def _batch_finished(self, _progress: object, _cancelled: bool) -> None:
        """Announce after the window's own batch summary, so the announcement stays shown."""
        if not self._flagged:
            return
        names, self._flagged = self._flagged, []
        text = translate("WatchFolders", "Pneumonia likely: {files} (from a watched folder)")
        text = text.format(files=", ".join(names))
        self._window.statusBar().showMessage(text)
        self._notify(text)
        self.announced.emit(text)

    def _notify(self, text: str) -> None:
        """A system notification where the desktop has a tray; the status bar says it anyway."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._window.windowIcon(), self)
            self._tray.setToolTip("PneumoScreen")
        self._tray.show()
        self._tray.showMessage("PneumoScreen", text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    # -- folder states -------------------------------------------------------------------------

    def _state_changed(self, folder: Path, state: FolderState) -> None:
        if state is FolderState.UNAVAILABLE:
            self._window.statusBar().showMessage(
                translate(
                    "WatchFolders", "Watched folder unavailable: {folder}; waiting for it"
                ).format(folder=folder)
            )
        self._show_summary()

    def _show_summary(self) -> None:
        folders = self.watch.folders()
        missing = sum(self.watch.state(f) is FolderState.UNAVAILABLE for f in folders)
        self.summary.setVisible(bool(folders))
        if missing:
            text = translate("WatchFolders", "Watching {n} of {total} folders ({m} unavailable)")
            self.summary.setText(
                text.format(n=len(folders) - missing, total=len(folders), m=missing)
            )
        else:
            text = (
                translate("WatchFolders", "Watching 1 folder")
                if len(folders) == 1
                else translate("WatchFolders", "Watching {n} folders").format(n=len(folders))
            )
            self.summary.setText(text)
