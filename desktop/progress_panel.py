"""The batch's progress in the status bar: files done of total, time left, and Cancel.

Hidden between batches, so an idle window shows only the summary of the last batch.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from core.result import Status
from desktop.labels import count_text

if TYPE_CHECKING:
    from desktop.batch import BatchProgress


class ProgressPanel(QWidget):
    """A progress bar ("12 / 240"), a time-left estimate and a Cancel button."""

    def __init__(self, cancel_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(minimumWidth=220)
        self.bar.setFormat(self.tr("%v of %m files"))
        self.bar.setAccessibleName(self.tr("Screening progress"))
        self.time_left = QLabel()
        cancel = QToolButton()
        cancel.setDefaultAction(cancel_action)
        cancel.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time_left)
        layout.addWidget(self.bar)
        layout.addWidget(cancel)
        self.setVisible(False)

    def start(self, total: int | None) -> None:
        """Show the panel: `None` while the files are still being listed (a busy bar)."""
        self.bar.setRange(0, 0 if total is None else max(total, 1))
        self.bar.setValue(0)
        if total is not None:
            self.bar.setFormat(
                count_text(total, self.tr("%v of {n} file"), self.tr("%v of {n} files"))
            )
        self.time_left.setText(self.tr("Finding files…") if total is None else "")
        self.setVisible(True)

    def update_progress(self, done: int, seconds_left: float | None) -> None:
        self.bar.setValue(done)
        self.time_left.setText("" if seconds_left is None else self.format_left(seconds_left))

    def finish(self) -> None:
        self.setVisible(False)

    def format_left(self, seconds: float) -> str:
        """'About 3 min left' style wording, rounded up so it never promises too little."""
        if seconds < 60:
            return self.tr("About {n} s left").format(n=max(1, math.ceil(seconds)))
        minutes = math.ceil(seconds / 60)
        if minutes < 60:
            return self.tr("About {n} min left").format(n=minutes)
        return self.tr("About {h} h {m} min left").format(h=minutes // 60, m=minutes % 60)

    def summary(self, progress: BatchProgress | None, cancelled: bool) -> str:
        """The status-bar sentence at the end of a batch. Each count agrees with its own words
        ("1 analysé", "3 analysés"): a sentence holding four counts has no single number."""
        counts = progress.by_status if progress is not None else {}
        done = progress.done if progress is not None else 0
        cached = progress.from_log if progress is not None else 0
        ok, rejected = counts.get(Status.OK, 0), counts.get(Status.REJECTED, 0)
        error = counts.get(Status.ERROR, 0)
        # The same English for one and many: the disambiguation keeps them apart for languages
        # whose words agree with the count.
        text = self.tr("{files}: {screened}, {rejected}, {errors} ({cached}).").format(
            files=count_text(done, self.tr("{n} file"), self.tr("{n} files")),
            screened=count_text(
                ok, self.tr("{n} screened", "one"), self.tr("{n} screened", "many")
            ),
            rejected=count_text(
                rejected, self.tr("{n} rejected", "one"), self.tr("{n} rejected", "many")
            ),
            errors=count_text(
                error,
                self.tr("{n} could not be read", "one"),
                self.tr("{n} could not be read", "many"),
            ),
            cached=count_text(
                cached,
                self.tr("{n} answered from the log", "one"),
                self.tr("{n} answered from the log", "many"),
            ),
        )
        return self.tr("Cancelled; the results so far are kept. ") + text if cancelled else text
