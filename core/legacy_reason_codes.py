"""The reason codes of results logged before codes existed, told from their English sentences.

A log written before schema version 4 holds each refused file's sentence but no code. Upgrading
it (`core.log_schema`, migration 4), or reading it as it is on read-only media, derives the code
from the sentence: the engine's sentences before codes are known (they are in this project's
history), and each has words no other has. A sentence that matches none gets `unknown`.

The patterns describe sentences already written to logs, so they are never changed to follow a
new wording: only a pattern for an old wording that was missed may be added. Order matters: the
first that matches wins ("too large to decode safely" before "damaged", and so on).
"""

from __future__ import annotations

from core.patient import AGE_REASON_START
from core.reason_codes import ReasonCode

#: (SQL LIKE pattern, case-insensitive for ASCII; the code it means), first match wins.
LEGACY_PATTERNS: tuple[tuple[str, ReasonCode], ...] = (
    ("%unexpected problem stopped this file%", ReasonCode.UNEXPECTED_ERROR),
    (f"{AGE_REASON_START}%", ReasonCode.OUTSIDE_VALIDATED_AGES),
    ("%does not look like a frontal chest X-ray%", ReasonCode.NOT_FRONTAL_CXR),
    ("The image is too small to judge%", ReasonCode.TOO_SMALL),
    ("The image is blank, uniform or saturated%", ReasonCode.BLANK_OR_SATURATED),
    ("This is a colour picture, not an X-ray%", ReasonCode.COLOUR_IMAGE),
    ("%could not be read: the file does not exist%", ReasonCode.FILE_MISSING),
    ("%could not be read: permission to read the file was denied%", ReasonCode.PERMISSION_DENIED),
    ("%could not be read: it is a folder, not a file%", ReasonCode.NOT_A_FILE),
    ("%could not be read: it is not an ordinary file%", ReasonCode.NOT_A_FILE),
    ("%could not be read: the file name is too long%", ReasonCode.NAME_TOO_LONG),
    ("%could not be read: the file could not be opened%", ReasonCode.READ_FAILED),
    ("%could not be read: the file cannot be opened%", ReasonCode.READ_FAILED),
    ("%could not be read: the file is empty%", ReasonCode.EMPTY_FILE),
    ("%could not be read: the file is too large%", ReasonCode.TOO_LARGE),
    ("%could not be read: the image is too large%", ReasonCode.TOO_LARGE),
    ("%could not be read: the JPEG has too many scans%", ReasonCode.TOO_LARGE),
    ("%could not be read: it is not an image in a supported format%", ReasonCode.NOT_AN_IMAGE),
    ("%could not be read: it is a DICOM file without an image%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: its pixel data is encoded in a way%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: its pixels are floating-point%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: its DICOM encoding is not supported%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: 12-bit JPEG Extended compression%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: its colour encoding is not supported%", ReasonCode.UNSUPPORTED_DICOM),
    ("%could not be read: the DICOM header gives no image size%", ReasonCode.DAMAGED_DATA),
    ("%could not be read: the image took too long to decode%", ReasonCode.DECODE_TIMEOUT),
    ("%could not be read: %(the decoder stopped responding)%", ReasonCode.DECODE_TIMEOUT),
    ("%could not be read: the image decoder could not be started%", ReasonCode.DECODER_UNAVAILABLE),
    ("%could not be read: there is not enough memory%", ReasonCode.OUT_OF_MEMORY),
    ("%could not be read: %damaged%", ReasonCode.DAMAGED_DATA),
    ("%could not be read: %incomplete%", ReasonCode.DAMAGED_DATA),
    ("%could not be read: the image holds invalid pixel values%", ReasonCode.DAMAGED_DATA),
)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


#: The code of a results row, as an SQL expression over its `status` and `reason` columns:
#: NULL for ok, else the first pattern's code that matches, else 'unknown'.
LEGACY_REASON_CODE_SQL = (
    "CASE WHEN status = 'ok' THEN NULL "
    + " ".join(
        f"WHEN reason LIKE {_quoted(pattern)} THEN {_quoted(code)}"
        for pattern, code in LEGACY_PATTERNS
    )
    + f" ELSE {_quoted(ReasonCode.UNKNOWN)} END"
)
