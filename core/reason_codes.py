"""Stable, machine-readable codes for why a file got no score, beside the English sentence.

The English `reason` is written for a clinic user and may be reworded; a program that counts
rejections (a district office's spreadsheet, a dashboard), and the window showing a reason in the
user's language, need something that never changes: a code. Codes are words, not numbers, so a
CSV reads without a table at hand; each is documented in `docs/reason-codes.md` (a test keeps the
document and this list in step). A code is never renamed or reused: a new reason gets a new code.

Each reason has one code. The view gate (1.1.0) names what it refused where it can tell: a side
view, a CT slice, something that is not a radiograph, an inverted, turned or mirrored, or cropped
film, each with its own code; when no kind is probable enough it says `not_frontal_cxr`, the code
every view-gate refusal had before, whose sentence names them together.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ReasonCode(enum.StrEnum):
    """Why a file got no score; the values are the CSV's `reason_code` column."""

    # rejected: a readable image the model must not judge
    TOO_SMALL = "too_small"
    BLANK_OR_SATURATED = "blank_or_saturated"
    COLOUR_IMAGE = "colour_image"
    NOT_FRONTAL_CXR = "not_frontal_cxr"
    SIDE_VIEW = "side_view"
    CT_SLICE = "ct_slice"
    NOT_A_RADIOGRAPH = "not_a_radiograph"
    INVERTED_FILM = "inverted_film"
    TURNED_OR_MIRRORED = "turned_or_mirrored"
    CROPPED_FILM = "cropped_film"
    OUTSIDE_VALIDATED_AGES = "outside_validated_ages"
    OUTSIDE_VALIDATED_POPULATION = "outside_validated_population"
    ADULT_PATIENT = "adult_patient"
    # error: the file could not be read
    FILE_MISSING = "file_missing"
    PERMISSION_DENIED = "permission_denied"
    NOT_A_FILE = "not_a_file"
    NAME_TOO_LONG = "name_too_long"
    READ_FAILED = "read_failed"
    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    NOT_AN_IMAGE = "not_an_image"
    UNSUPPORTED_FORMAT = "unsupported_format"
    UNSUPPORTED_DICOM = "unsupported_dicom"
    DAMAGED_DATA = "damaged_data"
    DECODE_TIMEOUT = "decode_timeout"
    DECODER_UNAVAILABLE = "decoder_unavailable"
    OUT_OF_MEMORY = "out_of_memory"
    UNEXPECTED_ERROR = "unexpected_error"
    # either: a result logged before codes existed whose sentence matches no known reason
    UNKNOWN = "unknown"


#: The kinds the view gate names when it can tell (gate 1.1.0; `core.view_gate`).
NAMED_VIEW_CODES = frozenset(
    {
        ReasonCode.SIDE_VIEW,
        ReasonCode.CT_SLICE,
        ReasonCode.NOT_A_RADIOGRAPH,
        ReasonCode.INVERTED_FILM,
        ReasonCode.TURNED_OR_MIRRORED,
        ReasonCode.CROPPED_FILM,
    }
)
#: The codes a `rejected` result may carry (besides `UNKNOWN`).
REJECTION_CODES = NAMED_VIEW_CODES | frozenset(
    {
        ReasonCode.TOO_SMALL,
        ReasonCode.BLANK_OR_SATURATED,
        ReasonCode.COLOUR_IMAGE,
        ReasonCode.NOT_FRONTAL_CXR,
        ReasonCode.OUTSIDE_VALIDATED_AGES,
        ReasonCode.OUTSIDE_VALIDATED_POPULATION,
        ReasonCode.ADULT_PATIENT,
    }
)
#: The codes an `error` result may carry (besides `UNKNOWN`).
ERROR_CODES = frozenset(ReasonCode) - REJECTION_CODES - {ReasonCode.UNKNOWN}


def code_or_unknown(value: str | None) -> ReasonCode:
    """`value` (a refused file's code, as stored) as a code; a missing one, or one this version
    does not know (a log written by a newer PneumoScreen), reads as `UNKNOWN` rather than
    failing the whole log."""
    try:
        return ReasonCode(value)
    except ValueError:
        return ReasonCode.UNKNOWN


@dataclass(frozen=True)
class Reason:
    """Why an image was refused: its stable code and the sentence a clinic user reads."""

    code: ReasonCode
    text: str
