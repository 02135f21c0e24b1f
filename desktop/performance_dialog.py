""" "How the model does here": the clinic's own figures, from the results its clinicians reviewed.

The reviewer's decision is taken as the truth; "other finding" and "not assessable" are left out
and counted. The figures are computed at the threshold in force (the clinic's, where it set one),
with 95% confidence intervals, because 30 reviewed films say much less than 300 and the page must
not pretend otherwise: below the minimum evidence it says so first, in plain words.

The log is read in the background (`TaskManager`); the page fills in when the figures are ready.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.local_performance import Estimate, LocalPerformance, performance_from_log
from core.result import format_score
from core.result_log import ResultLog
from core.review import ReviewDecision
from core.site_profile import ThresholdInForce
from desktop.errors import show_exception
from desktop.labels import decision_text, threshold_source_text
from desktop.roc_chart import RocChart
from desktop.worker import TaskManager, while_alive

WARNING_STYLE = (
    "#performanceWarning { background: #fde9c4; color: #6b4300; border: 1px solid #c98a1a;"
    " border-radius: 4px; padding: 6px; font-weight: bold; }"
)


def estimate_text(estimate: Estimate | None) -> str:
    """ "0.912 (95% CI 0.85-0.95)", or a dash when there is nothing to estimate from."""
    if estimate is None:
        return "\u2013"
    return f"{estimate.value:.3f}  (95% CI {estimate.low:.3f}\u2013{estimate.high:.3f})"


class PerformanceDialog(QDialog):
    """The local-performance page; `ready` fires once the figures are shown."""

    ready = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        log: ResultLog,
        in_force: ThresholdInForce,
        model_version: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("performanceDialog")
        self.setWindowTitle(self.tr("How the model does here"))
        self._in_force = in_force
        self.performance: LocalPerformance | None = None
        self._build()
        threshold = in_force.threshold
        self.status.setText(self.tr("Reading the reviewed results…"))

        def job(_cancel: threading.Event) -> Iterator[LocalPerformance]:
            yield performance_from_log(log, threshold, model_version)

        tasks.run(
            job,
            on_item=while_alive(self, self.show_performance),
            on_error=while_alive(self, self._failed),
        )

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.status = QLabel(wordWrap=True, objectName="performanceStatus")
        self.warning = QLabel(wordWrap=True, objectName="performanceWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()

        figures = QGroupBox(self.tr("Figures (reviewer's decision = truth)"))
        grid = QGridLayout(figures)
        self.figures: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (
                ("sensitivity", self.tr("Sensitivity (pneumonia found):")),
                ("specificity", self.tr("Specificity (healthy films passed):")),
                ("auc", self.tr("AUC (ranking, threshold aside):")),
            )
        ):
            value = QLabel(objectName=f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[key] = value
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(value, row, 1)

        confusion = QGroupBox(self.tr("Counts at the threshold in force"))
        table = QGridLayout(confusion)
        # The headings wrap, so the dialog fits a 1024-pixel-wide screen in longer languages.
        table.addWidget(QLabel(self.tr("<b>Model: pneumonia likely</b>"), wordWrap=True), 0, 1)
        table.addWidget(QLabel(self.tr("<b>Model: no pneumonia signs</b>"), wordWrap=True), 0, 2)
        table.addWidget(QLabel(self.tr("<b>Reviewer: pneumonia</b>"), wordWrap=True), 1, 0)
        table.addWidget(QLabel(self.tr("<b>Reviewer: no pneumonia</b>"), wordWrap=True), 2, 0)
        self.counts: dict[str, QLabel] = {}
        for key, row, column in (
            ("true_positive", 1, 1),
            ("false_negative", 1, 2),
            ("false_positive", 2, 1),
            ("true_negative", 2, 2),
        ):
            value = QLabel(objectName=f"count_{key}", alignment=Qt.AlignmentFlag.AlignCenter)
            self.counts[key] = value
            table.addWidget(value, row, column)
        self.left_out = QLabel(wordWrap=True, objectName="leftOut")
        table.addWidget(self.left_out, 3, 0, 1, 3)

        numbers = QVBoxLayout()
        numbers.addWidget(figures)
        numbers.addWidget(confusion)
        numbers.addStretch(1)
        self.chart = RocChart()
        body = QHBoxLayout()
        body.addLayout(numbers, 3)
        body.addWidget(self.chart, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    # -- showing -------------------------------------------------------------------------------

    def show_performance(self, performance: LocalPerformance) -> None:
        self.performance = performance
        self.status.setText(
            self.tr(
                "{n} reviewed results: {pneumonia} confirmed pneumonia, {normal} no pneumonia. "
                "Figures at threshold {threshold} ({source})."
            ).format(
                n=performance.n_pneumonia + performance.n_normal,
                pneumonia=performance.n_pneumonia,
                normal=performance.n_normal,
                threshold=format_score(performance.threshold),
                source=threshold_source_text(self._in_force.source),
            )
        )
        self.warning.setText(performance.warning)
        self.warning.setVisible(bool(performance.warning))
        for key, label in self.figures.items():
            label.setText(estimate_text(getattr(performance, key)))
        for key, label in self.counts.items():
            label.setText(str(getattr(performance, key)))
        self.left_out.setText(self._left_out_text(performance))
        self.chart.set_curve(
            [(fpr, tpr) for fpr, tpr, _threshold in performance.roc],
            _operating_point(performance),
            self.tr("threshold {threshold}").format(threshold=format_score(performance.threshold)),
        )
        self.ready.emit()

    def _left_out_text(self, performance: LocalPerformance) -> str:
        parts = [
            self.tr("{decision}: {n}").format(
                decision=decision_text(key) if key in set(ReviewDecision) else str(key), n=count
            )
            for key, count in performance.left_out.items()
        ]
        if performance.not_scored:
            parts.append(
                self.tr("rejected or unreadable files: {n}").format(n=performance.not_scored)
            )
        return self.tr("Left out of the figures: {parts}.").format(
            parts="; ".join(parts) if parts else self.tr("none")
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The reviewed results could not be read."))
        show_exception(self, exc)


def _operating_point(performance: LocalPerformance) -> tuple[float, float] | None:
    """(false positive rate, sensitivity) at the threshold in force; None without films of both
    classes."""
    if performance.sensitivity is None or performance.specificity is None:
        return None
    return 1 - performance.specificity.value, performance.sensitivity.value
