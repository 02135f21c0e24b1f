"""Search box and filters above the table: text, label, status, review, and "screened since".

The bar only sets the filter proxy's fields; what "filtered" means lives in `ResultsFilter`.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.result import Label, Status
from desktop.labels import label_text, status_text
from desktop.results_filter import ResultsFilter, ReviewFilter


class FilterBar(QWidget):
    """Controls bound to a `ResultsFilter`; `search` is public so Ctrl+F can focus it."""

    def __init__(self, proxy: ResultsFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setToolTip(self.tr("Search file names, patient IDs and reasons"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.textChanged.connect(proxy.set_search)

        self.label = QComboBox()
        self.label.addItem(self.tr("All labels"), None)
        for label in (Label.PNEUMONIA, Label.NORMAL):
            self.label.addItem(label_text(label), label)
        self.label.currentIndexChanged.connect(lambda _: proxy.set_label(self.label.currentData()))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status.addItem(status_text(status), status)
        self.status.currentIndexChanged.connect(
            lambda _: proxy.set_status(self.status.currentData())
        )

        self.review = QComboBox()
        self.review.addItem(self.tr("All reviews"), None)
        self.review.addItem(self.tr("Not yet reviewed"), ReviewFilter.NOT_REVIEWED)
        self.review.addItem(self.tr("Reviewer disagrees with the model"), ReviewFilter.DISAGREES)
        self.review.setToolTip(self.tr("Show results by their clinician's review"))
        # Closed boxes may elide their longest item, so the search box keeps room to type.
        self.search.setMinimumWidth(120)
        for combo, letters in ((self.label, 8), (self.status, 8), (self.review, 10)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        self.review.currentIndexChanged.connect(
            lambda _: proxy.set_review(self.review.currentData())
        )

        self.since_box = QCheckBox(self.tr("S&ince"))
        self.since = QDateEdit(QDate.currentDate(), calendarPopup=True, enabled=False)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("Screened since"))
        self.since_box.toggled.connect(self.since.setEnabled)
        self.since_box.toggled.connect(lambda _: self._apply_since())
        self.since.dateChanged.connect(lambda _: self._apply_since())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for text, widget in (
            (self.tr("&Label:"), self.label),
            (self.tr("S&tatus:"), self.status),
            (self.tr("Revie&w:"), self.review),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
        layout.addWidget(self.since_box)
        layout.addWidget(self.since)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box, ready to replace what is there."""
        self.search.setFocus()
        self.search.selectAll()

    def _apply_since(self) -> None:
        since = self.since.date().toPython() if self.since_box.isChecked() else None
        self._proxy.set_since(since)
