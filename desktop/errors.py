"""The one place where a failure becomes words for the clinic user (Anki's `show_exception`).

The engine raises typed errors (`core.errors`); this module maps each type to a sentence a nurse
can act on ("Reinstall PneumoScreen", "Choose another folder"). The technical message goes to
the box's "Show Details" text; the traceback goes only to the log file in the data folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.debug_log import debug_log_path, install_debug_log
from core.errors import (
    ModelCardError,
    ModelError,
    ModelIntegrityError,
    NotEnoughEvidence,
    ResultLogError,
    ScreeningError,
    SiteProfileError,
    UnreadableImage,
    UnsupportedDicom,
)
from core.output_guard import CsvDestinationError

logger = logging.getLogger(__name__)
translate = QCoreApplication.translate


def log_file() -> Path:
    """Where tracebacks are written: in the data folder, next to the result log."""
    return debug_log_path()


def install_file_logging() -> Path:
    """Send warnings and errors (with tracebacks) to the log file; called once by `app.run`.

    Never fails: where the data folder cannot be written (read-only media, PNEUMOSCREEN_HOME
    naming a file) records are dropped, the window still opens, and says what is wrong when it
    opens the result log.
    """
    return install_debug_log()


def user_message(exc: BaseException) -> tuple[str, str]:
    """(title, sentence) for `exc`, in words a clinic user understands. Most specific first."""
    if isinstance(exc, ModelIntegrityError):
        return translate("Errors", "Screening model damaged"), translate(
            "Errors",
            "The screening model has been changed or damaged, so PneumoScreen will not use it. "
            "Reinstall PneumoScreen. Results already in the table are safe.",
        )
    if isinstance(exc, ModelCardError):
        return translate("Errors", "Screening model missing"), translate(
            "Errors",
            "The description of the screening model is missing or damaged, so no image can be "
            "screened. Reinstall PneumoScreen. Results already in the table are safe.",
        )
    if isinstance(exc, ModelError):
        return translate("Errors", "Screening model failed"), translate(
            "Errors",
            "The screening model could not be started, so no image can be screened. Restart "
            "PneumoScreen; if this happens again, reinstall it.",
        )
    if isinstance(exc, ResultLogError):
        # The engine's sentences say what is wrong with the log or the data folder and what to
        # do (core.plain_problems), the same words the command line prints; the translated lead
        # gives the gist in the user's language.
        lead = translate("Errors", "PneumoScreen cannot read or write its results file.")
        return translate("Errors", "Results cannot be saved"), f"{lead} {exc}"
    if isinstance(exc, SiteProfileError):
        # The engine's sentence names the file and what to do; a damaged profile is never
        # silently replaced by the model's threshold.
        return translate("Errors", "Site threshold problem"), str(exc)
    if isinstance(exc, NotEnoughEvidence):
        return translate("Errors", "Not enough reviewed results"), str(exc)
    if isinstance(exc, CsvDestinationError):
        return translate("Errors", "Cannot export there"), str(exc)
    if isinstance(exc, UnsupportedDicom):
        return translate("Errors", "DICOM file not supported"), translate(
            "Errors",
            "{file} holds no image PneumoScreen can read (no pixel data, or an encoding it does "
            "not support). Export the image again from the X-ray unit as uncompressed DICOM or "
            "JPEG.",
        ).format(file=exc.path.name)
    if isinstance(exc, UnreadableImage):
        return translate("Errors", "File cannot be read"), str(exc)
    if isinstance(exc, ScreeningError):
        return translate("Errors", "Screening problem"), str(exc)
    if isinstance(exc, PermissionError):
        return translate("Errors", "Permission denied"), translate(
            "Errors", "PneumoScreen may not write there. Choose another folder, such as Documents."
        )
    if isinstance(exc, OSError):
        return translate("Errors", "File could not be saved"), translate(
            "Errors",
            "The file could not be written ({problem}). Check that the disk or USB stick is "
            "plugged in and not full, and that the file is not open in another program such as "
            "Excel, then try again.",
        ).format(problem=exc.strerror or exc.__class__.__name__)
    return translate("Errors", "Unexpected problem"), translate(
        "Errors",
        "Something went wrong inside PneumoScreen. Your results so far are saved. The details "
        "were written to {log}; please send that file to your support contact.",
    ).format(log=log_file())


def show_exception(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Log `exc` with its traceback and show it as a message box (window-modal, not blocking).

    Returns the box so a caller (or a test) can find and close it.
    """
    logger.error("%s: %s", type(exc).__name__, exc, exc_info=exc)
    title, text = user_message(exc)
    expected = isinstance(exc, ScreeningError | OSError)
    box = QMessageBox(
        QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorBox")
    if expected and str(exc) not in text:
        box.setDetailedText(str(exc))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
