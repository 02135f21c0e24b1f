"""The Result CSV follows its contract, is safe to open in a spreadsheet, is written atomically."""

from __future__ import annotations

import codecs
import csv
import signal
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from core.csv_export import CSV_COLUMNS, write_results_csv
from core.reason_codes import ReasonCode
from core.result import Label, ScreeningResult, Status, ThresholdSource
from core.review import Review, ReviewDecision
from tests.conftest import REPO

WHEN = datetime(2025, 3, 14, 9, 30, 5, 250000, tzinfo=timezone(timedelta(hours=3)))
CONTRACT_HEADER = "file,status,score,label,reason,sha256,model_version,screened_at"


def ok_result(**changes) -> ScreeningResult:
    result = ScreeningResult(
        file="/clinic/xrays/a.png",
        sha256="ab" * 32,
        status=Status.OK,
        score=87.26,
        label=Label.PNEUMONIA,
        reason="",
        threshold=50.0,
        model_version="compact-1.0",
        screened_at=WHEN,
    )
    return replace(result, **changes)


def rejected_result(reason: str = "This is not a frontal chest X-ray.", **changes):
    changes = {"reason_code": ReasonCode.NOT_FRONTAL_CXR, **changes}
    return ok_result(status=Status.REJECTED, score=None, label=None, reason=reason, **changes)


def read_back(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_header_is_the_contract_columns_in_order_then_the_extra_ones(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([ok_result()], path)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == list(CSV_COLUMNS)
    assert ",".join(header[:8]) == CONTRACT_HEADER
    assert header[8:] == [
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
    ]


def test_file_starts_with_a_byte_order_mark_and_every_line_ends_in_crlf(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([ok_result(), rejected_result()], path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    lines = data.split(b"\r\n")
    assert len(lines) == 4 and lines[-1] == b""  # header, two rows, nothing after the last CRLF
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_one_row_per_result_with_ok_cells_formatted(tmp_path):
    path = tmp_path / "export.csv"
    results = [ok_result(patient_id="P-17", study_instance_uid="1.2.840.1"), rejected_result()]
    assert write_results_csv(iter(results), path) == 2
    ok, rejected = read_back(path)
    assert ok["status"] == "ok" and ok["score"] == "87.3" and ok["label"] == "PNEUMONIA"
    assert ok["reason"] == "" and ok["patient_id"] == "P-17"
    assert ok["study_instance_uid"] == "1.2.840.1" and ok["threshold"] == "50.0"
    assert ok["screened_at"] == "2025-03-14T09:30:05+03:00"
    assert datetime.fromisoformat(ok["screened_at"]).utcoffset() == timedelta(hours=3)
    assert rejected["status"] == "rejected"
    assert rejected["score"] == "" and rejected["label"] == ""
    assert rejected["reason"] == "This is not a frontal chest X-ray."
    assert (ok["reason_code"], rejected["reason_code"]) == ("", "not_frontal_cxr")


def test_an_empty_export_has_the_header_alone(tmp_path):
    path = tmp_path / "export.csv"
    assert write_results_csv([], path) == 0
    assert read_back(path) == []


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example","click")', "@SUM(A1:A2)", "+1", "-2", "=1+1"],
)
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path, text):
    path = tmp_path / "export.csv"
    write_results_csv([rejected_result(reason=text, patient_id=text)], path)
    (row,) = read_back(path)
    assert row["reason"] == "'" + text
    assert row["patient_id"] == "'" + text


def test_each_row_carries_its_latest_review_and_an_unreviewed_row_has_empty_review_cells(tmp_path):
    path = tmp_path / "export.csv"
    reviewed, unreviewed = ok_result(id=7), ok_result(id=8, file="/clinic/xrays/b.png")
    review = Review(
        result_id=7,
        decision=ReviewDecision.NO_PNEUMONIA,
        reviewer="Dr Achieng",
        reviewed_at=WHEN + timedelta(hours=2),
        note="Old scar, no consolidation; see 2024 film.",
    )
    write_results_csv([reviewed, unreviewed], path, reviews={7: review})
    first, second = read_back(path)
    assert first["review_decision"] == "no_pneumonia"
    assert first["reviewed_by"] == "Dr Achieng"
    assert first["reviewed_at"] == "2025-03-14T11:30:05+03:00"
    assert first["review_note"] == "Old scar, no consolidation; see 2024 film."
    assert [
        second[c] for c in ("review_decision", "reviewed_by", "reviewed_at", "review_note")
    ] == [
        "",
        "",
        "",
        "",
    ]


def test_threshold_source_says_whether_the_model_or_the_site_threshold_decided(tmp_path):
    path = tmp_path / "export.csv"
    site = ok_result(threshold=48.6, threshold_source=ThresholdSource.SITE)
    write_results_csv([ok_result(), site], path)
    model_row, site_row = read_back(path)
    assert (model_row["threshold"], model_row["threshold_source"]) == ("50.0", "model")
    assert (site_row["threshold"], site_row["threshold_source"]) == ("48.6", "site")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example","x")', "@SUM(A1)", "-1", "+1"])
def test_a_reviewer_name_or_note_that_looks_like_a_formula_is_neutralised(tmp_path, text):
    path = tmp_path / "export.csv"
    review = Review(7, ReviewDecision.PNEUMONIA, reviewer=text, reviewed_at=WHEN, note=text)
    write_results_csv([ok_result(id=7)], path, reviews={7: review})
    (row,) = read_back(path)
    assert row["reviewed_by"] == "'" + text and row["review_note"] == "'" + text


def test_a_reason_with_comma_quote_and_newline_round_trips(tmp_path):
    path = tmp_path / "export.csv"
    reason = 'The file is damaged, "truncated"\nat byte 1024.'
    write_results_csv([rejected_result(reason=reason)], path)
    (row,) = read_back(path)
    assert row["reason"] == reason


def test_a_non_ascii_path_round_trips(tmp_path):
    folder = tmp_path / "Radiologie-Kénya-Ωmega"
    folder.mkdir()
    path = folder / "résultats-été.csv"
    file = "/clinique/radiographies/enfant-Nyaɓoke-肺炎.png"
    write_results_csv([ok_result(file=file)], path)
    (row,) = read_back(path)
    assert row["file"] == file


def test_a_failure_mid_write_leaves_the_older_export_and_no_temporary_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"older export")

    def results_then_crash():
        yield ok_result()
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError, match="disk pulled out"):
        write_results_csv(results_then_crash(), path)
    assert path.read_bytes() == b"older export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_a_failure_mid_write_leaves_no_file_when_there_was_none(tmp_path):
    path = tmp_path / "export.csv"

    def results_then_crash():
        yield ok_result()
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        write_results_csv(results_then_crash(), path)
    assert list(tmp_path.iterdir()) == []


def test_quotes_are_doubled_inside_quoted_cells_as_rfc_4180_says(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([rejected_result(reason='say "no"')], path)
    assert ',"say ""no""",' in path.read_text(encoding="utf-8-sig")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_export_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([ok_result(patient_id="P-17")], path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# A child process exports results from a generator that stops half-way and waits to be killed.
_EXPORT_THEN_HANG = """
import sys, time
from tests.test_csv_export import ok_result
from core.csv_export import write_results_csv

def rows():
    for index in range(100_000):
        if index == 5_000:
            print("half-way", flush=True)
            time.sleep(600)
        yield ok_result(file=f"/clinic/xrays/{index}.png")

write_results_csv(rows(), sys.argv[1])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_export_killed_half_way_leaves_the_older_export_whole(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([ok_result()], path)
    older = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", _EXPORT_THEN_HANG, str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "half-way\n"  # 5,000 rows written, not yet renamed
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert path.read_bytes() == older
    leftovers = [p.name for p in tmp_path.iterdir() if p != path]
    assert all(name.startswith(".export.csv.") for name in leftovers), leftovers  # hidden


def test_patient_columns_follow_the_issue_16_columns_with_the_age_warning(tmp_path):
    path = tmp_path / "export.csv"
    warning = "outside the ages this model was validated on (1-5 years)"
    rows = [
        ok_result(
            patient_id="P-17",
            patient_name="Jane Doe",
            patient_sex="F",
            patient_age_years=34.25,
            age_warning=warning,
        ),
        ok_result(sha256="cd" * 32),
    ]
    write_results_csv(rows, path)
    adult, unknown = read_back(path)
    assert (adult["patient_name"], adult["patient_sex"], adult["patient_age_years"]) == (
        "Jane Doe",
        "F",
        "34.2",
    )
    assert adult["age_warning"] == warning
    assert [unknown[c] for c in ("patient_name", "patient_sex", "patient_age_years")] == [""] * 3
    assert unknown["age_warning"] == ""
    assert adult["screened_at"] == "2025-03-14T09:30:05+03:00"  # times keep their UTC offset


def test_a_deidentified_export_keeps_every_column_but_no_folders_or_names(tmp_path):
    path = tmp_path / "export.csv"
    result = ok_result(
        file="/clinic/Jane Doe/xrays/a.png", patient_id="P-17", patient_name="Jane Doe"
    )
    windows = ok_result(file="C:\\Clinic\\Jane Doe\\b.png", sha256="cd" * 32)
    write_results_csv([result, windows], path, deidentify=True)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        assert next(csv.reader(stream)) == list(CSV_COLUMNS)
    first, second = read_back(path)
    assert (first["file"], second["file"]) == ("a.png", "b.png")
    assert first["patient_name"] == ""
    assert "Jane Doe" not in path.read_text(encoding="utf-8-sig")
    assert first["score"] == "87.3" and first["patient_id"] == "P-17"


def test_a_patient_name_that_looks_like_a_formula_is_neutralised(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([ok_result(patient_name="=HYPERLINK(1)")], path)
    assert read_back(path)[0]["patient_name"] == "'=HYPERLINK(1)"


def test_reason_code_is_the_last_column_and_every_refused_row_has_one(tmp_path):
    path = tmp_path / "export.csv"
    unreadable = replace(
        rejected_result(sha256="cd" * 32),
        status=Status.ERROR,
        reason="a.heic could not be read: it is in the HEIC format, which PneumoScreen does not "
        "read.",
        reason_code=ReasonCode.UNSUPPORTED_FORMAT,
    )
    write_results_csv([ok_result(), rejected_result(), unreadable], path)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        assert next(csv.reader(stream))[-2:] == ["age_warning", "reason_code"]
    ok, rejected, error = read_back(path)
    assert [row["reason_code"] for row in (ok, rejected, error)] == [
        "",
        "not_frontal_cxr",
        "unsupported_format",
    ]
    assert error["reason"].startswith("a.heic could not be read: ")  # the contract's sentence


def test_a_deidentified_export_keeps_the_reason_code(tmp_path):
    path = tmp_path / "export.csv"
    write_results_csv([rejected_result(file="/clinic/Jane Doe/a.png")], path, deidentify=True)
    (row,) = read_back(path)
    assert (row["file"], row["reason_code"]) == ("a.png", "not_frontal_cxr")
