"""The patient in the window, used as a clinic would: the table's Patient column with the age
warning, the detail pane's fields as dates and words, typing the patient of a PNG, the
de-identified export, and the Administration setting that rejects films outside the ages.

Offscreen, without the model: the results are logged beforehand, as in the review tests.
"""

from __future__ import annotations

import csv
import os
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from core.result_log import open_result_log
from core.site_profile import SiteProfile
from desktop import export_dialog
from desktop.age_rule_dialog import AgeRuleDialog
from desktop.export_dialog import ExportScopeDialog
from desktop.main_window import MainWindow
from desktop.results_model import COL_PATIENT, RESULT_ROLE
from tests.review_fixtures import log_results, make_result

TIMEOUT_MS = 10_000
WARNING = "outside the ages this model was validated on (1-5 years)"


@pytest.fixture
def logged(home):
    """An adult's DICOM film (with its patient and the age warning) and a PNG without a patient."""
    adult = replace(
        make_result(0, 85.0),
        patient_id="P-17",
        patient_name="Jane Doe",
        patient_sex="F",
        patient_age_years=34.0,
        patient_birth_date="1992-05-01",
        study_date="20261128",
        study_instance_uid="1.2.826.0.1.1",
        sop_instance_uid="1.2.826.0.1.2",
        age_warning=WARNING,
    )
    return log_results([adult, make_result(1, 12.0)])


def open_window(qtbot) -> MainWindow:
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def row_of(window: MainWindow, result_id: int) -> int:
    view = window.table.model()
    for row in range(view.rowCount()):
        if view.index(row, 0).data(RESULT_ROLE).id == result_id:
            return row
    raise AssertionError(f"result {result_id} is not shown")


def patient_cell(window: MainWindow, result_id: int, role=Qt.ItemDataRole.DisplayRole):
    view = window.table.model()
    return view.index(row_of(window, result_id), COL_PATIENT).data(role)


def click_row(qtbot, window: MainWindow, result_id: int) -> None:
    index = window.table.model().index(row_of(window, result_id), COL_PATIENT)
    window.table.scrollTo(index)
    centre = window.table.visualRect(index).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.detail.result().id == result_id


def shown_fields(window: MainWindow) -> dict[str, str]:
    return {field: label.text() for field, label in window.detail.patient_facts.items()}


def test_the_table_and_the_detail_pane_show_the_patient_and_the_age_warning(qtbot, logged):
    adult, png = logged
    window = open_window(qtbot)
    header = window.table.model().headerData(COL_PATIENT, Qt.Orientation.Horizontal)
    assert header == "Patient"
    assert patient_cell(window, adult.id) == "\u26a0 Jane Doe (P-17)"
    assert WARNING in patient_cell(window, adult.id, Qt.ItemDataRole.ToolTipRole)
    assert patient_cell(window, adult.id, Qt.ItemDataRole.BackgroundRole) is not None
    assert patient_cell(window, png.id) == ""
    assert patient_cell(window, png.id, Qt.ItemDataRole.BackgroundRole) is None

    click_row(qtbot, window, adult.id)
    fields = shown_fields(window)
    assert fields == {
        "Patient:": "Jane Doe (ID P-17)",
        "Sex, age:": "Female, 34 years, born 1992-05-01",
        "Study date:": "2026-11-28",  # a date, not 20261128
    }
    assert window.detail.age_warning.isVisible()
    assert "34 years old: " + WARNING in window.detail.age_warning.text()
    assert not window.detail.patient_form.isVisible()  # a DICOM film names its own patient

    click_row(qtbot, window, png.id)
    assert shown_fields(window)["Patient:"] == "not recorded"
    assert not window.detail.age_warning.isVisible()
    assert window.detail.patient_form.isVisible()


def test_the_patient_of_a_png_is_typed_saved_and_shown_after_a_restart(qtbot, logged):
    _adult, png = logged
    window = open_window(qtbot)
    click_row(qtbot, window, png.id)
    form = window.detail.patient_form
    assert form.isVisible() and not form.fields.isVisible()  # folded: the image keeps its room
    assert "no patient data" in form.toggle.text()
    qtbot.mouseClick(form.toggle, Qt.MouseButton.LeftButton)
    assert form.fields.isVisible()
    qtbot.keyClicks(form.patient_id, "K-9")
    qtbot.keyClicks(form.name, "Amina Yusuf")
    form.sex.setFocus()
    qtbot.keyClicks(form.sex, "F")  # a closed combo box picks the item its text starts with
    assert form.sex.currentText() == "Female"
    form.age.setFocus()
    form.age.lineEdit().selectAll()
    qtbot.keyClicks(form.age.lineEdit(), "30")
    with qtbot.waitSignal(form.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert patient_cell(window, png.id) == "\u26a0 Amina Yusuf (K-9)"  # 30: outside 1-5
    fields = shown_fields(window)
    assert fields["Patient:"] == "Amina Yusuf (ID K-9)"
    assert fields["Sex, age:"] == "Female, 30 years"
    assert window.detail.age_warning.isVisible()
    assert "Edit" in form.toggle.text() and not form.fields.isVisible()
    window.close()

    with open_result_log(read_only=True) as log:
        stored = next(r for r in log.results() if r.id == png.id)
    assert stored.patient_id == "K-9" and stored.patient_sex == "F"
    assert stored.patient_name == "Amina Yusuf"
    assert (stored.patient_age_years, stored.age_warning) == (30.0, WARNING)
    again = open_window(qtbot)
    assert patient_cell(again, png.id) == "\u26a0 Amina Yusuf (K-9)"


def test_the_export_dialogs_checkbox_writes_a_deidentified_csv(
    qtbot, logged, tmp_path, monkeypatch
):
    window = open_window(qtbot)
    target = tmp_path / "district.csv"
    monkeypatch.setattr(
        export_dialog.QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), "")
    )
    seen = []

    def answer_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportScopeDialog)
        seen.append(dialog.deidentify.text())
        qtbot.mouseClick(dialog.deidentify, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, answer_the_dialog)
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT_MS):
        window.commands.export.trigger()
    assert seen and "De-identify" in seen[0]
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 2
    assert all("/" not in row["file"] and row["file"].endswith(".png") for row in rows)
    assert all(row["patient_name"] == "" for row in rows)
    assert "Jane Doe" not in target.read_text(encoding="utf-8-sig")
    assert {row["age_warning"] for row in rows} == {WARNING, ""}


def test_administration_can_reject_films_outside_the_validated_ages(qtbot, logged):
    window = open_window(qtbot)
    assert window.in_force.reject_outside_ages is False
    menu_titles = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    admin = next(menu for title, menu in menu_titles.items() if "dministration" in title)
    action = next(a for a in admin.actions() if "validated" in a.text())
    action.trigger()
    dialog = window.findChild(AgeRuleDialog)
    assert dialog is not None and dialog.isVisible()
    assert "1-5 years" in dialog.reject_box.text() and not dialog.reject_box.isChecked()
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "an adult's film is never scored" in said and "18 years or older" in said

    qtbot.mouseClick(dialog.reject_box, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert SiteProfile.load().reject_outside_ages is True
    assert window.in_force.reject_outside_ages is True  # the files screened from now on
