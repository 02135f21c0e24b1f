"""Search box and filters above the table: scope, text, label, status, review, "screened since".

The bar only sets the filter proxy's fields; what "filtered" means lives in `ResultsFilter`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate, QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.result import Label, Status
from desktop.labels import label_text, status_text
from desktop.results_filter import ResultsFilter, ReviewFilter, Scope


class SearchBox(QLineEdit):
    """A line edit that leaves the window's own shortcuts to the window.

    A line edit claims some keys for editing before any shortcut sees them (on Linux, Ctrl+E
    moves to the end of the line), so Ctrl+E did not export while the cursor was in the search
    box. The keys given to `let_through` are declined here and reach their action.
    """

    def __init__(self) -> None:
        super().__init__(clearButtonEnabled=True)
        self._window_keys: list[QKeySequence] = []

    def let_through(self, sequences: Iterable[QKeySequence]) -> None:
        self._window_keys = [seq for seq in sequences if not seq.isEmpty()]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(
                seq.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for seq in self._window_keys
            ):
                event.ignore()  # not ours: the shortcut map gives it to the window's action
                return False
        return super().event(event)


class FilterBar(QWidget):
    """Controls bound to a `ResultsFilter`; `search` is public so Ctrl+F can focus it."""

    def __init__(self, proxy: ResultsFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Show"))
        self.scope.setToolTip(self.tr("Show the latest batch, today's screenings or all of them"))
        for text, scope in (
            (self.tr("This batch"), Scope.BATCH),
            (self.tr("Today"), Scope.TODAY),
            (self.tr("All"), Scope.ALL),
        ):
            self.scope.addItem(text, scope)
        self.scope.setCurrentIndex(self.scope.findData(proxy.scope()))
        self._batch_item().setEnabled(False)  # until a batch has been screened
        self.scope.currentIndexChanged.connect(lambda _: proxy.set_scope(self.scope.currentData()))
        self.search = SearchBox()
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

        # So the bar fits the left pane of a 1024-pixel-wide laptop screen: what to show and the
        # search on top, the narrowing filters below, each under its caption (beside them, the
        # captions of longer languages left the boxes too narrow for "All ...").
        top, bottom = QHBoxLayout(), QGridLayout()
        caption = QLabel(self.tr("Sh&ow:"))
        caption.setBuddy(self.scope)
        top.addWidget(caption)
        top.addWidget(self.scope)
        top.addWidget(self.search, 3)
        top.addWidget(self.since_box)
        top.addWidget(self.since)
        bottom.setVerticalSpacing(0)
        for column, (text, widget) in enumerate(
            (
                (self.tr("&Label:"), self.label),
                (self.tr("S&tatus:"), self.status),
                (self.tr("Revie&w:"), self.review),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            bottom.addWidget(caption, 0, column)
            bottom.addWidget(widget, 1, column)
            bottom.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box, ready to replace what is there."""
        self.search.setFocus()
        self.search.selectAll()

    def show_batch(self) -> None:
        """A batch has begun: show it ("This batch"), as it fills in."""
        self._proxy.start_batch()
        self._batch_item().setEnabled(True)
        self.scope.setCurrentIndex(self.scope.findData(Scope.BATCH))

    def _batch_item(self):
        model = self.scope.model()
        assert isinstance(model, QStandardItemModel)
        return model.item(self.scope.findData(Scope.BATCH))

    def _apply_since(self) -> None:
        since = self.since.date().toPython() if self.since_box.isChecked() else None
        self._proxy.set_since(since)
