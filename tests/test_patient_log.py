"""The log keeps the patient: DICOM's fields with each result, typed details for a JPEG or PNG, and
a log written before patients were logged upgrades in place, or is read as it is when read-only."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from core.errors import ResultLogError
from core.log_schema import MIGRATIONS, PATIENT_VERSION, SCHEMA_VERSION
from core.patient import PatientDetails
from core.result_log import ResultLog
from tests.test_result_log import WHEN, ok_result

WARNING = "outside the ages this model was validated on (1-5 years)"


def write_version_2_log(path: Path) -> None:
    """A log as issue 16's PneumoScreen left it (user_version 2): one result with a patient ID."""
    db = sqlite3.connect(path)
    for statements in MIGRATIONS[:2]:
        for statement in statements:
            db.execute(statement)
    db.execute(
        "INSERT INTO results (file, sha256, status, score, label, reason, threshold, "
        "model_version, screened_at, screened_at_utc, patient_id, study_date, threshold_source) "
        "VALUES ('/clinic/a.dcm', ?, 'ok', 87.3, 'PNEUMONIA', '', 42.0, '1.2.0+0a1b2c3d', ?, 'x', "
        "'P-17', '20261128', 'site')",
        ("ab" * 32, WHEN.isoformat()),
    )
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()


@pytest.fixture
def log(tmp_path):
    with ResultLog(tmp_path / "results.sqlite3") as log:
        yield log


def test_the_patient_from_dicom_is_logged_and_read_back(log):
    result = ok_result(
        patient_id="P-17",
        patient_name="Jane Doe",
        patient_sex="F",
        patient_age_years=34.0,
        patient_birth_date="1992-05-01",
        study_date="20261128",
        age_warning=WARNING,
    )
    logged = log.add(result)
    assert log.results() == [logged]
    assert logged == replace(result, id=logged.id)


def test_typed_details_update_the_results_patient_and_survive_a_reopen(tmp_path):
    path = tmp_path / "results.sqlite3"
    with ResultLog(path) as log:
        plain = log.add(ok_result())
        other = log.add(ok_result("b.png", "cd" * 32))
        details = PatientDetails(patient_id="K-9", name="Amina Yusuf", sex="F", age_years=30.0)
        updated = log.set_patient(plain.id, details, WARNING)
        assert (updated.patient_id, updated.patient_name, updated.patient_sex) == (
            "K-9",
            "Amina Yusuf",
            "F",
        )
        assert (updated.patient_age_years, updated.age_warning) == (30.0, WARNING)
        assert updated.score == plain.score and updated.id == plain.id
        # A correction replaces the typo; the other result is untouched.
        log.set_patient(plain.id, replace(details, age_years=3.0), "")
    with ResultLog(path, read_only=True) as log:
        first, second = log.results()
        assert (first.patient_age_years, first.age_warning, first.patient_name) == (
            3.0,
            "",
            "Amina Yusuf",
        )
        assert second == other


def test_typed_details_need_a_logged_result_and_a_writable_log(tmp_path, log):
    with pytest.raises(ResultLogError, match="no result 99"):
        log.set_patient(99, PatientDetails(name="Amina"))
    log.add(ok_result())
    log.close()
    with (
        ResultLog(tmp_path / "results.sqlite3", read_only=True) as reader,
        pytest.raises(ResultLogError, match="open for reading only"),
    ):
        reader.set_patient(1, PatientDetails(name="Amina"))


def test_the_log_refuses_a_sex_other_than_f_m_or_o(log):
    with pytest.raises(ResultLogError):
        log.add(ok_result(patient_sex="female"))


def test_a_log_written_before_patients_were_logged_upgrades_in_place_with_its_rows_intact(
    tmp_path,
):
    path = tmp_path / "results.sqlite3"
    write_version_2_log(path)
    with ResultLog(path) as log:
        (old,) = log.results()
        assert (old.patient_id, old.study_date, old.score, old.threshold_source) == (
            "P-17",
            "20261128",
            87.3,
            "site",
        )
        assert (old.patient_name, old.patient_age_years, old.age_warning) == (None, None, "")
        updated = log.set_patient(old.id, PatientDetails(patient_id="P-17", name="Jane Doe"))
        assert updated.patient_name == "Jane Doe"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= PATIENT_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_a_log_written_before_patients_were_logged_still_reads_read_only_unchanged(tmp_path):
    path = tmp_path / "results.sqlite3"
    write_version_2_log(path)
    before = path.read_bytes()
    with ResultLog(path, read_only=True) as log:
        (old,) = log.results()
        assert (old.patient_id, old.patient_name, old.age_warning) == ("P-17", None, "")
        assert log.cached("ab" * 32, "1.2.0+0a1b2c3d") == old
    assert path.read_bytes() == before
