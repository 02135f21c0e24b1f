"""Why a file was not scored, in the user's language, chosen by the reason's code.

The engine says why in an English sentence that names what it found ("x.dcm could not be read: its
DICOM encoding is not supported (JPEG XT)") and gives it a stable code (`core.reason_codes`).
Codes travel from the engine; words are chosen here, at the edge: each code has a short name for
the table and a sentence for the detail pane and the report, both translated. Where the sentence
has no translation (English, or a language without this text yet), the engine's own sentence is
shown, since it says more; where it has one, that is shown and the engine's English sentence
follows in the tooltip, for a support contact who reads English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.reason_codes import ReasonCode
from core.result import ScreeningResult, Status

CONTEXT = "ReasonTexts"

#: code -> (a short name for a table cell, a sentence), untranslated (`QT_TRANSLATE_NOOP` marks
#: them for pyside6-lupdate; `QCoreApplication.translate` translates them when shown).
REASON_TEXTS: dict[ReasonCode, tuple[str, str]] = {
    ReasonCode.TOO_SMALL: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Too small to judge"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The image is too small to judge."),
    ),
    ReasonCode.BLANK_OR_SATURATED: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Blank or uniform image"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts", "The image is blank, uniform or saturated: there is no X-ray to judge."
        ),
    ),
    ReasonCode.COLOUR_IMAGE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Colour picture, not an X-ray"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This is a colour picture, not an X-ray (X-rays are shades of grey), so it was not "
            "scored.",
        ),
    ),
    ReasonCode.NOT_FRONTAL_CXR: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not a frontal chest X-ray"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This does not look like a frontal chest X-ray, so it was not scored. Only "
            "front-to-back or back-to-front chest X-rays can be screened: not photos, documents, "
            "screenshots, CT slices, side views, or X-rays that are inverted, turned, mirrored or "
            "cropped.",
        ),
    ),
    ReasonCode.SIDE_VIEW: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Side view"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This looks like a side (lateral) view of the chest, so it was not scored. Only "
            "front-to-back or back-to-front chest X-rays can be screened.",
        ),
    ),
    ReasonCode.CT_SLICE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "CT slice"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This looks like a CT slice, not a chest X-ray, so it was not scored. Only "
            "front-to-back or back-to-front chest X-rays can be screened.",
        ),
    ),
    ReasonCode.NOT_A_RADIOGRAPH: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not an X-ray"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This looks like a photo, a document or a screenshot, not an X-ray, so it was not "
            "scored. Open the X-ray's own image file instead.",
        ),
    ),
    ReasonCode.INVERTED_FILM: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Inverted film"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This X-ray looks inverted (bones dark, lungs light), so it was not scored. Export it "
            "again as a normal film, with bones white.",
        ),
    ),
    ReasonCode.TURNED_OR_MIRRORED: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Turned or mirrored"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This X-ray looks turned, upside down or mirrored, so it was not scored. Export or "
            "scan it again the right way round.",
        ),
    ),
    ReasonCode.CROPPED_FILM: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Cropped film"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This looks like only part of a chest X-ray, so it was not scored. The whole chest "
            "must be in the image.",
        ),
    ),
    ReasonCode.OUTSIDE_VALIDATED_AGES: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Outside the validated ages"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The patient's age is outside the ages this model was validated on, and this clinic "
            "does not screen such films.",
        ),
    ),
    ReasonCode.OUTSIDE_VALIDATED_POPULATION: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Looks like an adult's film"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This film looks like an adult's. The model was validated on young children only, so "
            "it was not scored. If the patient is a young child, type the age in the patient's "
            "details: the film is then screened.",
        ),
    ),
    ReasonCode.ADULT_PATIENT: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Adult patient"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The patient is an adult. The model was validated on young children only, and on "
            "adults' films its score was measured to be no better than chance, so it was not "
            "scored. Have the film read by a clinician.",
        ),
    ),
    ReasonCode.FILE_MISSING: (
        QT_TRANSLATE_NOOP("ReasonTexts", "File not found"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The file does not exist: it was moved, renamed or deleted, or its disk was removed.",
        ),
    ),
    ReasonCode.PERMISSION_DENIED: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Permission denied"),
        QT_TRANSLATE_NOOP("ReasonTexts", "This computer's user may not read the file."),
    ),
    ReasonCode.NOT_A_FILE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not a file"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts", "It is a folder, a named pipe, a device or a socket, not a file."
        ),
    ),
    ReasonCode.NAME_TOO_LONG: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Name too long"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts", "The file's name or folder path is longer than the system allows."
        ),
    ),
    ReasonCode.READ_FAILED: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Could not open the file"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The system could not open or read the file."),
    ),
    ReasonCode.EMPTY_FILE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Empty file"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The file is empty."),
    ),
    ReasonCode.TOO_LARGE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Too large"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The file or its image is too large to read safely. Export a smaller copy.",
        ),
    ),
    ReasonCode.NOT_AN_IMAGE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not an image"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The file is not an image in a supported format."),
    ),
    ReasonCode.UNSUPPORTED_FORMAT: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Format not supported"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The image is in a format PneumoScreen does not read (such as HEIC or PDF). Save it "
            "as JPEG or PNG.",
        ),
    ),
    ReasonCode.UNSUPPORTED_DICOM: (
        QT_TRANSLATE_NOOP("ReasonTexts", "DICOM not supported"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This DICOM file holds no image, or its image is stored in a way PneumoScreen "
            "cannot decode.",
        ),
    ),
    ReasonCode.DAMAGED_DATA: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Damaged file"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The file is damaged or incomplete."),
    ),
    ReasonCode.DECODE_TIMEOUT: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Took too long to decode"),
        QT_TRANSLATE_NOOP("ReasonTexts", "The image took too long to decode."),
    ),
    ReasonCode.DECODER_UNAVAILABLE: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Decoder did not start"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "The image decoder could not be started. Close other programs and try again.",
        ),
    ),
    ReasonCode.OUT_OF_MEMORY: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not enough memory"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "There was not enough memory to decode the image. Close other programs and try again.",
        ),
    ),
    ReasonCode.UNEXPECTED_ERROR: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Unexpected problem"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts", "An unexpected problem stopped this file from being screened."
        ),
    ),
    ReasonCode.UNKNOWN: (
        QT_TRANSLATE_NOOP("ReasonTexts", "Not screened"),
        QT_TRANSLATE_NOOP(
            "ReasonTexts",
            "This file was not screened; an older PneumoScreen logged why, in English only.",
        ),
    ),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def sentence_for(code: ReasonCode | None, english: str) -> str:
    """The sentence to show for a reason with `code` whose engine sentence is `english`: the
    code's translated sentence, or `english` where it has no translation (see the module)."""
    sentence = REASON_TEXTS[code or ReasonCode.UNKNOWN][1]
    translated = _translated(sentence)
    return english if translated == sentence else translated


def reason_short_text(result: ScreeningResult) -> str:
    """Why `result` has no score, in the few words a table cell has room for ("" when ok)."""
    if result.status is Status.OK:
        return ""
    return _translated(REASON_TEXTS[result.reason_code or ReasonCode.UNKNOWN][0])


def reason_text(result: ScreeningResult) -> str:
    """Why `result` has no score, as the detail pane and the report say it ("" when ok)."""
    if result.status is Status.OK:
        return ""
    return sentence_for(result.reason_code, result.reason)


def reason_detail(result: ScreeningResult) -> str:
    """The engine's English sentence where `reason_text` shows a translation, else "": for a
    tooltip, so what the engine found (which file, which encoding) is never lost."""
    if result.status is Status.OK or reason_text(result) == result.reason:
        return ""
    return result.reason


def reason_tooltip(result: ScreeningResult) -> str:
    """The whole reason for a tooltip: `reason_text`, then `reason_detail` when there is one."""
    return "\n\n".join(part for part in (reason_text(result), reason_detail(result)) if part)
