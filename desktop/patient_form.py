"""Typing the patient of a film that came without one (a JPEG or PNG) into the detail pane.

A DICOM film names its patient itself; a photo of a film, or a PNG exported by an X-ray unit, does
not. The form lets the user add the patient ID, name, sex and age; they are saved in the result
log with the result (`ResultLog.set_patient`) through the window's one `TaskManager`, off the GUI
thread, and `saved` then carries the result as logged, so the table row and the pane update. A
typed age is checked against the model card's validated ages like a DICOM one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import ModelCardError
from core.model_card import load_model_card
from core.paths import model_card_path
from core.patient import PatientDetails, age_warning
from core.population_check import waits_for_an_age
from core.result import ScreeningResult
from core.result_log import ResultLog
from desktop.patient_text import SEX_WORDS, has_dicom_identity, sex_text
from desktop.worker import TaskManager

#: The age box's value for "not known" (shown as words, not as a number).
_NO_AGE = -1.0


class PatientForm(QWidget):
    """Patient ID, name, sex and age for the shown result, and Save. Hidden for a DICOM film
    (its patient is the file's) and while the log cannot be written. Folded to one button until
    the user opens it, so the image keeps its room in the pane."""

    saved = Signal(object)  # the ScreeningResult as logged with the typed details
    failed = Signal(object)  # the exception

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._log: ResultLog | None = None
        self._result: ScreeningResult | None = None
        self.patient_id = QLineEdit(maxLength=64)
        self.patient_id.setAccessibleName(self.tr("Patient ID"))
        self.name = QLineEdit(maxLength=128)
        self.name.setAccessibleName(self.tr("Patient name"))
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Not stated"), None)
        for code in SEX_WORDS:
            self.sex.addItem(sex_text(code), code)
        self.age = QDoubleSpinBox(minimum=_NO_AGE, maximum=130.0, decimals=1, singleStep=1.0)
        self.age.setSpecialValueText(self.tr("not known"))
        self.age.setSuffix(self.tr(" years"))
        self.age.setAccessibleName(self.tr("Age in years"))
        self.save_button = QPushButton(self.tr("Save patient"))
        self.save_button.clicked.connect(self.save)
        self.toggle = QToolButton(checkable=True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._unfold)
        self.fields = QWidget()
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, pairs in enumerate(
            (
                ((self.tr("Patient ID:"), self.patient_id), (self.tr("Name:"), self.name)),
                ((self.tr("Sex:"), self.sex), (self.tr("Age:"), self.age)),
            )
        ):
            for pair, (text, field) in enumerate(pairs):
                label = QLabel(text)
                label.setBuddy(field)
                grid.addWidget(label, row, 2 * pair)
                grid.addWidget(field, row, 2 * pair + 1)
        grid.addWidget(self.save_button, 2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.fields)
        self._unfold(False)
        self.setVisible(False)

    def set_log(self, log: ResultLog | None) -> None:
        """Where the details are saved; None (no log, or a read-only one) hides the form."""
        self._log = None if log is None or log.read_only else log
        self.show_result(self._result)

    def show_result(self, result: ScreeningResult | None) -> None:
        """Fill the form with `result`'s patient, shown only for a logged film without DICOM
        identifiers, or one refused for want of an age."""
        self._result = result
        editable = (
            self._log is not None
            and result is not None
            and result.id is not None
            # A DICOM film names its own patient; but one refused as an adult's for want of an
            # age (no PatientAge, no birth date) can only be screened once its age is typed.
            and (not has_dicom_identity(result) or waits_for_an_age(result))
        )
        self.setVisible(editable)
        self.toggle.setChecked(False)
        if not editable:
            return
        typed = result.patient_id or result.patient_name
        if waits_for_an_age(result):
            self.toggle.setText(self.tr("A young child's film?\nType the age to screen it…"))
        else:
            self.toggle.setText(
                self.tr("Edit the patient's details…")
                if typed
                # Two lines, so the pane keeps to a 1024-pixel-wide screen in longer languages.
                else self.tr("This file has no patient data:\ntype the patient's details…")
            )
        self.patient_id.setText(result.patient_id or "")
        self.name.setText(result.patient_name or "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(result.patient_sex)))
        age = result.patient_age_years
        self.age.setValue(_NO_AGE if age is None else age)
        self.save_button.setEnabled(True)

    def _unfold(self, unfolded: bool) -> None:
        self.fields.setVisible(unfolded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        if unfolded:
            # A film refused for want of an age: the cursor goes where the user is asked to type.
            waiting = self._result is not None and waits_for_an_age(self._result)
            (self.age if waiting else self.patient_id).setFocus()

    def details(self) -> PatientDetails:
        """What the form holds now."""
        age = self.age.value()
        return PatientDetails(
            patient_id=self.patient_id.text(),
            name=self.name.text(),
            sex=self.sex.currentData(),
            age_years=None if age <= _NO_AGE else age,
        )

    def save(self) -> None:
        """Store the details in the background; `saved` or `failed` follows."""
        log, result = self._log, self._result
        if log is None or result is None or result.id is None:
            return
        details, result_id = self.details(), result.id
        self.save_button.setEnabled(False)

        def job(_cancel: threading.Event) -> Iterator[ScreeningResult]:
            warning = age_warning(details.age_years, _validated_ages())
            yield log.set_patient(result_id, details, warning)

        self._tasks.run(
            job,
            on_item=self._saved,
            on_error=self.failed.emit,
            on_done=lambda: self.save_button.setEnabled(True),
        )

    def _saved(self, result: ScreeningResult) -> None:
        if self._result is not None and self._result.id == result.id:
            self._result = result
        self.saved.emit(result)


def _validated_ages() -> tuple[float, float] | None:
    """The model card's validated ages; None when the card cannot be read (no warning then:
    loading the model reports the card's problem where every error is shown)."""
    try:
        return load_model_card(model_card_path()).validated_ages_years
    except ModelCardError:
        return None
