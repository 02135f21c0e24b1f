"""The log keeps each result's reason code, and a log written before codes existed gets them from
its sentences: upgraded in place, or read as it is when read-only (issue 18)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from core.log_schema import MIGRATIONS, REASON_CODE_VERSION, SCHEMA_VERSION
from core.reason_codes import ReasonCode
from core.result import Status
from core.result_log import ResultLog
from tests.test_result_log import WHEN, error_result, ok_result

#: (status, reason) of the rows of a log from before codes, and the code each must get.
OLD_ROWS = [
    ("ok", "", None),
    ("rejected", "The image is too small to judge (90x120 pixels; at least 128 pixels a side "
     "are needed).", ReasonCode.TOO_SMALL),
    ("error", "a.png could not be read: the file does not exist.", ReasonCode.FILE_MISSING),
    ("error", "b.dcm could not be read: its DICOM encoding is not supported (1.2.3).",
     ReasonCode.UNSUPPORTED_DICOM),
    ("rejected", "Refused for a reason worded by hand.", ReasonCode.UNKNOWN),
]  # fmt: skip


def write_version_3_log(path: Path) -> None:
    """A log as issue 17's PneumoScreen left it (user_version 3): no reason codes."""
    assert REASON_CODE_VERSION == 4
    db = sqlite3.connect(path)
    for statements in MIGRATIONS[:3]:
        for statement in statements:
            db.execute(statement)
    for number, (status, reason, _code) in enumerate(OLD_ROWS):
        ok = status == "ok"
        db.execute(
            "INSERT INTO results (file, sha256, status, score, label, reason, threshold, "
            "model_version, screened_at, screened_at_utc) VALUES (?, ?, ?, ?, ?, ?, 42.0, "
            "'1.2.0+0a1b2c3d', ?, ?)",
            (
                f"/clinic/{number}.png",
                f"{number:064x}",
                status,
                87.3 if ok else None,
                "PNEUMONIA" if ok else None,
                reason,
                WHEN.isoformat(),
                f"2025-03-14T06:30:00.00000{number}+00:00",
            ),
        )
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()


def user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def test_a_result_keeps_its_code_through_the_log(tmp_path):
    with ResultLog(tmp_path / "results.sqlite3") as log:
        rejected = log.add(
            replace(
                error_result(),
                status=Status.REJECTED,
                reason="The image is too small to judge.",
                reason_code=ReasonCode.TOO_SMALL,
            )
        )
        failed = log.add(error_result(sha256="cd" * 32))
        scored = log.add(ok_result(sha256="ef" * 32))
        assert log.results() == [rejected, failed, scored]
        assert [r.reason_code for r in log.results()] == [
            ReasonCode.TOO_SMALL,
            ReasonCode.DAMAGED_DATA,
            None,
        ]
        assert log.cached(rejected.sha256, rejected.model_version).reason_code is (
            ReasonCode.TOO_SMALL
        )


def test_a_log_from_before_codes_is_upgraded_with_codes_told_from_its_sentences(tmp_path):
    path = tmp_path / "results.sqlite3"
    write_version_3_log(path)
    with ResultLog(path) as log:
        codes = [result.reason_code for result in log.results()]
    assert codes == [code for *_, code in OLD_ROWS]
    assert user_version(path) == SCHEMA_VERSION
    db = sqlite3.connect(path)
    stored = [row[0] for row in db.execute("SELECT reason_code FROM results ORDER BY id")]
    db.close()
    assert stored == [None if code is None else str(code) for *_, code in OLD_ROWS]


def test_a_read_only_log_from_before_codes_reads_with_the_same_codes_and_is_not_changed(tmp_path):
    path = tmp_path / "results.sqlite3"
    write_version_3_log(path)
    before = path.read_bytes()
    path.chmod(0o400)
    with ResultLog(path, read_only=True) as log:
        codes = [result.reason_code for result in log.results()]
    assert codes == [code for *_, code in OLD_ROWS]
    assert user_version(path) == 3 and path.read_bytes() == before


def test_a_code_this_version_does_not_know_reads_as_unknown(tmp_path):
    path = tmp_path / "results.sqlite3"
    with ResultLog(path) as log:
        log.add(error_result())
    db = sqlite3.connect(path)
    db.execute("UPDATE results SET reason_code = 'added_in_a_later_version'")
    db.commit()
    db.close()
    with ResultLog(path) as log:
        assert log.results()[0].reason_code is ReasonCode.UNKNOWN
