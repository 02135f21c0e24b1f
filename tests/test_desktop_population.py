"""An adult's film in the window (issue 15's fallback), driven through the widgets with the real
model: it is refused with its own reason and no score; a clinician who knows it is a young
child's types the age in the patient form, and the window screens it again, with that age; an
adult's age typed for a scored film takes its score away."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from core.reason_codes import ReasonCode
from core.result import ScreeningResult, Status
from core.site_profile import SiteProfile
from corpora.bad_inputs import make_dataset
from corpora.dicom_files import write
from desktop.patient_form import PatientForm
from desktop.results_model import COL_REASON, COL_SCORE
from tests.test_desktop_patient import click_row
from tests.test_desktop_table import TIMEOUT_MS, open_window
from tests.test_population_check import ADULT_FILM


@pytest.fixture(params=["png", "dicom without an age"])
def adult_film(request, shared_data, tmp_path) -> Path:
    """An adult's film whose age is not known: a PNG, or a DICOM file naming its patient but
    neither PatientAge nor a birth date (its patient form is shown all the same)."""
    png = Path(shutil.copy(next((shared_data / "nih-adult").rglob(ADULT_FILM)), tmp_path))
    if request.param == "png":
        return png
    pixels = np.asarray(Image.open(png).convert("L"))
    return write(make_dataset(pixels, PatientID="P-5", StudyDate="20261128"), tmp_path / "a.dcm")


def screen_a_childs_film(qtbot, window, shared_data: Path) -> ScreeningResult:
    """A child's sample film (no age: a PNG), screened in the window: the check lets it through."""
    film = sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[0]
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
        window.add_paths([film])
    scored = window.detail.result()
    assert scored.status is Status.OK and scored.score is not None
    return scored


def type_age(qtbot, window, result: ScreeningResult, age: str) -> PatientForm:
    """Select `result`'s row, open its patient form and type `age` (not saved yet)."""
    click_row(qtbot, window, result.id)
    form = window.detail.patient_form
    qtbot.mouseClick(form.toggle, Qt.MouseButton.LeftButton)
    form.age.lineEdit().selectAll()
    qtbot.keyClicks(form.age.lineEdit(), age)
    return form


def test_an_adult_film_is_refused_and_a_typed_childs_age_gets_it_screened(qtbot, home, adult_film):
    film = adult_film
    window = open_window(qtbot, load_model=True)
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
        window.add_paths([film])
    view = window.table.model()
    assert view.rowCount() == 1
    assert view.index(0, COL_REASON).data() == "Looks like an adult's film"
    assert view.index(0, COL_SCORE).data() == "\u2013"  # no score
    refused = window.detail.result()
    assert refused.reason_code is ReasonCode.OUTSIDE_VALIDATED_POPULATION
    assert "looks like an adult's" in window.detail.reason.text()

    click_row(qtbot, window, refused.id)
    form = window.detail.patient_form
    assert form.isVisible() and "Type the age to screen it" in form.toggle.text()
    qtbot.mouseClick(form.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.age.hasFocus)  # the field the user is asked to fill
    form.age.lineEdit().selectAll()
    qtbot.keyClicks(form.age.lineEdit(), "3")
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    screened = window.detail.result()  # the new result is shown at once
    assert screened.id != refused.id and screened.status is Status.OK
    assert screened.score is not None and screened.patient_age_years == 3.0
    assert view.rowCount() == 1
    assert view.index(0, COL_SCORE).data() == f"{screened.score:.1f}"
    assert not window.detail.reason.isVisible()


def test_an_adults_age_typed_for_a_scored_film_takes_its_score_away(qtbot, home, shared_data):
    """A film the check let through, whose patient the clinician then records as 30 years old:
    the window screens it again, and what it shows is the refusal, not the score."""
    window = open_window(qtbot, load_model=True)
    scored = screen_a_childs_film(qtbot, window, shared_data)
    form = type_age(qtbot, window, scored, "30")
    with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    refused = window.detail.result()
    assert refused.id != scored.id and refused.status is Status.REJECTED
    assert refused.reason_code is ReasonCode.ADULT_PATIENT and refused.score is None
    view = window.table.model()
    assert view.rowCount() == 1
    assert view.index(0, COL_REASON).data() == "Adult patient"
    assert view.index(0, COL_SCORE).data() == "\u2013"
    assert window.detail.reason.text().startswith("The patient is 30 years old:")
    assert not window.detail.age_warning.isVisible()  # no result to "read with care"


@pytest.mark.parametrize("site_rejects", [True, False])
def test_an_older_childs_age_typed_for_a_scored_film_follows_the_sites_age_rule(
    qtbot, home, shared_data, site_rejects
):
    """A 9-year-old's age typed for a scored film. Where the clinic rejects films outside the
    validated ages, the window screens it again and shows the rejection, as it would for the film
    screened with that age; where the clinic marks them, the scored row stays, marked."""
    SiteProfile.load().set_reject_outside_ages(site_rejects, by="test")
    window = open_window(qtbot, load_model=True)
    scored = screen_a_childs_film(qtbot, window, shared_data)
    form = type_age(qtbot, window, scored, "9")
    if site_rejects:
        with qtbot.waitSignal(window.batch_finished, timeout=TIMEOUT_MS):
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    else:
        with qtbot.assertNotEmitted(window.controller.batch_started, wait=500):
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    shown = window.detail.result()
    view = window.table.model()
    assert view.rowCount() == 1 and shown.patient_age_years == 9.0
    if site_rejects:
        assert shown.id != scored.id and shown.status is Status.REJECTED and shown.score is None
        assert shown.reason_code is ReasonCode.OUTSIDE_VALIDATED_AGES
        assert view.index(0, COL_REASON).data() == "Outside the validated ages"
        assert view.index(0, COL_SCORE).data() == "\u2013"
    else:
        assert shown.id == scored.id and shown.status is Status.OK
        assert view.index(0, COL_SCORE).data() == f"{scored.score:.1f}"
        assert window.detail.age_warning.isVisible()
