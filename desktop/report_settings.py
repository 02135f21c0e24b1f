"""The report's one setting, the clinic's name, printed at the top of every report.

Kept in the window's settings file (`desktop.settings`, in the data folder), so the window and
`pneumoscreen report` print the same name, and `PNEUMOSCREEN_HOME` moves it with everything else.
"""

from __future__ import annotations

from desktop.settings import app_settings

CLINIC_NAME = "report/clinic_name"


def clinic_name() -> str:
    """The clinic's name as set in the report dialog; "" until someone sets it."""
    value = app_settings().value(CLINIC_NAME, "")
    return " ".join(value.split()) if isinstance(value, str) else ""


def set_clinic_name(name: str) -> None:
    """Remember `name` (one line, spaces tidied) for every later report."""
    store = app_settings()
    store.setValue(CLINIC_NAME, " ".join(name.split()))
    store.sync()
