"""The patient as the window shows them: the table's Patient cell and the detail pane's lines.

One place for the words, so the table, the detail pane and the form agree: names and IDs as typed
or read from DICOM, dates as dates ("2026-11-28", never "20261128"), ages in years, months or
weeks, and a film outside the model's validated ages marked with a sign and the warning colours,
so it stands out without colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from core.patient import age_in_units, iso_date, validated_range_in
from core.result import ScreeningResult, Status
from desktop.labels import PROBLEM_COLOURS

#: The sign before the Patient cell of a film outside the validated ages.
AGE_WARNING_SIGN = "\u26a0"

#: The roles `patient_warning_data` answers for the Patient cell.
PATIENT_WARNING_ROLES = (
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
)

#: PatientSex codes and their words (translated where shown, once the translator is loaded).
SEX_WORDS = {
    "F": QT_TRANSLATE_NOOP("Patient", "Female"),
    "M": QT_TRANSLATE_NOOP("Patient", "Male"),
    "O": QT_TRANSLATE_NOOP("Patient", "Other"),
}


def age_text(age: float | None) -> str:
    """An age as people say it, in the window's language: "3 years", "18 months", "3 weeks";
    "" when unknown (the units of `core.patient.age_in_units`)."""
    if age is None:
        return ""
    count, unit = age_in_units(age)
    translate = QCoreApplication.translate
    if count == 1 and unit == "months":
        return translate("Patient", "1 month")
    if count == 1 and unit == "weeks":
        return translate("Patient", "1 week")
    words = {
        "years": translate("Patient", "{n} years"),
        "months": translate("Patient", "{n} months"),
        "weeks": translate("Patient", "{n} weeks"),
    }
    return words[unit].format(n=count)


def sex_text(code: str | None) -> str:
    """ "Female", "Male" or "Other" for a PatientSex code; "" when not recorded."""
    word = SEX_WORDS.get(code or "")
    return QCoreApplication.translate("Patient", word) if word else ""


def patient_cell_text(result: ScreeningResult) -> str:
    """Name and ID ("Jane Doe (P-17)"), either alone when the other is unknown; a film outside
    the validated ages starts with the warning sign."""
    name, patient_id = result.patient_name or "", result.patient_id or ""
    text = f"{name} ({patient_id})" if name and patient_id else name or patient_id
    if result.age_warning:
        text = f"{AGE_WARNING_SIGN} {text}".strip()
    return text


def patient_warning_data(result: ScreeningResult, role: int) -> Any:
    """The Patient cell's tooltip and colours: the age warning in words, in the problem colours;
    None when the film has no warning (the cell then looks like any other)."""
    if not result.age_warning:
        return None
    if role == Qt.ItemDataRole.ToolTipRole:
        return age_warning_text(result)
    if role == Qt.ItemDataRole.BackgroundRole:
        return PROBLEM_COLOURS[0]
    if role == Qt.ItemDataRole.ForegroundRole:
        return PROBLEM_COLOURS[1]
    return None


def age_warning_text(result: ScreeningResult) -> str:
    """The warning as the detail pane and tooltips say it; "" when none, and for a film that got
    no score: there is no result to read with care, and a refusal for the patient's age says so in
    its own reason."""
    if not result.age_warning or result.status is not Status.OK:
        return ""
    age = age_text(result.patient_age_years)
    validated = validated_range_in(result.age_warning)
    if validated is None:  # a warning this version does not know: the engine's own words
        return QCoreApplication.translate(
            "Patient", "The patient is {age} old: {warning}. Read this result with care."
        ).format(age=age, warning=result.age_warning)
    return QCoreApplication.translate(
        "Patient",
        "The patient is {age} old: outside the ages this model was validated on ({low}-{high} "
        "years). Read this result with care.",
    ).format(age=age, low=validated[0], high=validated[1])


def patient_lines(result: ScreeningResult | None) -> list[tuple[str, str]]:
    """(field, value) for the detail pane, in the order shown, three short rows so the image keeps
    its room: "Jane Doe (ID P-17)", "Female, 34 years, born 1992-05-01", "2026-11-28". A value
    is "" when nothing of it is recorded (all of them for None: the fields' names, to build the
    pane)."""
    translate = QCoreApplication.translate
    fields = [
        translate("Patient", "Patient:"),
        translate("Patient", "Sex, age:"),
        translate("Patient", "Study date:"),
    ]
    if result is None:
        return [(field, "") for field in fields]
    name, patient_id = result.patient_name or "", result.patient_id or ""
    id_text = translate("Patient", "ID {id}").format(id=patient_id) if patient_id else ""
    who = f"{name} ({id_text})" if name and id_text else name or id_text
    born = result.patient_birth_date or ""
    about = [
        sex_text(result.patient_sex),
        age_text(result.patient_age_years),
        translate("Patient", "born {date}").format(date=born) if born else "",
    ]
    study_date = iso_date(result.study_date) or result.study_date or ""
    values = [who, ", ".join(part for part in about if part), study_date]
    return list(zip(fields, values, strict=True))


def has_dicom_identity(result: ScreeningResult) -> bool:
    """Whether the film came with DICOM identifiers: its patient is as the file says, and is not
    typed in the window."""
    return bool(result.study_instance_uid or result.sop_instance_uid)
