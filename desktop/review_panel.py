"""The clinician's review of the selected result: four decisions, a note, who, and the history.

A review is what makes the log more than the model's opinion: the clinician's decision is kept
beside the model's, with who decided and when, and a correction adds a row rather than replacing
one. Reviewing a batch must be fast, so each decision has a key (1-4, shown on its button) that
works wherever the focus is in the window (the table included), and the window then moves to the
next unreviewed row. The reviewer's name is remembered on this computer and asked for once.

The panel only builds the `Review`; the window stores it (`ReviewStore`, off the GUI thread).
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.result import ScreeningResult
from core.review import Review, ReviewDecision
from desktop import settings
from desktop.labels import decision_text, local_time

#: The decisions in the order of their buttons and keys (1-4).
DECISIONS: tuple[ReviewDecision, ...] = (
    ReviewDecision.PNEUMONIA,
    ReviewDecision.NO_PNEUMONIA,
    ReviewDecision.OTHER_FINDING,
    ReviewDecision.NOT_ASSESSABLE,
)
HISTORY_ROWS_SHOWN = 3


class ReviewPanel(QGroupBox):
    """Review controls for one result; `review_made` carries a `Review` (not yet stored)."""

    review_made = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Clinician's review"), parent)
        self.setObjectName("reviewPanel")
        self._result: ScreeningResult | None = None
        self._history: list[Review] = []
        self._waiting: ReviewDecision | None = None  # a decision waiting for the reviewer's name
        self._writable = True
        self.name_dialog: QInputDialog | None = None
        self._make_actions()
        self._build()
        self.reviewer.setText(str(settings.app_settings().value(settings.REVIEWER, "") or ""))
        self.show_result(None)

    # -- public --------------------------------------------------------------------------------

    def decision_actions(self) -> list[QAction]:
        """One action per decision, keys 1-4: the window adds them so the keys work anywhere."""
        return list(self._actions.values())

    def action_for(self, decision: ReviewDecision) -> QAction:
        return self._actions[decision]

    def button_for(self, decision: ReviewDecision) -> QToolButton:
        return self._buttons[decision]

    def set_writable(self, writable: bool) -> None:
        """False for a log opened read-only: the history is shown, no decision can be made."""
        self._writable = writable
        self.show_result(self._result)

    def show_result(self, result: ScreeningResult | None) -> None:
        """Review `result` next (None: nothing selected); its history follows (`show_history`)."""
        self._result = result
        self._history = []
        can_review = self._writable and result is not None and result.id is not None
        for action in self._actions.values():
            action.setEnabled(can_review)
        self.note.setEnabled(can_review)
        self._show_history()

    def show_history(self, result_id: int, reviews: list[Review]) -> None:
        """The stored reviews of `result_id`, oldest first; ignored if another row is shown now.
        Reviews saved meanwhile (already shown) are kept, so no row flickers away."""
        if self._result is None or self._result.id != result_id:
            return
        known = {review.id for review in reviews}
        self._history = sorted(
            [*reviews, *(r for r in self._history if r.id not in known)], key=_review_order
        )
        self._show_history()

    def add_review(self, review: Review) -> None:
        """A review just stored: shown as the latest, and added to the history."""
        if self._result is None or self._result.id != review.result_id:
            return
        if all(shown.id != review.id for shown in self._history):
            self._history = sorted([*self._history, review], key=_review_order)
        self._show_history()

    def history(self) -> list[Review]:
        return list(self._history)

    def reviewer_name(self) -> str:
        return self.reviewer.text().strip()

    def decide(self, decision: ReviewDecision) -> None:
        """Record `decision` for the shown result (what a button and a key do). Without a
        reviewer's name, the name is asked for first."""
        if self._result is None or self._result.id is None:
            return
        if not self.reviewer_name():
            self._ask_name(decision)
            return
        review = Review(
            result_id=self._result.id,
            decision=decision,
            reviewer=self.reviewer_name(),
            reviewed_at=datetime.now().astimezone(),
            note=self.note.text().strip(),
        )
        self.note.clear()
        self.review_made.emit(review)

    # -- building ------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self._actions: dict[ReviewDecision, QAction] = {}
        for key, decision in enumerate(DECISIONS, start=1):
            action = QAction(decision_text(decision), self)
            action.setShortcut(QKeySequence(str(key)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setIconText(self.tr("{key}  {decision}").format(key=key, decision=action.text()))
            action.setToolTip(
                self.tr("Record the clinician's decision: {decision} (key {key})").format(
                    decision=action.text(), key=key
                )
            )
            action.triggered.connect(lambda _=False, chosen=decision: self.decide(chosen))
            self._actions[decision] = action

    def _build(self) -> None:
        self._buttons: dict[ReviewDecision, QToolButton] = {}
        buttons = QGridLayout()
        buttons.setSpacing(4)
        for position, (decision, action) in enumerate(self._actions.items()):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"decide_{decision.value}")
            self._buttons[decision] = button
            buttons.addWidget(button, position // 2, position % 2)

        self.note = QLineEdit(clearButtonEnabled=True)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Review note"))
        self.reviewer = QLineEdit()
        self.reviewer.setPlaceholderText(self.tr("Your name"))
        self.reviewer.setAccessibleName(self.tr("Reviewer's name"))
        self.reviewer.setToolTip(self.tr("Saved with each decision; remembered on this computer"))
        self.reviewer.editingFinished.connect(self._remember_name)
        fields = QHBoxLayout()
        fields.addWidget(self.note, 3)
        reviewer_caption = QLabel(self.tr("Revi&ewer:"))
        reviewer_caption.setBuddy(self.reviewer)
        fields.addWidget(reviewer_caption)
        fields.addWidget(self.reviewer, 2)

        self.latest = QLabel(wordWrap=True, objectName="latestReview")
        self.history_view = QTreeWidget()
        self.history_view.setRootIsDecorated(False)
        self.history_view.setHeaderLabels(
            [self.tr("When"), self.tr("Reviewer"), self.tr("Decision"), self.tr("Note")]
        )
        self.history_view.setAccessibleName(self.tr("Review history"))
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.history_view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        row_height = self.fontMetrics().height() + 6
        self.history_view.setFixedHeight(row_height * (HISTORY_ROWS_SHOWN + 1) + 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addLayout(fields)
        layout.addWidget(self.latest)
        layout.addWidget(self.history_view)

    # -- showing -------------------------------------------------------------------------------

    def _show_history(self) -> None:
        self.history_view.clear()
        for review in reversed(self._history):  # newest on top, where the eye lands
            self.history_view.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        local_time(review.reviewed_at),
                        review.reviewer,
                        decision_text(review.decision),
                        review.note,
                    ]
                )
            )
        self.history_view.setVisible(bool(self._history))
        if self._result is None:
            self.latest.setText(self.tr("Select a row to review it."))
        elif not self._history:
            self.latest.setText(self.tr("Not reviewed yet. Press 1-4 to record a decision."))
        else:
            latest = self._history[-1]
            self.latest.setText(
                self.tr("<b>Reviewed:</b> {decision}, by {reviewer}, {time}").format(
                    decision=decision_text(latest.decision),
                    reviewer=escape(latest.reviewer),
                    time=local_time(latest.reviewed_at),
                )
            )

    # -- the reviewer's name -------------------------------------------------------------------

    def _remember_name(self) -> None:
        store = settings.app_settings()
        store.setValue(settings.REVIEWER, self.reviewer_name())
        store.sync()

    def _ask_name(self, decision: ReviewDecision) -> None:
        """Ask who is reviewing (window-modal, not blocking); the decision follows the answer."""
        self._waiting = decision
        if self.name_dialog is None:
            dialog = QInputDialog(self, objectName="reviewerNameDialog")
            dialog.setWindowTitle(self.tr("Who is reviewing?"))
            dialog.setLabelText(
                self.tr(
                    "Your name is saved with each decision, so the log shows who decided what. "
                    "It is remembered on this computer; change it in the review panel."
                )
            )
            dialog.textValueSelected.connect(self._name_given)
            self.name_dialog = dialog
        self.name_dialog.setTextValue("")
        self.name_dialog.open()

    def _name_given(self, name: str) -> None:
        decision, self._waiting = self._waiting, None
        if not name.strip():
            return
        self.reviewer.setText(name.strip())
        self._remember_name()
        if decision is not None:
            self.decide(decision)


def _review_order(review: Review) -> tuple[datetime, int]:
    return review.reviewed_at, review.id or 0
