"""The patient from real DICOM files, end to end: screened, marked outside the validated ages (or
rejected where the site says so), never scored when known to be an adult, logged, exported
(de-identified on request) from the command line. The DICOM files are written by the test from
the sample films."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core import cli
from core.model_card import load_model_card
from core.reason_codes import ReasonCode
from core.result import Status, ThresholdSource
from core.result_log import ResultLog, open_result_log
from core.screening import Screener
from core.site_profile import AGE_RULE_KEY, PROFILE_NAME, SiteProfile, ThresholdInForce
from corpora.bad_inputs import make_dataset
from corpora.dicom_files import write
from tests.conftest import SHIPPED_MODEL_DIR

AGE_REASON = "Outside the ages this model was validated on (1-5 years): the patient is 9 years old."


def film_dicom(shared_data: Path, path: Path, **patient: str) -> Path:
    """A sample chest film saved as DICOM with the given patient elements."""
    png = sorted((shared_data / "samples" / "PNEUMONIA").glob("*.png"))[0]
    pixels = np.asarray(Image.open(png).convert("L"))
    ds = make_dataset(pixels, PatientID="P-17", StudyDate="20261128", **patient)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write(ds, path)


@pytest.fixture
def older_child(shared_data, tmp_path) -> Path:
    """A child older than the validated ages (1-5), not an adult: marked, or the site's rule."""
    return film_dicom(
        shared_data, tmp_path / "Jane Doe" / "older.dcm", PatientName="Doe^Jane",
        PatientSex="F", PatientAge="009Y",
    )  # fmt: skip


@pytest.fixture
def adult(shared_data, tmp_path) -> Path:
    return film_dicom(
        shared_data, tmp_path / "adult.dcm", PatientName="Mwangi^Grace", PatientSex="F",
        PatientAge="034Y",
    )  # fmt: skip


@pytest.fixture
def child(shared_data, tmp_path) -> Path:
    return film_dicom(
        shared_data, tmp_path / "child.dcm", PatientName="Otieno^Baraka", PatientSex="M",
        PatientBirthDate="20230301",
    )  # fmt: skip


def screener_with(log: ResultLog, reject: bool = False) -> Screener:
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    rule = ThresholdInForce(card.threshold, ThresholdSource.MODEL, "", reject)
    return Screener(card, log, workers=1, threshold=rule)


def test_the_card_states_the_ages_the_model_was_validated_on():
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    assert card.validated_ages_years == (1.0, 5.0)


def test_a_dicom_films_patient_is_read_marked_and_logged(tmp_path, older_child, child):
    with ResultLog(tmp_path / "log.sqlite3") as log:
        grown, young = (o.result for o in screener_with(log).screen([older_child, child]))
        logged = log.results()
    assert grown.status is Status.OK and grown.score is not None  # still screened
    assert (grown.patient_id, grown.patient_name, grown.patient_sex) == ("P-17", "Jane Doe", "F")
    assert grown.patient_age_years == 9.0 and grown.study_date == "20261128"
    assert grown.age_warning == "outside the ages this model was validated on (1-5 years)"
    # No PatientAge: the age on the study date follows from the birth date.
    assert young.patient_age_years == pytest.approx(3.74, abs=0.01)
    assert young.patient_birth_date == "2023-03-01" and young.age_warning == ""
    assert (young.patient_name, young.patient_sex) == ("Baraka Otieno", "M")
    assert logged == [grown, young]


def test_the_site_rule_rejects_films_outside_the_validated_ages_and_the_log_follows_it(
    tmp_path, older_child, child
):
    with ResultLog(tmp_path / "log.sqlite3") as log:
        grown, young = (
            o.result for o in screener_with(log, reject=True).screen([older_child, child])
        )
        assert (grown.status, grown.score, grown.label) == (Status.REJECTED, None, None)
        assert grown.reason == AGE_REASON and grown.age_warning
        assert grown.reason_code is ReasonCode.OUTSIDE_VALIDATED_AGES
        assert young.status is Status.OK  # inside the validated ages: screened as always
        # The rule off: the film is screened again (the log has no score for it).
        again = next(screener_with(log).screen([older_child]))
        assert not again.from_cache and again.result.status is Status.OK
        # The rule on again: the logged score is not shown; a new rejection is logged.
        third = next(screener_with(log, reject=True).screen([older_child]))
        assert third.from_cache and third.result.status is Status.REJECTED
        assert third.result.reason == AGE_REASON and third.result.id != again.result.id
        assert third.result.reason_code is ReasonCode.OUTSIDE_VALIDATED_AGES


@pytest.mark.parametrize("site_rejects", [False, True])
def test_a_patient_known_to_be_an_adult_gets_no_score_whatever_the_site_rule(
    tmp_path, adult, site_rejects
):
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    assert card.adult_from_age_years == 18.0
    with ResultLog(tmp_path / "log.sqlite3") as log:
        (outcome,) = screener_with(log, reject=site_rejects).screen([adult])
        result = outcome.result
        assert (result.status, result.score, result.label) == (Status.REJECTED, None, None)
        assert result.reason_code is ReasonCode.ADULT_PATIENT and result.heatmap is None
        assert result.reason.startswith("The patient is 34 years old:")
        assert (result.patient_name, result.patient_age_years) == ("Grace Mwangi", 34.0)
        assert log.results() == [result]
        # The other rule changes nothing: served from the log, still refused.
        (again,) = screener_with(log, reject=not site_rejects).screen([adult])
        assert again.from_cache and again.result == result


def test_the_age_rule_is_kept_in_the_site_profile_and_an_old_profile_reads_as_marking(home):
    home.mkdir()
    (home / PROFILE_NAME).write_text(
        json.dumps({"format_version": 1, "site_threshold": None, "history": []})
    )
    profile = SiteProfile.load()
    assert profile.reject_outside_ages is False
    assert profile.threshold_in_force(42.0, "v").reject_outside_ages is False
    assert profile.set_reject_outside_ages(True, by="Dr Achieng") is True
    assert profile.set_reject_outside_ages(True, by="Dr Achieng") is False  # no change
    again = SiteProfile.load()
    assert again.reject_outside_ages is True
    assert again.threshold_in_force(42.0, "v").reject_outside_ages is True
    assert again.history()[-1]["event"] == "reject_outside_ages"
    assert again.history()[-1]["by"] == "Dr Achieng"
    saved = json.loads((home / PROFILE_NAME).read_text())
    assert saved[AGE_RULE_KEY] is True


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_screen_and_export_write_the_patient_and_leave_it_out_when_deidentified(
    home, tmp_path, older_child
):
    full, anonymous, exported = (tmp_path / n for n in ("full.csv", "anon.csv", "export.csv"))
    assert cli.main(["screen", str(older_child), "--csv", str(full)]) == 0
    assert cli.main(["screen", str(older_child), "--csv", str(anonymous), "--deidentify"]) == 0
    assert cli.main(["export", "--csv", str(exported), "--deidentify"]) == 0
    (row,) = read_csv(full)
    assert (row["file"], row["patient_name"], row["patient_sex"]) == (
        str(older_child),
        "Jane Doe",
        "F",
    )
    assert (row["patient_age_years"], row["age_warning"]) == (
        "9.0",
        "outside the ages this model was validated on (1-5 years)",
    )
    assert re.search(r"T\d\d:\d\d:\d\d[+-]\d\d:\d\d$", row["screened_at"])  # with its offset
    for path in (anonymous, exported):
        header = path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header == full.read_text(encoding="utf-8-sig").splitlines()[0]
        assert "Jane Doe" not in path.read_text(encoding="utf-8-sig")
        for row in read_csv(path):
            assert (row["file"], row["patient_name"], row["patient_sex"]) == ("older.dcm", "", "F")
    with open_result_log(read_only=True) as log:
        assert all(r.patient_name == "Jane Doe" for r in log.results())  # the log keeps it
