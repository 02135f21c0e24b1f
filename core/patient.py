"""Who a film belongs to: DICOM's patient fields read into plain values, and the age check.

DICOM states an age two ways: PatientAge ("004Y", "018M", "010W", "020D": years, months, weeks or
days, three digits and a unit) or a birth date (PatientBirthDate, YYYYMMDD) from which the age on
the study date follows. Both are often missing or malformed in real files, so every parser here
returns None for what it cannot read rather than raising: a film with a broken age is still
screened, it just has no age (and so no age warning).

The model was validated on children of a known age range (the model card's
`validated_ages_years`); a film whose age is known and outside it is marked, or rejected where the
site asks for that (`core.site_profile`). A patient known to be an adult (the card's
`adult_from_age_years`) is the exception: on adults the score was measured to carry no
information, so such a film gets no score whatever the site's rule (`adult_reason`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.reason_codes import Reason, ReasonCode

#: Days per unit of PatientAge, to turn it into years. A year is 365.25 days on average, a month
#: a twelfth of that, so "012M" is exactly 1.0 year.
_DAYS_PER_UNIT = {"Y": 365.25, "M": 365.25 / 12, "W": 7.0, "D": 1.0}
_AGE_STRING = re.compile(r"(\d{3})([YMWD])")
_SEXES = {"F": "F", "M": "M", "O": "O"}


@dataclass(frozen=True)
class PatientDetails:
    """What the user typed for a film without patient data (a JPEG or PNG). Empty text is None."""

    patient_id: str | None = None
    name: str | None = None
    sex: str | None = None  # "F", "M", "O" or None
    age_years: float | None = None

    def __post_init__(self) -> None:
        for name in ("patient_id", "name"):
            value = getattr(self, name)
            object.__setattr__(self, name, " ".join(value.split()) or None if value else None)
        if self.sex is not None and parse_sex(self.sex) is None:
            raise ValueError(f"sex must be F, M or O. Received: {self.sex!r}")
        object.__setattr__(self, "sex", parse_sex(self.sex))
        if self.age_years is not None and not 0.0 <= self.age_years <= 130.0:
            raise ValueError(f"age must lie in 0-130 years. Received: {self.age_years!r}")


def parse_dicom_date(text: str | None) -> date | None:
    """A DICOM DA value ("20261128", or the old "2026.11.28") as a date; None if not one."""
    if not text:
        return None
    digits = text.strip().replace(".", "")
    if not re.fullmatch(r"\d{8}", digits):
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def iso_date(text: str | None) -> str | None:
    """A DICOM date as ISO text ("2026-11-28") for people and the log; None if not a date."""
    parsed = parse_dicom_date(text)
    return None if parsed is None else parsed.isoformat()


def parse_age_string(text: str | None) -> float | None:
    """PatientAge ("004Y", "018M", "010W", "020D") in years; None when missing or malformed."""
    if not text:
        return None
    match = _AGE_STRING.fullmatch(text.strip().upper())
    if match is None:
        return None
    return int(match.group(1)) * _DAYS_PER_UNIT[match.group(2)] / 365.25


def age_on(birth: date, day: date) -> float | None:
    """Age in years on `day`: whole birthdays passed, plus the fraction of the year since the
    last one. A 29 February birthday falls on 28 February in other years. None if `day` is
    before `birth` (a date typed wrong)."""
    if day < birth:
        return None
    years = day.year - birth.year
    if _birthday_in(birth, day.year) > day:
        years -= 1
    last = _birthday_in(birth, birth.year + years)
    following = _birthday_in(birth, birth.year + years + 1)
    return years + (day - last).days / (following - last).days


def _birthday_in(birth: date, year: int) -> date:
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def age_years(
    age_string: str | None, birth_date: str | None, study_date: str | None
) -> float | None:
    """The patient's age in years at the study: PatientAge when readable, else from the birth
    date and the study date; None when neither gives one."""
    stated = parse_age_string(age_string)
    if stated is not None:
        return stated
    birth, study = parse_dicom_date(birth_date), parse_dicom_date(study_date)
    if birth is None or study is None:
        return None
    return age_on(birth, study)


def parse_sex(text: str | None) -> str | None:
    """PatientSex as "F", "M" or "O"; None when missing or anything else."""
    return _SEXES.get((text or "").strip().upper())


def patient_name(text: str | None) -> str | None:
    """A DICOM person name ("Doe^Jane^^^") as people write it ("Jane Doe"); None when empty."""
    if not text:
        return None
    parts = [part.strip() for part in str(text).split("=")[0].split("^")]
    family, given = parts[0], parts[1] if len(parts) > 1 else ""
    rest = " ".join(part for part in parts[2:] if part)
    name = " ".join(part for part in (given, rest, family) if part)
    return name or None


def age_in_units(age: float) -> tuple[int, str]:
    """An age in the unit people count it in: (3, "years") from 2 years, (18, "months") under
    2 years, (3, "weeks") under a month. The window words it in its language, `format_age` in
    English."""
    if age >= 2:
        return int(age), "years"
    months = int(age * 12)
    if months >= 1:
        return months, "months"
    return int(age * 365.25 / 7), "weeks"


def format_age(age: float | None) -> str:
    """An age as people say it: "3 years", "18 months", "3 weeks"; "" when unknown."""
    if age is None:
        return ""
    count, unit = age_in_units(age)
    return f"1 {unit.removesuffix('s')}" if count == 1 and unit != "years" else f"{count} {unit}"


def age_warning(age: float | None, validated: tuple[float, float] | None) -> str:
    """A plain sentence when the age is known and outside the validated range, else ""."""
    if age is None or validated is None:
        return ""
    low, high = validated
    # The range is in whole years of age: a 5-year-old is 5.0-5.99, still inside [1, 5].
    if low <= age < high + 1:
        return ""
    return f"outside the ages this model was validated on ({validated_ages_text(validated)} years)"


def validated_ages_text(validated: tuple[float, float]) -> str:
    """The validated ages as people write them: "1-5"."""
    low, high = validated
    return f"{_years(low)}-{_years(high)}"


def validated_range_in(warning: str) -> tuple[str, str] | None:
    """The validated ages ("1", "5") an `age_warning` sentence names, so a window in another
    language can say the same; None for any other text."""
    match = re.fullmatch(re.escape(_WARNING_START) + r" \(([\d.]+)-([\d.]+) years\)", warning)
    return (match.group(1), match.group(2)) if match else None


def age_rejection_reason(age: float | None, validated: tuple[float, float] | None) -> str | None:
    """The reason a film is rejected where the site rejects films outside the validated ages;
    None when the age is unknown or inside them."""
    warning = age_warning(age, validated)
    if not warning:
        return None
    scope = warning.removeprefix(_WARNING_START)
    return f"{AGE_REASON_START}{scope}: the patient is {format_age(age)} old."


def adult_reason(age: float | None, adult_from: float | None) -> str | None:
    """Why the film of a patient known to be an adult (`adult_from` years or more: the model
    card's `adult_from_age_years`) gets no score, whatever the site's age rule: on adults' films
    the score was measured to carry no information, so a label would only mislead. None when the
    age is unknown or below `adult_from`, or the card names no adult age."""
    if age is None or adult_from is None or age < adult_from:
        return None
    return (
        f"The patient is {format_age(age)} old: this model was validated on young children only, "
        "and on adults' films its score was measured to be no better than chance, so it was not "
        "scored. Have the film read by a clinician."
    )


@dataclass(frozen=True)
class AgeRule:
    """Which known ages get no score: the model card's adult age and validated ages
    (`ModelCard.age_rule`), with the site's rule for the ages in between given at each call,
    since the site may change it while the card stays. The one place that decides it, so that
    the screening (`core.screening`) and the window asking whether a typed age calls for
    screening the film again (`core.population_check.screens_again_for_typed_age`) cannot
    disagree."""

    adult_from: float | None  # the card's adult_from_age_years; None: it names none
    validated: tuple[float, float] | None  # the card's validated_ages_years

    def refusal(self, age: float | None, reject_outside_validated: bool) -> Reason | None:
        """Why the film of a patient of `age` gets no score: an adult's, whatever the site's
        rule; outside the validated ages, where the site rejects those
        (`reject_outside_validated`, `core.site_profile`). None when the age is unknown or the
        film is to be screened."""
        text = adult_reason(age, self.adult_from)
        if text is not None:
            return Reason(ReasonCode.ADULT_PATIENT, text)
        if reject_outside_validated:
            text = age_rejection_reason(age, self.validated)
            if text is not None:
                return Reason(ReasonCode.OUTSIDE_VALIDATED_AGES, text)
        return None


#: How an age rejection's reason starts (one logged before reason codes is recognised by it:
#: `core.legacy_reason_codes`).
AGE_REASON_START = "Outside the ages this model was validated on"
_WARNING_START = "outside the ages this model was validated on"


def _years(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
