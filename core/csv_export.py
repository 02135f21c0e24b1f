"""Writing results as the Result CSV that clinics send to the district health office.

The format is a contract (docs: DESIGN.md, "Result CSV"): UTF-8 with a byte-order mark so Excel
reads accents right, RFC 4180 quoting with CRLF line ends, and a fixed column order that other
tools depend on. New columns may only be appended.

`reason_code` is the stable code of `reason` (`core.reason_codes`, docs/reason-codes.md): the
English `reason` stays as the contract has it, and a program counts by the code.

The review columns hold each result's latest review (`core.review`; empty when none); the reviewer's
name and note are typed by people, so like every cell they pass the formula guard.

A de-identified export (`deidentify=True`, for a district office that needs counts, not names)
keeps every column in order, but `file` holds the file's base name only (a folder may be named
after the patient) and `patient_name` is empty.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from core.result import ScreeningResult, Status, format_score
from core.review import Review

#: The contract's columns first and in this order, then the extra ones.
CSV_COLUMNS: tuple[str, ...] = (
    "file",
    "status",
    "score",
    "label",
    "reason",
    "sha256",
    "model_version",
    "screened_at",
    "patient_id",
    "study_date",
    "study_instance_uid",
    "series_instance_uid",
    "sop_instance_uid",
    "threshold",
    "review_decision",
    "reviewed_by",
    "reviewed_at",
    "review_note",
    "threshold_source",
    "patient_name",
    "patient_sex",
    "patient_age_years",
    "age_warning",
    "reason_code",
)

#: Leading characters that make Excel, LibreOffice or Sheets treat a cell as a formula ("CSV
#: injection"): the contract's four, plus tab and carriage return, which OWASP lists too.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: How much of the export's name the temporary file's name keeps (".name.random.tmp"): 60
#: characters are at most 240 bytes in UTF-8, so the temporary name stays under the usual
#: 255-byte limit whatever the export is called.
_TEMP_NAME_KEEP = 60


def write_results_csv(
    results: Iterable[ScreeningResult],
    path: Path,
    reviews: Mapping[int, Review] | None = None,
    deidentify: bool = False,
) -> int:
    """Write one row per result to `path` and return how many rows were written.

    `deidentify`: the base name of each file instead of its path, and no patient names.

    `reviews` maps a result's id to its latest review (`ResultLog.latest_reviews()`); a result
    without one has empty review cells.

    The rows go to a temporary file in the same folder, which replaces `path` only once complete,
    so a crash or an error mid-way leaves no half-written export and any older export untouched.
    Like the log, the file is readable by its owner only, since it may hold patient IDs.

    Raises:
        OSError: the folder is missing or not writable, or `path` is open in another program.
            The error names `path`, the file the user chose, never the temporary file.
    """
    path = Path(path)
    try:
        return _write_then_replace(results, path, reviews or {}, deidentify)
    except OSError as exc:
        if exc.errno is None or exc.filename == str(path):
            raise
        # OSError(errno, ...) builds the matching subclass (PermissionError, ...).
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def temporary_sibling_prefix(path: Path) -> str:
    """The name start of the hidden temporary file written beside `path`, short enough that a
    name the system allows for `path` is allowed for the temporary file too."""
    return f".{path.name[:_TEMP_NAME_KEEP]}."


def _write_then_replace(
    results: Iterable[ScreeningResult],
    path: Path,
    reviews: Mapping[int, Review],
    deidentify: bool,
) -> int:
    handle, temp_name = tempfile.mkstemp(
        prefix=temporary_sibling_prefix(path), suffix=".tmp", dir=path.parent
    )
    try:
        # backslashreplace: a file name that is not valid UTF-8 (possible on Linux) is still
        # exported, readably, instead of failing the whole export.
        with os.fdopen(
            handle, "w", encoding="utf-8-sig", errors="backslashreplace", newline=""
        ) as stream:
            writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
            writer.writerow(CSV_COLUMNS)
            count = 0
            for result in results:
                review = None if result.id is None else reviews.get(result.id)
                writer.writerow(_row(result, review, deidentify))
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return count


def _row(
    result: ScreeningResult, review: Review | None = None, deidentify: bool = False
) -> list[str]:
    """The cells of one result, in `CSV_COLUMNS` order."""
    ok = result.status is Status.OK
    age = result.patient_age_years
    cells = {
        "file": _base_name(result.file) if deidentify else result.file,
        "status": str(result.status),
        # One decimal, never negative (scores lie in 0-100), so never mistaken for a formula.
        "score": format_score(result.score) if ok and result.score is not None else "",
        "label": str(result.label) if ok and result.label is not None else "",
        "reason": "" if ok else result.reason,
        "sha256": result.sha256,
        "model_version": result.model_version,
        "screened_at": result.screened_at.isoformat(timespec="seconds"),
        "patient_id": result.patient_id or "",
        "study_date": result.study_date or "",
        "study_instance_uid": result.study_instance_uid or "",
        "series_instance_uid": result.series_instance_uid or "",
        "sop_instance_uid": result.sop_instance_uid or "",
        "threshold": "" if result.threshold is None else str(float(result.threshold)),
        "review_decision": "" if review is None else str(review.decision),
        "reviewed_by": "" if review is None else review.reviewer,
        "reviewed_at": "" if review is None else review.reviewed_at.isoformat(timespec="seconds"),
        "review_note": "" if review is None else review.note,
        "threshold_source": str(result.threshold_source),
        "patient_name": "" if deidentify else result.patient_name or "",
        "patient_sex": result.patient_sex or "",
        "patient_age_years": "" if age is None else f"{age:.1f}",
        "age_warning": result.age_warning,
        "reason_code": "" if ok or result.reason_code is None else str(result.reason_code),
    }
    return [_neutralise(cells[column]) for column in CSV_COLUMNS]


def _base_name(file: str) -> str:
    """The name of `file` without its folders, whichever system's separators it was logged with
    (a log from a Windows laptop exported on Linux)."""
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def _neutralise(cell: str) -> str:
    """Prefix a would-be formula with a single quote, which spreadsheets show as text.

    The quote is visible in a plain-text reader; that is the accepted price (OWASP's advice).
    Text such as a reason, a patient ID, a reviewer's name or a review note is the only thing
    this can touch: scores are 0-100 and file paths are absolute.
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
