"""Reason codes (issue 18): every refused file carries a stable code from one documented set, the
result refuses a code that does not fit its status, and a reason logged before codes existed gets
its code from its sentence."""

from __future__ import annotations

import ast
import re
import sqlite3
from dataclasses import replace

import pytest

from core.legacy_reason_codes import LEGACY_REASON_CODE_SQL
from core.reason_codes import (
    ERROR_CODES,
    NAMED_VIEW_CODES,
    REJECTION_CODES,
    ReasonCode,
    code_or_unknown,
)
from core.result import Status
from tests.conftest import REPO
from tests.test_result_log import error_result, ok_result

DOC = REPO / "docs" / "reason-codes.md"
_DOC_ROW = re.compile(r"^\| `(?P<code>[a-z_]+)` \| (?P<status>[^|]+) \|(?P<rest>.*)\|\s*$")


def documented() -> dict[str, tuple[str, list[str]]]:
    """code -> (status, the other cells) for each row of the table in docs/reason-codes.md."""
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = _DOC_ROW.match(line)
        if match:
            cells = [cell.strip() for cell in match["rest"].split(" | ")]
            rows[match["code"]] = (match["status"].strip(), cells)
    return rows


def test_the_document_lists_exactly_the_codes_of_the_code():
    in_doc, in_code = set(documented()), {str(code) for code in ReasonCode}
    assert sorted(in_code - in_doc) == [], "codes missing from docs/reason-codes.md"
    assert sorted(in_doc - in_code) == [], "documented codes that core/reason_codes.py lacks"


def test_each_documented_code_has_its_status_a_meaning_an_action_and_an_example():
    for code, (status, cells) in documented().items():
        expected = "rejected" if code in REJECTION_CODES else "error"
        if code == ReasonCode.UNKNOWN:
            expected = "rejected or error"
        assert status == expected, code
        assert len(cells) == 3 and all(cells), (code, cells)


def test_every_code_but_unknown_belongs_to_exactly_one_status():
    assert REJECTION_CODES.isdisjoint(ERROR_CODES)
    assert REJECTION_CODES | ERROR_CODES | {ReasonCode.UNKNOWN} == set(ReasonCode)


def test_codes_are_lower_case_words():
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", code) for code in ReasonCode)


def test_an_ok_result_has_no_code_and_a_refused_one_needs_a_code_that_fits_its_status():
    with pytest.raises(ValueError, match="ok result has no reason"):
        ok_result(reason_code=ReasonCode.TOO_SMALL)
    with pytest.raises(ValueError, match="needs the code of its reason"):
        replace(error_result(), reason_code=None)
    with pytest.raises(ValueError, match="needs the code of its reason"):
        replace(error_result(), reason_code=ReasonCode.TOO_SMALL)  # a rejection's code
    rejected = replace(error_result(), status=Status.REJECTED, reason_code=ReasonCode.TOO_SMALL)
    with pytest.raises(ValueError, match="needs the code of its reason"):
        replace(rejected, reason_code=ReasonCode.EMPTY_FILE)  # an error's code
    assert replace(rejected, reason_code="unknown").reason_code is ReasonCode.UNKNOWN
    assert replace(error_result(), reason_code="damaged_data").reason_code is (
        ReasonCode.DAMAGED_DATA
    )


def test_a_stored_code_this_version_does_not_know_reads_as_unknown():
    assert code_or_unknown("too_small") is ReasonCode.TOO_SMALL
    assert code_or_unknown("added_in_a_later_version") is ReasonCode.UNKNOWN
    assert code_or_unknown(None) is ReasonCode.UNKNOWN


#: Sentences that PneumoScreen versions before codes logged (from this project's history), with
#: the code each must get when an old log is upgraded or read.
LEGACY_SENTENCES = [
    ("rejected", "The image is too small to judge (90x120 pixels; at least 128 pixels a side "
     "are needed).", "too_small"),
    ("rejected", "The image is blank, uniform or saturated: there is no X-ray to judge.",
     "blank_or_saturated"),
    ("rejected", "This is a colour picture, not an X-ray (X-rays are shades of grey), so it was "
     "not scored.", "colour_image"),
    ("rejected", "This does not look like a frontal chest X-ray, so it was not scored. Only "
     "front-to-back ...", "not_frontal_cxr"),
    ("rejected", "Outside the ages this model was validated on (1-5 years): the patient is 34 "
     "years old.", "outside_validated_ages"),
    ("error", "a.png could not be read: the file does not exist.", "file_missing"),
    ("error", "a.png could not be read: permission to read the file was denied.",
     "permission_denied"),
    ("error", "a.png could not be read: it is a folder, not a file.", "not_a_file"),
    ("error", "p could not be read: it is not an ordinary file (it is a named pipe, a device or "
     "a socket).", "not_a_file"),
    ("error", "a.png could not be read: the file name is too long for this computer.",
     "name_too_long"),
    ("error", "a.png could not be read: the file could not be opened (Too many levels of "
     "symbolic links).", "read_failed"),
    ("error", "a.png could not be read: the file cannot be opened (I/O error).", "read_failed"),
    ("error", "a.png could not be read: the file is empty.", "empty_file"),
    ("error", "a.dcm could not be read: the file is too large (60 MB; the limit is 48 MB).",
     "too_large"),
    ("error", "a.png could not be read: the image is too large (the limit is 100 megapixels).",
     "too_large"),
    ("error", "a.png could not be read: the image is too large to decode safely (9000 x 9000 "
     "pixels would need 700 MB; the limit is 256 MB).", "too_large"),
    ("error", "a.jpg could not be read: the JPEG has too many scans to decode safely (5000; the "
     "limit is 1000).", "too_large"),
    ("error", "a.txt could not be read: it is not an image in a supported format (JPEG, PNG, "
     "BMP, TIFF, GIF or DICOM).", "not_an_image"),
    ("error", "r.dcm could not be read: it is a DICOM file without an image (Basic Text SR).",
     "unsupported_dicom"),
    ("error", "a.dcm could not be read: its DICOM encoding is not supported (1.2.3).",
     "unsupported_dicom"),
    ("error", "a.dcm could not be read: its pixels are floating-point numbers, which we do not "
     "read.", "unsupported_dicom"),
    ("error", "a.dcm could not be read: its colour encoding is not supported (HSV).",
     "unsupported_dicom"),
    ("error", "a.jpg could not be read: the image took too long to decode.", "decode_timeout"),
    ("error", "a.dcm could not be read: the compressed image data could not be decoded (the "
     "decoder stopped responding).", "decode_timeout"),
    ("error", "a.png could not be read: the image decoder could not be started.",
     "decoder_unavailable"),
    ("error", "a.png could not be read: there is not enough memory to decode the image.",
     "out_of_memory"),
    ("error", "a.jpg could not be read: the JPEG data is damaged or incomplete.", "damaged_data"),
    ("error", "a.dcm could not be read: the compressed image data is damaged (the decoder "
     "stopped).", "damaged_data"),
    ("error", "a.dcm could not be read: the DICOM header is incomplete (it has no Rows).",
     "damaged_data"),
    ("error", "a.dcm could not be read: the DICOM header gives no image size (0 x 0).",
     "damaged_data"),
    ("error", "a.tif could not be read: the image holds invalid pixel values (not-a-number or "
     "infinity).", "damaged_data"),
    ("error", "An unexpected problem stopped this file from being screened (KeyError).",
     "unexpected_error"),
    ("error", "Something no version of PneumoScreen ever said.", "unknown"),
    ("ok", "", None),
]  # fmt: skip


def legacy_code(status: str, reason: str) -> str | None:
    """What the SQL of migration 4 derives for one row."""
    db = sqlite3.connect(":memory:")
    try:
        row = db.execute(
            f"SELECT {LEGACY_REASON_CODE_SQL} FROM (SELECT ? AS status, ? AS reason)",
            (status, reason),
        ).fetchone()
    finally:
        db.close()
    return row[0]


@pytest.mark.parametrize(("status", "reason", "code"), LEGACY_SENTENCES)
def test_a_sentence_logged_before_codes_gets_its_code(status, reason, code):
    assert legacy_code(status, reason) == code


def test_the_legacy_sentences_cover_every_code_an_older_version_could_log():
    # New with codes, so no older version logged their sentences: unsupported formats, the
    # kinds gate 1.1.0 names (before it, every view-gate refusal was `not_frontal_cxr`), the
    # population check's refusal and the adult patient's.
    newer = {
        ReasonCode.UNSUPPORTED_FORMAT,
        ReasonCode.OUTSIDE_VALIDATED_POPULATION,
        ReasonCode.ADULT_PATIENT,
    }

    older = set(ReasonCode) - newer - NAMED_VIEW_CODES
    assert {code for *_, code in LEGACY_SENTENCES} - {None} == {str(code) for code in older}


def test_every_unreadable_image_the_engine_raises_names_its_code():
    """`UnreadableImage`'s default code (`unknown`) is for callers outside the engine only."""
    uncoded = []
    for path in sorted((REPO / "core").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "UnreadableImage"
                and len(node.args) < 3
                and not any(keyword.arg == "code" for keyword in node.keywords)
            ):
                uncoded.append(f"{path.name}:{node.lineno}")
    assert uncoded == []
