"""Administration > Site threshold: the clinic's own threshold, proposed from its reviewed results.

An administrator's task, said so at the top: it changes what "Pneumonia likely" means for every
film screened from then on. The dialog proposes the threshold the model card's own rule gives on
the clinic's reviews (the highest that keeps sensitivity at the target), shows what other
thresholds would trade, and refuses to propose anything below the minimum evidence, saying what is
missing. Applying asks for a confirmation naming who sets it; the site profile keeps the history.
Going back to the model's threshold is always possible.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import NotEnoughEvidence, ScreeningError, SiteProfileError
from core.local_performance import (
    DEFAULT_TARGET_SENSITIVITY,
    MIN_REVIEWS_PER_CLASS,
    ThresholdProposal,
    propose_threshold,
    review_pairs,
    trade_off,
)
from core.result import format_score
from core.result_log import ResultLog
from core.site_profile import SiteProfile, SiteThreshold, ThresholdInForce
from desktop import settings
from desktop.errors import show_exception
from desktop.labels import threshold_source_text
from desktop.threshold_state import ModelIdentity
from desktop.worker import TaskManager, while_alive

#: Thresholds shown in the trade-off table besides the model's, the proposed and the one in force.
GRID_THRESHOLDS = (10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0)
COL_THRESHOLD, COL_SENSITIVITY, COL_SPECIFICITY, COL_FLAGGED, COL_WHICH = range(5)

ADMIN_STYLE = (
    "#adminNotice { background: #f3e8fb; color: #4a1b66; border: 1px solid #b79dd6;"
    " border-radius: 4px; padding: 6px; }"
)


class SiteThresholdDialog(QDialog):
    """`changed` fires after the site profile was written (a threshold set, or a reset).
    `in_force` None means the site profile is damaged: only the reset is offered then."""

    changed = Signal()
    evidence_loaded = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        log: ResultLog,
        identity: ModelIdentity,
        in_force: ThresholdInForce | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("siteThresholdDialog")
        self.setWindowTitle(self.tr("Site threshold (administrator's task)"))
        self._identity = identity
        self._in_force = in_force
        self._pairs: list[tuple[float, bool]] | None = None
        self.proposal: ThresholdProposal | None = None
        self.confirmation: QMessageBox | None = None
        self._build()
        self._show_evidence()

        version = identity.version

        def job(_cancel: threading.Event) -> Iterator[list[tuple[float, bool]]]:
            yield review_pairs(log, version)

        tasks.run(
            job,
            on_item=while_alive(self, self._pairs_loaded),
            on_error=while_alive(self, lambda exc: show_exception(self, exc)),
        )

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        notice = QLabel(
            self.tr(
                "<b>An administrator's task.</b> The site threshold decides \u201cPneumonia "
                "likely\u201d for every film screened from now on, for this model version. It is "
                "proposed from the results your clinicians reviewed: set it only when they are "
                "many and recent, and tell the clinicians."
            ),
            wordWrap=True,
            objectName="adminNotice",
        )
        notice.setStyleSheet(ADMIN_STYLE)
        self.in_force_text = QLabel(wordWrap=True, objectName="inForce")
        self.target = QDoubleSpinBox(decimals=2, minimum=0.5, maximum=0.99, singleStep=0.01)
        self.target.setValue(DEFAULT_TARGET_SENSITIVITY)
        self.target.setAccessibleName(self.tr("Target sensitivity"))
        self.target.valueChanged.connect(lambda _: self._show_evidence())
        self.set_by = QLineEdit(str(settings.app_settings().value(settings.REVIEWER, "") or ""))
        self.set_by.setPlaceholderText(self.tr("Your name"))
        self.set_by.textChanged.connect(lambda _: self._update_buttons())
        form = QFormLayout()
        form.addRow(self.tr("&Target sensitivity:"), self.target)
        form.addRow(self.tr("Set &by:"), self.set_by)

        self.evidence = QLabel(wordWrap=True, objectName="evidence")
        self.proposal_text = QLabel(wordWrap=True, objectName="proposal")
        font = self.proposal_text.font()
        font.setBold(True)
        self.proposal_text.setFont(font)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Threshold"),
                self.tr("Sensitivity"),
                self.tr("Specificity"),
                self.tr("Films flagged"),
                "",
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Trade-off between thresholds"))

        self.apply_button = QPushButton(self.tr("&Apply the proposed threshold…"))
        self.apply_button.clicked.connect(self._confirm_apply)
        self.reset_button = QPushButton(self.tr("&Reset to the model's threshold…"))
        self.reset_button.clicked.connect(self._confirm_reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(self.in_force_text)
        layout.addLayout(form)
        layout.addWidget(self.evidence)
        layout.addWidget(self.proposal_text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    # -- evidence and proposal -----------------------------------------------------------------

    def _pairs_loaded(self, pairs: list[tuple[float, bool]]) -> None:
        self._pairs = list(pairs)
        self._show_evidence()
        self.evidence_loaded.emit()

    def counts(self) -> tuple[int, int]:
        """(confirmed pneumonia, no pneumonia) reviews the proposal rests on."""
        pairs = self._pairs or []
        pneumonia = sum(1 for _score, truth in pairs if truth)
        return pneumonia, len(pairs) - pneumonia

    def _show_evidence(self) -> None:
        if self._in_force is None:
            self.in_force_text.setText(
                self.tr(
                    "The site profile is damaged, so no threshold is in force and nothing is "
                    "screened. Reset to the model's threshold ({model}): the damaged file is kept "
                    "beside it under another name."
                ).format(model=format_score(self._identity.threshold))
            )
        else:
            self.in_force_text.setText(
                self.tr(
                    "In force now: threshold {threshold}, {source}. The model's own threshold is "
                    "{model}."
                ).format(
                    threshold=format_score(self._in_force.threshold),
                    source=threshold_source_text(self._in_force.source),
                    model=format_score(self._identity.threshold),
                )
            )
        self.proposal = None
        self.table.setRowCount(0)
        if self._pairs is None:
            self.evidence.setText(self.tr("Reading the reviewed results…"))
            self.proposal_text.setText("")
            self._update_buttons()
            return
        pneumonia, normal = self.counts()
        self.evidence.setText(
            self.tr(
                "Reviewed results of this model version: {pneumonia} confirmed pneumonia, "
                "{normal} no pneumonia (at least {minimum} of each are needed)."
            ).format(pneumonia=pneumonia, normal=normal, minimum=MIN_REVIEWS_PER_CLASS)
        )
        missing = self._missing_text(pneumonia, normal)
        if missing:
            self.proposal_text.setText(missing)
        else:
            try:
                self.proposal = propose_threshold(self._pairs, self.target.value())
            except NotEnoughEvidence as exc:
                self.proposal_text.setText(str(exc))
            else:
                self.proposal_text.setText(
                    self.tr(
                        "Proposed threshold: {threshold}. On the reviewed films it finds "
                        "{sensitivity:.1%} of pneumonia, passes {specificity:.1%} of healthy "
                        "films, and flags {flagged:.0%} of all films."
                    ).format(
                        threshold=format_score(self.proposal.threshold),
                        sensitivity=self.proposal.sensitivity,
                        specificity=self.proposal.specificity,
                        flagged=self.proposal.flagged_share,
                    )
                )
            self._fill_table()
        self._update_buttons()

    def _missing_text(self, pneumonia: int, normal: int) -> str:
        """What is missing before a threshold can be proposed, or "" when nothing is."""
        needs = []
        if pneumonia < MIN_REVIEWS_PER_CLASS:
            needs.append(
                self.tr("{n} more confirmed-pneumonia reviews").format(
                    n=MIN_REVIEWS_PER_CLASS - pneumonia
                )
            )
        if normal < MIN_REVIEWS_PER_CLASS:
            needs.append(
                self.tr("{n} more no-pneumonia reviews").format(n=MIN_REVIEWS_PER_CLASS - normal)
            )
        if not needs:
            return ""
        return self.tr(
            "Not enough evidence yet: {needs} are needed before a site threshold can be proposed. "
            "Review more results (keys 1-4 in the main window), then come back."
        ).format(needs=self.tr(" and ").join(needs))

    def _fill_table(self) -> None:
        which: dict[float, list[str]] = {}
        which.setdefault(round(self._identity.threshold, 1), []).append(self.tr("the model's"))
        if self._in_force is not None:
            which.setdefault(round(self._in_force.threshold, 1), []).append(self.tr("in force"))
        if self.proposal is not None:
            which.setdefault(round(self.proposal.threshold, 1), []).append(self.tr("proposed"))
        thresholds = sorted({*GRID_THRESHOLDS, *which})
        rows = trade_off(self._pairs or [], thresholds)
        self.table.setRowCount(len(rows))
        for row, option in enumerate(rows):
            cells = (
                format_score(option.threshold),
                f"{option.sensitivity:.3f}",
                f"{option.specificity:.3f}",
                f"{option.flagged_share:.0%}",
                ", ".join(which.get(round(option.threshold, 1), [])),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != COL_WHICH:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if cells[COL_WHICH]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    def _update_buttons(self) -> None:
        named = bool(self.set_by.text().strip())
        self.apply_button.setEnabled(
            self.proposal is not None and named and self._in_force is not None
        )
        self.reset_button.setEnabled(named)
        tip = "" if named else self.tr("Enter your name first: it is kept with the change.")
        self.apply_button.setToolTip(tip)
        self.reset_button.setToolTip(tip)

    # -- applying ------------------------------------------------------------------------------

    def _confirm(self, text: str, then) -> None:
        """Ask before changing the site profile (window-modal, not blocking)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Change the site threshold?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmSiteThreshold")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(then)
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()

    def _confirm_apply(self) -> None:
        if self.proposal is None:
            return
        pneumonia, normal = self.counts()
        self._confirm(
            self.tr(
                "Set the site threshold to {threshold} for this model version, as {name}?\n\n"
                "From now on a film scoring {threshold} or more is labelled \u201cPneumonia "
                "likely\u201d. Evidence: {pneumonia} confirmed pneumonia and {normal} no-pneumonia "
                "reviews, target sensitivity {target:.0%}."
            ).format(
                threshold=format_score(self.proposal.threshold),
                name=self.set_by.text().strip(),
                pneumonia=pneumonia,
                normal=normal,
                target=self.target.value(),
            ),
            self._apply,
        )

    def _confirm_reset(self) -> None:
        self._confirm(
            self.tr(
                "Go back to the model's own threshold ({threshold}), as {name}? The site threshold "
                "stays in the profile's history."
            ).format(
                threshold=format_score(self._identity.threshold), name=self.set_by.text().strip()
            ),
            self._reset,
        )

    def _apply(self) -> None:
        proposal, (pneumonia, normal) = self.proposal, self.counts()
        if proposal is None:
            return
        site = SiteThreshold(
            threshold=proposal.threshold,
            model_version=self._identity.version,
            target_sensitivity=self.target.value(),
            set_by=self.set_by.text().strip(),
            set_at=datetime.now().astimezone(),
            n_pneumonia=pneumonia,
            n_normal=normal,
        )
        self._write(lambda profile: profile.set_threshold(site))

    def _reset(self) -> None:
        by = self.set_by.text().strip()
        self._write(lambda profile: profile.reset(by, self._identity.version), set_aside_by=by)

    def _write(self, change, set_aside_by: str = "") -> None:
        """Apply `change` to the profile as saved now; with `set_aside_by`, a damaged profile is
        kept aside under another name (the reset a damaged profile needs)."""
        try:
            try:
                profile = SiteProfile.load()
            except SiteProfileError:
                if not set_aside_by:
                    raise
                profile, _kept = SiteProfile.set_aside_damaged(by=set_aside_by)
            change(profile)
            self._in_force = profile.threshold_in_force(
                self._identity.threshold, self._identity.version
            )
        except (ScreeningError, OSError) as exc:  # in words; the profile is written whole or not
            show_exception(self, exc)
            return
        self._show_evidence()
        self.changed.emit()
