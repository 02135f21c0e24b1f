"""The results table's model: one row per logged result, tested without a view (Vorta style).

Columns and roles are named so the view, the filter and the tests agree. The model is the log as
the window knows it: filled from `ResultLog.results()` at start-up and extended with each outcome
as it arrives, so the table after a restart is the table before it. Rows are only ever added or
updated, never removed, so a row number stays valid. Beside each result it keeps the latest
clinician's review (`ResultLog.latest_reviews()`, then each review as it is saved), which the
Review column shows and the review filters read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage

from core.result import Label, ScreeningResult, Status, format_score
from core.review import Review, disagrees
from desktop.labels import (
    PROBLEM_COLOURS,
    colours,
    decision_short_text,
    decision_text,
    label_text,
    local_time,
    status_text,
)
from desktop.patient_text import PATIENT_WARNING_ROLES, patient_cell_text, patient_warning_data
from desktop.reason_texts import reason_short_text, reason_tooltip

COL_THUMB, COL_FILE, COL_PATIENT, COL_SCORE, COL_LABEL, COL_STATUS, COL_TIME, COL_REVIEW = range(8)
#: Why a rejected or unreadable file got no score, in short (the whole sentence is its tooltip).
#: Last in the model so the other columns keep their numbers; the view shows it beside Status.
COL_REASON = 8
COLUMN_COUNT = 9

#: The value the proxy sorts by: a number or casefolded text, so sorting never compares text
#: where a number is meant ("9.5" > "10.0").
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The whole `ScreeningResult` of a row.
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's latest `Review`, or None while nobody has reviewed it.
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 2

_LABEL_ORDER = {Label.NORMAL: 1, Label.PNEUMONIA: 2}
_STATUS_ORDER = {Status.OK: 0, Status.REJECTED: 1, Status.ERROR: 2}
_ModelIndex = QModelIndex | QPersistentModelIndex
#: Columns whose first header click sorts highest first (score, most severe label, newest).
_HIGHEST_FIRST = (COL_SCORE, COL_LABEL, COL_TIME)


class ThumbnailSource(Protocol):
    """Where the model gets thumbnails: returns None until one is ready (then asks again)."""

    def get(self, file: str) -> QImage | None: ...


class ResultsModel(QAbstractTableModel):
    """The log's results as a table; `thumbnails` is optional so tests need no image loading."""

    def __init__(self, thumbnails: ThumbnailSource | None = None, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ScreeningResult] = []
        self._row_of_id: dict[int, int] = {}
        self._rows_of_file: dict[str, list[int]] = {}
        self._reviews: dict[int, Review] = {}
        self._thumbnails = thumbnails
        self._headers = (
            self.tr("Image"),
            self.tr("File"),
            self.tr("Patient"),
            self.tr("Score"),
            self.tr("Label"),
            self.tr("Status"),
            self.tr("Screened"),
            self.tr("Review"),
            self.tr("Reason"),
        )

    # -- filling -------------------------------------------------------------------------------

    def reset(self, results: Iterable[ScreeningResult]) -> None:
        """Replace every row, e.g. with `ResultLog.results()` at start-up."""
        self.beginResetModel()
        self._rows, self._row_of_id, self._rows_of_file = [], {}, {}
        for result in results:
            self._index(result, len(self._rows))
            self._rows.append(result)
        self.endResetModel()

    def add(self, result: ScreeningResult) -> int:
        """Add a result, or update its row if the log already had it (a file screened before
        and answered from the log); returns the row."""
        row = self._row_of_id.get(result.id) if result.id is not None else None
        if row is not None:
            self._unindex_file(row)
            self._rows[row] = result
            self._index(result, row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
            return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._index(result, row)
        self._rows.append(result)
        self.endInsertRows()
        return row

    def set_reviews(self, reviews: dict[int, Review]) -> None:
        """Replace every row's latest review, e.g. with `ResultLog.latest_reviews()` at start-up."""
        self._reviews = dict(reviews)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )

    def set_review(self, review: Review) -> None:
        """A review just saved: it becomes its row's latest (a correction replaces the shown one;
        the log keeps both)."""
        self._reviews[review.result_id] = review
        row = self._row_of_id.get(review.result_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def thumbnail_ready(self, file: str) -> None:
        """Repaint the thumbnail of every row showing `file`."""
        for row in self._rows_of_file.get(file, ()):
            index = self.index(row, COL_THUMB)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # -- reading -------------------------------------------------------------------------------

    def result(self, row: int) -> ScreeningResult:
        return self._rows[row]

    def results(self) -> Sequence[ScreeningResult]:
        """Every row, oldest first, as the log orders them."""
        return tuple(self._rows)

    def row_of_id(self, result_id: int) -> int | None:
        return self._row_of_id.get(result_id)

    def latest_reviews(self) -> dict[int, Review]:
        """Result id -> latest review, as the table shows them (for the CSV's review columns)."""
        return dict(self._reviews)

    def review(self, row: int) -> Review | None:
        """The latest review of `row`'s result, None while it has none."""
        result_id = self._rows[row].id
        return None if result_id is None else self._reviews.get(result_id)

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole and section in _HIGHEST_FIRST:
            # The header's first click on these sorts highest first: the films to act on on top.
            return Qt.SortOrder.DescendingOrder
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        result, column = self._rows[index.row()], index.column()
        if role == REVIEW_ROLE:
            return self.review(index.row())
        if column == COL_REVIEW and role != SORT_ROLE:
            return self._review_data(result, self.review(index.row()), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(result, column)
        if role == SORT_ROLE and column == COL_REVIEW:
            review = self.review(index.row())
            return "" if review is None else decision_short_text(review.decision).casefold()
        if role == SORT_ROLE:
            return _sort_key(result, column)
        if role == RESULT_ROLE:
            return result
        if role == Qt.ItemDataRole.DecorationRole and column == COL_THUMB:
            return None if self._thumbnails is None else self._thumbnails.get(result.file)
        if column == COL_PATIENT and role in PATIENT_WARNING_ROLES:
            return patient_warning_data(result, role)  # a film outside the validated ages
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_THUMB, COL_FILE):
                return result.file
            return reason_tooltip(result) or None
        if column == COL_LABEL or (
            column in (COL_STATUS, COL_REASON) and result.status is not Status.OK
        ):
            if role == Qt.ItemDataRole.BackgroundRole:
                return colours(result)[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return colours(result)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _review_data(self, result: ScreeningResult, review: Review | None, role: int) -> Any:
        """The Review column: the latest decision in short; a disagreement with the model is said
        in words and marked in the problem colours, so it stands out without colour alone."""
        if review is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        against = disagrees(result, review)
        if role == Qt.ItemDataRole.DisplayRole:
            text = decision_short_text(review.decision)
            return self.tr("{decision} \u2260 model").format(decision=text) if against else text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{decision}, by {reviewer}, {time}").format(
                decision=decision_text(review.decision),
                reviewer=review.reviewer,
                time=local_time(review.reviewed_at),
            )
            if against:
                tip += "\n" + self.tr("The reviewer disagrees with the model.")
            return tip
        if against and role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_COLOURS[0]
        if against and role == Qt.ItemDataRole.ForegroundRole:
            return PROBLEM_COLOURS[1]
        return None

    # -- bookkeeping ---------------------------------------------------------------------------

    def _index(self, result: ScreeningResult, row: int) -> None:
        if result.id is not None:
            self._row_of_id[result.id] = row
        self._rows_of_file.setdefault(result.file, []).append(row)

    def _unindex_file(self, row: int) -> None:
        rows = self._rows_of_file.get(self._rows[row].file, [])
        if row in rows:
            rows.remove(row)


def _display(result: ScreeningResult, column: int) -> str | None:
    if column == COL_FILE:
        return Path(result.file).name
    if column == COL_PATIENT:
        return patient_cell_text(result)
    if column == COL_SCORE:
        return format_score(result.score) if result.score is not None else "\u2013"
    if column == COL_LABEL:
        if result.status is not Status.OK:
            # No label to show: the cell says why instead, where the eye already looks (the
            # Reason column, further right, may be out of sight on a laptop screen).
            return reason_short_text(result)
        return label_text(result.label)
    if column == COL_STATUS:
        return status_text(result.status)
    if column == COL_TIME:
        return local_time(result.screened_at)
    if column == COL_REASON:
        return reason_short_text(result)
    return None


def _sort_key(result: ScreeningResult, column: int) -> float | str:
    """Rows without a score sort below every score; labels and statuses by severity."""
    if column == COL_FILE:
        return Path(result.file).name.casefold()
    if column == COL_PATIENT:
        return patient_cell_text(result).casefold()
    if column == COL_SCORE:
        return result.score if result.score is not None else -1.0
    if column == COL_LABEL:
        return _LABEL_ORDER.get(result.label, 0) if result.label is not None else 0
    if column == COL_STATUS:
        return _STATUS_ORDER[result.status]
    if column == COL_TIME:
        return result.screened_at.timestamp()
    if column == COL_REASON:
        return reason_short_text(result).casefold()
    return float(result.id or 0)
