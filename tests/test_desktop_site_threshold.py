"""Administration > Site threshold, through the dialog as an administrator uses it, and what the
window does with the result: the threshold shown, a stale one explained, new screenings labelled.

All but the last test run without the model, on results and reviews logged beforehand.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core.local_performance import propose_threshold, review_pairs
from core.result import Label, ThresholdSource
from core.result_log import open_result_log
from core.site_profile import SiteProfile, SiteThreshold
from desktop import settings
from desktop.main_window import MainWindow
from desktop.site_threshold_dialog import COL_THRESHOLD, COL_WHICH, SiteThresholdDialog
from desktop.threshold_state import model_identity
from tests.review_fixtures import SAMPLES, reviewed_set

TIMEOUT_MS = 10_000


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(folder))
    store = settings.app_settings()
    store.setValue(settings.REVIEWER, "Dr Achieng")
    store.sync()
    return folder


def enough_reviews() -> None:
    """25 confirmed pneumonia scoring 20-92 and 25 no pneumonia scoring 2-50: the model's own
    threshold misses some pneumonia here, so the proposal is lower."""
    reviewed_set([20.0 + 3 * i for i in range(25)], [2.0 + 2 * i for i in range(25)])


def open_window(qtbot, load_model: bool = False) -> MainWindow:
    window = MainWindow(load_model=load_model)
    qtbot.addWidget(window)
    window.show()
    if load_model:
        qtbot.waitUntil(window.controller.is_ready, timeout=60_000)
    return window


def open_dialog(qtbot, window: MainWindow) -> SiteThresholdDialog:
    """Administration > Site threshold…, once its evidence is read."""
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    entry = next(a for a in menus["A&dministration"].actions() if a.text() == "&Site threshold…")
    entry.trigger()
    dialog = window.site_threshold_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.counts() != (0, 0) or "Reading" not in dialog.evidence.text())
    return dialog


def confirm(qtbot, dialog: SiteThresholdDialog, button) -> QMessageBox:
    """Click `button`, then Yes in the confirmation it asks for; returns the confirmation."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    text = box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    box.text = lambda: text  # the box deletes itself once answered
    return box


def table_rows(dialog: SiteThresholdDialog) -> list[list[str]]:
    return [
        [dialog.table.item(row, column).text() for column in range(dialog.table.columnCount())]
        for row in range(dialog.table.rowCount())
    ]


def test_the_dialog_is_an_administrators_task_and_needs_enough_evidence(qtbot, home):
    reviewed_set([60.0] * 20, [10.0] * 12)
    window = open_window(qtbot)
    dialog = open_dialog(qtbot, window)
    assert "administrator" in dialog.windowTitle()
    assert dialog.counts() == (20, 12)
    assert "8 more no-pneumonia reviews" in dialog.proposal_text.text()
    assert "confirmed-pneumonia" not in dialog.proposal_text.text()
    assert not dialog.apply_button.isEnabled()
    assert dialog.reset_button.isEnabled()  # going back to the model's threshold is always possible
    assert dialog.target.value() == pytest.approx(0.95)


def test_applying_the_proposal_after_a_confirmation_makes_it_the_threshold_in_force(qtbot, home):
    enough_reviews()
    identity = model_identity()
    window = open_window(qtbot)
    assert window.threshold_status.text() == (
        f"Threshold {identity.threshold:.1f} (the model's threshold)"
    )
    dialog = open_dialog(qtbot, window)
    with open_result_log() as log:
        expected = propose_threshold(review_pairs(log, identity.version), 0.95)
    assert dialog.proposal is not None
    assert dialog.proposal.threshold == expected.threshold
    assert f"Proposed threshold: {expected.threshold:.1f}" in dialog.proposal_text.text()
    rows = {row[COL_THRESHOLD]: row for row in table_rows(dialog)}
    assert "the model's" in rows[f"{identity.threshold:.1f}"][COL_WHICH]
    assert "proposed" in rows[f"{expected.threshold:.1f}"][COL_WHICH]
    assert all(len(row) == 5 and row[3].endswith("%") for row in rows.values())

    box = confirm(qtbot, dialog, dialog.apply_button)
    assert "Dr Achieng" in box.text() and f"{expected.threshold:.1f}" in box.text()

    profile = SiteProfile.load()
    assert profile.site is not None
    assert (profile.site.threshold, profile.site.set_by) == (expected.threshold, "Dr Achieng")
    assert (profile.site.n_pneumonia, profile.site.n_normal) == (25, 25)
    assert profile.site.model_version == identity.version
    assert window.in_force.source is ThresholdSource.SITE
    assert window.controller.threshold().threshold == expected.threshold  # new screenings use it
    assert window.threshold_status.text() == (
        f"Threshold {expected.threshold:.1f} (this clinic's site threshold)"
    )
    assert "model" not in Path(profile.path).name and profile.path.parent == home

    box = confirm(qtbot, dialog, dialog.reset_button)
    assert "model's own threshold" in box.text()
    assert SiteProfile.load().site is None
    assert window.in_force.source is ThresholdSource.MODEL
    assert window.threshold_status.text().endswith("(the model's threshold)")
    assert [entry["event"] for entry in SiteProfile.load().history()] == ["set", "reset"]


def test_cancelling_the_confirmation_changes_nothing(qtbot, home):
    enough_reviews()
    window = open_window(qtbot)
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert SiteProfile.load().site is None
    assert window.in_force.source is ThresholdSource.MODEL


def test_a_site_threshold_of_another_model_version_is_explained(qtbot, home):
    identity = model_identity()
    SiteProfile.load().set_threshold(
        SiteThreshold(
            threshold=12.3,
            model_version="1.1.0+0badc0de",
            target_sensitivity=0.95,
            set_by="Dr Achieng",
            set_at=datetime.now().astimezone(),
            n_pneumonia=30,
            n_normal=40,
        )
    )
    window = open_window(qtbot)
    assert window.threshold_notice.isVisible()
    assert "1.1.0+0badc0de" in window.threshold_notice.text()
    assert f"model's threshold {identity.threshold:.1f} applies" in window.threshold_notice.text()
    assert window.in_force.threshold == identity.threshold
    assert window.controller.threshold().source is ThresholdSource.MODEL


def test_a_damaged_site_profile_is_said_and_can_be_reset(qtbot, home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "site-profile.json").write_text("{ not json")
    window = open_window(qtbot)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox"]
    assert any("site profile" in box.text() and box.isVisible() for box in boxes)
    for box in boxes:
        box.close()
    assert "damaged" in window.threshold_status.text()
    dialog = open_dialog(qtbot, window)
    assert "damaged" in dialog.in_force_text.text()
    confirm(qtbot, dialog, dialog.reset_button)
    assert window.in_force is not None and window.in_force.source is ThresholdSource.MODEL
    assert list(home.glob("site-profile.damaged-*.json"))  # kept, not deleted


def test_after_a_change_new_screenings_are_labelled_with_the_site_threshold(qtbot, home):
    enough_reviews()
    window = open_window(qtbot, load_model=True)
    dialog = open_dialog(qtbot, window)
    confirm(qtbot, dialog, dialog.apply_button)
    site = SiteProfile.load().site.threshold
    dialog.close()

    film = SAMPLES / "PNEUMONIA" / "person1141_bacteria_3085.png"  # scores 99.5
    with qtbot.waitSignal(window.batch_finished, timeout=60_000):
        window.add_paths([film])  # what a drop does
    window.select_row(0)
    result = window.detail.result()
    assert result is not None and Path(result.file) == film
    assert (result.threshold, result.threshold_source) == (site, ThresholdSource.SITE)
    assert result.label is Label.PNEUMONIA
    assert f"The threshold is {site:.1f}" in window.detail.score_text.text()
