"""The filtered, sorted view of the results: scope, search text, label, status, date and review.

A `QSortFilterProxyModel` so the table's rows, the "export filtered rows" choice and the tests all
read one definition of "filtered". Sorting uses the model's `SORT_ROLE`, so scores sort as numbers.

Filter values are taken by value, not identity: a combo box hands its item data back as a plain
string (PySide6 turns a `StrEnum` into `str`), so every setter converts to the enum it stands for.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from core.result import Label, ScreeningResult, Status
from core.review import Review, disagrees
from desktop.reason_texts import reason_short_text, reason_text
from desktop.results_model import RESULT_ROLE, REVIEW_ROLE, SORT_ROLE, ResultsModel


class ReviewFilter(enum.StrEnum):
    """Which rows to keep by their clinician's review."""

    NOT_REVIEWED = "not_reviewed"
    DISAGREES = "disagrees"  # the reviewer's decision contradicts the model's label


class Scope(enum.StrEnum):
    """Which screenings the table shows: the latest batch, today's, or the whole log."""

    BATCH = "batch"
    TODAY = "today"
    ALL = "all"


class ResultsFilter(QSortFilterProxyModel):
    """Rows of a `ResultsModel` that match every filter that is set (None means "any")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._search = ""
        self._label: Label | None = None
        self._status: Status | None = None
        self._since: date | None = None
        self._review: ReviewFilter | None = None
        self._scope = Scope.ALL
        self._batch: set[int] = set()  # result ids of the latest batch

    def set_search(self, text: str) -> None:
        """Keep rows whose file path, patient ID or reason contains `text` (any case)."""
        self._changed(lambda: setattr(self, "_search", text.strip().casefold()))

    def set_label(self, label: Label | str | None) -> None:
        value = None if label is None else Label(label)
        self._changed(lambda: setattr(self, "_label", value))

    def set_status(self, status: Status | str | None) -> None:
        value = None if status is None else Status(status)
        self._changed(lambda: setattr(self, "_status", value))

    def set_review(self, review: ReviewFilter | str | None) -> None:
        """Keep rows nobody has reviewed yet, or rows whose reviewer disagrees with the model."""
        value = None if review is None else ReviewFilter(review)
        self._changed(lambda: setattr(self, "_review", value))

    def set_since(self, since: date | None) -> None:
        """Keep rows screened on or after `since`, dated where they were screened (as the log's
        and the command line's `--since` do)."""
        self._changed(lambda: setattr(self, "_since", since))

    def set_scope(self, scope: Scope | str) -> None:
        """Show the latest batch, today's screenings (this computer's date), or everything."""
        value = Scope(scope)
        self._changed(lambda: setattr(self, "_scope", value))

    def scope(self) -> Scope:
        return self._scope

    def start_batch(self) -> None:
        """A new batch begins: "This batch" now means the results that arrive from here on."""
        self._changed(self._batch.clear)

    def add_to_batch(self, result_id: int | None) -> None:
        """Count `result_id` in the latest batch; call before its row reaches the model, so the
        row is filtered in as it is inserted."""
        if result_id is not None:
            self._batch.add(result_id)

    def is_filtered(self) -> bool:
        """Whether any filter is set, i.e. the shown rows may be fewer than all rows."""
        return (
            bool(self._search)
            or self._scope is not Scope.ALL
            or any(
                value is not None
                for value in (self._label, self._status, self._since, self._review)
            )
        )

    def results(self) -> list[ScreeningResult]:
        """The shown rows' results, in the order shown."""
        return [self.index(row, 0).data(RESULT_ROLE) for row in range(self.rowCount())]

    def next_unreviewed(self, after: int, pending: Collection[int] = ()) -> int | None:
        """The first row below `after` (then from the top) whose result has no review and is not
        among `pending` (result ids whose review is being saved); None when every row has one."""
        rows = self.rowCount()
        for step in range(1, rows + 1):
            row = (after + step) % rows
            index = self.index(row, 0)
            result = index.data(RESULT_ROLE)
            if row != after and index.data(REVIEW_ROLE) is None and result.id not in pending:
                return row
        return None

    def accepts(self, result: ScreeningResult, review: Review | None = None) -> bool:
        """Whether `result`, with its latest `review` (None: not reviewed), passes every filter."""
        if self._scope is Scope.BATCH and result.id not in self._batch:
            return False
        if self._scope is Scope.TODAY and result.screened_at.astimezone().date() != date.today():
            return False
        if self._label is not None and result.label != self._label:
            return False
        if self._status is not None and result.status != self._status:
            return False
        if self._review is ReviewFilter.NOT_REVIEWED and review is not None:
            return False
        if self._review is ReviewFilter.DISAGREES and (
            review is None or not disagrees(result, review)
        ):
            return False
        if self._since is not None and result.screened_at.date() < self._since:
            return False
        if self._search:
            patient = (result.patient_name or "", result.patient_id or "")
            # The English sentence and the words the table shows, so a search in the window's
            # language finds what the user reads there.
            reasons = (result.reason, reason_short_text(result), reason_text(result))
            haystack = "\n".join((result.file, *patient, *reasons))
            return self._search in haystack.casefold()
        return True

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ResultsModel):
            return True
        return self.accepts(model.result(source_row), model.review(source_row))

    def _changed(self, apply) -> None:
        """Change a filter and re-filter, with the API the running Qt offers (6.9 added
        begin/endFilterChange; older versions only have invalidateRowsFilter)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateRowsFilter()
