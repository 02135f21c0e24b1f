"""Administration > Films outside the validated ages: mark them (the default) or reject them.

The model was validated on children aged 1-5 (the model card's `validated_ages_years`). A film
whose patient's age is known and outside that range is screened and marked everywhere by default;
a clinic may prefer such films (infants, older children) rejected, so nobody acts on a score the
model was never validated for. The choice is the clinic's, so it lives in the site profile
(`core.site_profile`, with who changed it and when), beside the site threshold. Adults are not the
clinic's choice: a patient known to be an adult (the card's `adult_from_age_years`) is never
scored, since on adults the score was measured to carry no information.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from core.errors import ModelCardError, SiteProfileError
from core.model_card import load_model_card
from core.paths import model_card_path
from core.patient import validated_ages_text
from core.site_profile import SiteProfile
from desktop import settings
from desktop.errors import show_exception


class AgeRuleDialog(QDialog):
    """One checkbox: reject films outside the validated ages instead of marking them."""

    def __init__(
        self,
        reject: bool,
        ages: tuple[float, float] | None,
        adult_from: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Films outside the validated ages"))
        scope = "?" if ages is None else validated_ages_text(ages)
        explanation = QLabel(
            self.tr(
                "The model was validated on patients aged {ages} years. A film whose patient's "
                "age is known and outside that range is screened and marked as outside the "
                "validated ages. A clinic may have such films rejected instead, with no score."
            ).format(ages=scope),
            wordWrap=True,
        )
        if adult_from is None:  # a card naming no adult age: only the population check applies
            adults = self.tr(
                "Whatever this rule, a film whose patient's age is not known and that looks like "
                "an adult's is never scored: on adults the model's score means nothing. Typing "
                "a child's age gets it screened."
            )
        else:
            adults = self.tr(
                "Whatever this rule, an adult's film is never scored: on adults the model's "
                "score means nothing. That holds for a patient known to be {adult} years or "
                "older, and for a film whose patient's age is not known and that looks like "
                "an adult's; typing a child's age gets such a film screened."
            ).format(adult=f"{adult_from:g}")
        unknown = QLabel(adults, wordWrap=True)

        self.reject_box = QCheckBox(
            self.tr("&Reject films outside the validated ages ({ages} years)").format(ages=scope)
        )
        self.reject_box.setChecked(reject)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reject_box)
        layout.addWidget(unknown)
        layout.addWidget(buttons)


def add_age_rule_action(
    window: QMainWindow, beside: QAction, changed: Callable[[], None]
) -> QAction:
    """An action in the menu that holds `beside` (Administration) that opens the dialog; after a
    change is saved, `changed` runs (the window reads the rule in force again)."""
    action = QAction(
        QCoreApplication.translate("AgeRuleDialog", "Films outside the validated &ages…"), window
    )
    action.setObjectName("ageRuleAction")
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and beside in menu.actions():
            menu.addAction(action)
    action.triggered.connect(lambda: open_age_rule_dialog(window, changed))
    return action


def open_age_rule_dialog(window: QWidget, changed: Callable[[], None]) -> AgeRuleDialog | None:
    """Show the dialog (window-modal); saving happens when the user presses OK."""
    try:
        profile = SiteProfile.load()
    except SiteProfileError as exc:
        show_exception(window, exc)
        return None
    try:
        card = load_model_card(model_card_path())
        ages, adult_from = card.validated_ages_years, card.adult_from_age_years
    except ModelCardError:
        ages, adult_from = None, None
    dialog = AgeRuleDialog(profile.reject_outside_ages, ages, adult_from, window)

    def save() -> None:
        by = str(settings.app_settings().value(settings.REVIEWER, "") or "")
        by = by or QCoreApplication.translate("AgeRuleDialog", "window user")
        try:
            if profile.set_reject_outside_ages(dialog.reject_box.isChecked(), by):
                changed()
        except SiteProfileError as exc:
            show_exception(window, exc)

    dialog.accepted.connect(save)
    dialog.open()
    return dialog
