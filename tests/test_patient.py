"""Reading the patient from DICOM's text: ages in years, months, weeks or days, birthdays (29
February too), names, sex, and the warning for ages outside those the model was validated on."""

from __future__ import annotations

from datetime import date

import pytest

from core.patient import (
    AgeRule,
    PatientDetails,
    age_on,
    age_rejection_reason,
    age_warning,
    age_years,
    format_age,
    iso_date,
    parse_age_string,
    parse_dicom_date,
    parse_sex,
    patient_name,
)
from core.reason_codes import ReasonCode

VALIDATED = (1.0, 5.0)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("004Y", 4.0),
        ("018M", 1.5),
        ("012M", 1.0),
        ("010W", 70 / 365.25),
        ("020D", 20 / 365.25),
        ("000D", 0.0),
        (" 034Y", 34.0),
        ("004y", 4.0),
    ],
)
def test_patient_age_in_each_unit_is_read_in_years(text, years):
    assert parse_age_string(text) == pytest.approx(years)


@pytest.mark.parametrize("text", [None, "", "4Y", "0004Y", "004", "004X", "Y004", "-04Y", "4 Y"])
def test_a_missing_or_malformed_patient_age_is_unknown(text):
    assert parse_age_string(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("20261128", date(2026, 11, 28)), ("2026.11.28", date(2026, 11, 28))],
)
def test_dicom_dates_are_read_as_dates(text, day):
    assert parse_dicom_date(text) == day
    assert iso_date(text) == day.isoformat()


@pytest.mark.parametrize("text", [None, "", "2026113", "20261332", "20230229", "2026-11-28", "x"])
def test_a_missing_or_impossible_date_is_none(text):
    assert parse_dicom_date(text) is None and iso_date(text) is None


def test_a_leap_day_birthday_counts_on_28_february_in_common_years():
    born = date(2020, 2, 29)
    assert age_on(born, date(2021, 2, 27)) < 1.0
    assert age_on(born, date(2021, 2, 28)) == 1.0
    assert age_on(born, date(2024, 2, 29)) == 4.0
    assert age_on(born, date(2020, 2, 29)) == 0.0


def test_the_age_is_whole_birthdays_plus_the_share_of_the_year_since():
    assert age_on(date(2022, 6, 1), date(2026, 6, 1)) == 4.0
    assert age_on(date(2022, 6, 1), date(2026, 5, 31)) == pytest.approx(3.997, abs=1e-3)
    assert age_on(date(2023, 3, 1), date(2026, 11, 28)) == pytest.approx(3.74, abs=0.01)


def test_a_study_before_the_birth_gives_no_age():
    assert age_on(date(2026, 1, 2), date(2026, 1, 1)) is None
    assert age_years(None, "20260102", "20260101") is None


def test_patient_age_wins_and_the_birth_date_is_the_fallback():
    assert age_years("034Y", "20230301", "20261128") == 34.0
    assert age_years("bad", "20230301", "20261128") == pytest.approx(3.74, abs=0.01)
    assert age_years(None, "20230301", None) is None
    assert age_years(None, None, "20261128") is None
    assert age_years(None, "2023", "20261128") is None


@pytest.mark.parametrize(
    ("age", "warned"),
    [(None, False), (0.5, True), (0.99, True), (1.0, False), (5.0, False), (5.99, False),
     (6.0, True), (34.0, True)],
)  # fmt: skip
def test_only_a_known_age_outside_the_validated_whole_years_is_warned(age, warned):
    warning = age_warning(age, VALIDATED)
    assert bool(warning) is warned
    if warned:
        assert warning == "outside the ages this model was validated on (1-5 years)"
        assert age_rejection_reason(age, VALIDATED).startswith(
            "Outside the ages this model was validated on (1-5 years): the patient is "
        )
    else:
        assert age_rejection_reason(age, VALIDATED) is None


def test_a_card_without_validated_ages_warns_nobody():
    assert age_warning(45.0, None) == "" and age_rejection_reason(45.0, None) is None


def test_the_rejection_reason_says_the_age_as_people_say_it():
    assert age_rejection_reason(34.0, VALIDATED).endswith("the patient is 34 years old.")
    assert format_age(1.5) == "18 months"
    assert format_age(70 / 365.25) == "2 months"
    assert format_age(20 / 365.25) == "2 weeks"
    assert format_age(1 / 12) == "1 month"
    assert format_age(8 / 365.25) == "1 week"
    assert format_age(3.74) == "3 years"
    assert format_age(None) == ""


@pytest.mark.parametrize(
    ("age", "site_rejects", "code"),
    [
        (None, True, None),  # unknown: the population check decides, not the age
        (3.0, True, None),
        (5.9, True, None),  # still 5: inside 1-5 whole years
        (9.0, False, None),  # marked, where the site marks
        (9.0, True, ReasonCode.OUTSIDE_VALIDATED_AGES),
        (0.5, True, ReasonCode.OUTSIDE_VALIDATED_AGES),
        (18.0, False, ReasonCode.ADULT_PATIENT),  # an adult's: whatever the site's rule
        (18.0, True, ReasonCode.ADULT_PATIENT),
        (17.9, False, None),
    ],
)
def test_the_age_rule_refuses_adults_always_and_other_ages_where_the_site_says(
    age, site_rejects, code
):
    refusal = AgeRule(18.0, VALIDATED).refusal(age, site_rejects)
    assert (refusal.code if refusal else None) is code


def test_a_card_naming_no_adult_age_leaves_adults_to_the_sites_rule():
    assert AgeRule(None, VALIDATED).refusal(40.0, False) is None
    refusal = AgeRule(None, VALIDATED).refusal(40.0, True)
    assert refusal is not None and refusal.code is ReasonCode.OUTSIDE_VALIDATED_AGES


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Doe^Jane", "Jane Doe"),
        ("Doe^Jane^Mary^^", "Jane Mary Doe"),
        ("Doe", "Doe"),
        ("Yamada^Tarou=山田^太郎", "Tarou Yamada"),
        ("", None),
        ("^^^", None),
        (None, None),
    ],
)
def test_dicom_person_names_read_as_people_write_them(text, name):
    assert patient_name(text) == name


def test_sex_is_f_m_o_or_unknown():
    assert [parse_sex(s) for s in ("F", "m", " O ", "X", "", None)] == ["F", "M", "O"] + [None] * 3


def test_typed_details_are_tidied_and_checked():
    details = PatientDetails(patient_id="  K-9 ", name=" Amina   Yusuf ", sex="f", age_years=3.0)
    assert (details.patient_id, details.name, details.sex) == ("K-9", "Amina Yusuf", "F")
    assert PatientDetails(patient_id="   ", name="") == PatientDetails()
    with pytest.raises(ValueError, match="sex must be F, M or O"):
        PatientDetails(sex="X")
    with pytest.raises(ValueError, match="age must lie in 0-130"):
        PatientDetails(age_years=-1.0)
