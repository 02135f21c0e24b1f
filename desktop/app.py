"""Starting the window: the application object, icon, translations, logging, and the main window.

`run()` is what `pneumoscreen` with no arguments calls. It does only what must happen before the
first paint; the model is loaded in the background by the window, so the window appears (and
takes drops) within about a second.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from core.paths import APP_NAME, resources_dir
from desktop.errors import install_file_logging, show_exception
from desktop.language import chosen_language, language_locale

logger = logging.getLogger(__name__)

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon: the SVG where Qt's SVG icon engine is present, PNGs otherwise."""
    folder = resources_dir() / "icons"
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"pneumoscreen-{size}.png"))
    icon.addFile(str(folder / "pneumoscreen.svg"))
    return icon


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's own and PneumoScreen's translations for `locale` (by default the language chosen
    in View > Language, else the system's: `desktop.language`).

    Ours are `resources/translations/pneumoscreen_<lang>.qm` (`make translations` builds them
    from the `.ts` files). Qt's ("qtbase": the standard buttons and the file dialogs) follow the
    same language, not the system's, so a dialog never mixes two languages; where Qt has no file
    for the locale's country (Portuguese: only pt_BR) the language's usual one is used. A missing
    translation leaves the English text. The translators are children of `app`, so they live
    as long as it does.
    """
    locale = locale or language_locale(chosen_language())
    fallback = QLocale(QLocale.languageToCode(locale.language()))
    installed = []
    sources = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("pneumoscreen", str(resources_dir() / "translations")),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) or translator.load(
            fallback, name, "_", folder
        ):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _package_version() -> str:
    try:
        return version("pneumoscreen")
    except PackageNotFoundError:
        return ""


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, configured for high-DPI screens, with its name and icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (125 %, 150 % on Windows laptops) as they are, not rounded, so
    # text and thumbnails are sharp and the layout is the size the user asked for.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1] + list(argv or []))
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(_package_version())
    app.setDesktopFileName("pneumoscreen")
    app.setWindowIcon(app_icon())
    return app


def run(argv: list[str] | None = None) -> int:
    """Open the window and run until it is closed; returns the process exit status."""
    multiprocessing.freeze_support()  # a bundled app runs as its own decoder child (spawn)
    app = make_application(argv)
    log_path = install_file_logging()
    locale = language_locale(chosen_language())
    QLocale.setDefault(locale)  # calendars and Qt's dialogs in the window's language
    install_translators(app, locale)
    from desktop.main_window import MainWindow  # after the translators, so tr() finds them

    window = MainWindow()

    def report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """An exception escaping a slot: logged with its traceback, shown in words."""
        if not isinstance(exc, Exception):
            sys.__excepthook__(kind, exc, tb)
            return
        show_exception(window, exc.with_traceback(tb))

    sys.excepthook = report
    window.show()
    logger.info("PneumoScreen window shown; log file %s", log_path)
    return app.exec()
