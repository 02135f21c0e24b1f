"""Render docs/screenshots/watch-folders.png: watch folders at work, offscreen, with the real model.

Usage (from the repository root):
    .venv/bin/python -m scripts.render_watch_screenshot [--out docs/screenshots]

Two folders are watched: an X-ray unit's export folder, into which two sample films are copied
while the window runs (one pneumonia likely, announced in the status bar), and a USB stick's
folder that has been pulled out (unavailable). The "Watch folders" dialog is drawn over the
window, where the user sees it. A fresh data folder is used, so your log and settings are never
touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402

from scripts.render_screenshots import SAMPLES, settle, wait_until  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pneumoscreen-watch-") as scratch:
        os.environ["PNEUMOSCREEN_HOME"] = str(Path(scratch) / "home")
        from desktop.app import install_translators, make_application
        from desktop.main_window import MainWindow
        from desktop.watch_folders_dialog import WatchFoldersDialog

        app = make_application([])
        install_translators(app)
        window = MainWindow()
        window.resize(1280, 800)
        window.show()
        wait_until(window.controller.is_ready)
        export, stick = Path(scratch) / "XRAY-UNIT" / "export", Path(scratch) / "USB-STICK"
        export.mkdir(parents=True)
        window.watch_folders.watch.add(export)
        window.watch_folders.watch.add(stick)
        window.watch_folders.show_dialog()
        dialog = window.findChild(WatchFoldersDialog)
        wait_until(lambda: "unavailable" in window.watch_folders.summary.text())
        announced: list[str] = []
        window.watch_folders.announced.connect(announced.append)
        for film in (
            sorted((SAMPLES / "NORMAL").glob("*.png"))[1],
            sorted((SAMPLES / "PNEUMONIA").glob("*.png"))[1],
        ):
            shutil.copy(film, export / f"ward-b-{film.name}")
        wait_until(lambda: announced and window.model.rowCount() == 2)
        settle(1.0)  # thumbnails and the detail image
        picture = window.grab()
        painter = QPainter(picture)
        frame = dialog.grab()
        painter.drawPixmap(QPoint(80, 300), frame)
        painter.setPen(QColor("#555555"))
        painter.drawRect(80, 300, frame.width() - 1, frame.height() - 1)
        painter.end()
        path = args.out / "watch-folders.png"
        if not picture.save(str(path)):
            raise OSError(f"Cannot write {path}")
        print(path)
        window.close()
        app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
