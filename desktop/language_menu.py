"""View > Language: English, Français, Português, Español, each named in its own language.

The choice is remembered (`desktop.language`) and takes effect when PneumoScreen next starts:
every text of the window is set when its widget is built, from the translations installed before
the first widget, so changing language means starting again. The menu says so in its status tip
and, after a choice, in a message in both the current and the chosen language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core.paths import resources_dir
from desktop.language import LANGUAGES, chosen_language, save_language, say_in

NEXT_START = QT_TRANSLATE_NOOP(
    "LanguageMenu", "The language changes when PneumoScreen is next started."
)


class LanguageMenu(QMenu):
    """One checked entry per language; `language_chosen(code)` follows a choice."""

    language_chosen = Signal(str)

    def __init__(self, parent: QMainWindow) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._translations = resources_dir() / "translations"
        self._running = chosen_language()  # what app.run installed before this window
        tip = self.tr("The window's language; it changes when PneumoScreen is next started")
        self.menuAction().setStatusTip(tip)
        self.notice: QMessageBox | None = None
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        for code, name in LANGUAGES.items():
            action = self.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setData(code)
            action.setCheckable(True)
            action.setChecked(code == self._running)
            action.setStatusTip(tip)
            self._group.addAction(action)
        self._group.triggered.connect(self._chosen)

    def language_action(self, code: str) -> QAction:
        """The entry for language `code`, e.g. for a test to click."""
        return next(action for action in self.actions() if action.data() == code)

    def _chosen(self, action: QAction) -> None:
        code = str(action.data())
        save_language(code)
        self.language_chosen.emit(code)
        if self.notice is not None:
            self.notice.close()
            self.notice = None
        if code != self._running:
            self.notice = self._next_start_notice(code)
            self.notice.open()

    def _next_start_notice(self, code: str) -> QMessageBox:
        """A message in the window's language and, below it, in the chosen one (a user who
        picked their own language may not read the current one)."""
        here = self.tr(NEXT_START)
        there = say_in(self._translations, code, "LanguageMenu", NEXT_START)
        text = here if not there or there == here else f"{here}\n\n{there}"
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        box.setObjectName("languageNotice")
        return box


def add_language_menu(window: QMainWindow, beside: QAction) -> LanguageMenu:
    """The Language menu, at the end of the menu that holds `beside` (View)."""
    menu = LanguageMenu(window)
    for menu_action in window.menuBar().actions():
        holder = menu_action.menu()
        if holder is not None and beside in holder.actions():
            holder.addSeparator()
            holder.addMenu(menu)
    return menu
