"""Starting the app: `pneumoscreen` with no arguments, the icon, translations, the log file."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

import desktop.app
from desktop import launcher
from desktop.app import app_icon, install_translators, make_application

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context><name>Labels</name>
<message><source>Pneumonia likely</source><translation>Pneumonie probable</translation></message>
</context>
</TS>
"""


def test_no_subcommand_opens_the_window(monkeypatch):
    opened = []
    monkeypatch.setattr(desktop.app, "run", lambda: opened.append(True) or 0)
    assert launcher.main([]) == 0
    assert opened == [True]


def test_run_shows_the_window_and_returns_when_it_is_closed(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    shown = []

    def close_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        shown.extend(w for w in windows if w.isVisible())
        for window in windows:
            window.close()
        qapp.quit()

    # Only the explicit quit ends the loop: a second, queued quit from "last window closed"
    # would end every later test's event loop at once.
    qapp.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(300, close_the_window)
    try:
        assert desktop.app.run() == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert shown, "the main window was not shown"
    assert (tmp_path / "pneumoscreen.log").is_file()  # tracebacks go here, never to the screen


def test_make_application_reuses_the_running_one(qapp):
    assert make_application() is qapp


def test_the_application_icon_is_shipped_and_loads(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes()  # the PNG sizes, for platforms without the SVG icon engine


def test_translations_are_loaded_for_the_users_language(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "pneumoscreen_fr.ts").write_text(TS, encoding="utf-8")
    lrelease = os.path.join(os.path.dirname(sys.executable), "pyside6-lrelease")
    subprocess.run(
        [lrelease, str(folder / "pneumoscreen_fr.ts"), "-qm", str(folder / "pneumoscreen_fr.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(desktop.app, "resources_dir", lambda: tmp_path)
    translators = install_translators(qapp, QLocale(QLocale.Language.French))
    try:
        assert QCoreApplication.translate("Labels", "Pneumonia likely") == "Pneumonie probable"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Labels", "Pneumonia likely") == "Pneumonia likely"
