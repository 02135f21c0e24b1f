"""The filtered, sorted view of the results: search text, label, status and date.

A `QSortFilterProxyModel` so the table's rows, the "export filtered rows" choice and the tests all
read one definition of "filtered". Sorting uses the model's `SORT_ROLE`, so scores sort as numbers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from core.result import Label, ScreeningResult, Status
from desktop.results_model import RESULT_ROLE, SORT_ROLE, ResultsModel


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

    def set_search(self, text: str) -> None:
        """Keep rows whose file path, patient ID or reason contains `text` (any case)."""
        self._changed(lambda: setattr(self, "_search", text.strip().casefold()))

    def set_label(self, label: Label | None) -> None:
        self._changed(lambda: setattr(self, "_label", label))

    def set_status(self, status: Status | None) -> None:
        self._changed(lambda: setattr(self, "_status", status))

    def set_since(self, since: date | None) -> None:
        """Keep rows screened on or after `since`, dated where they were screened (as the log's
        and the command line's `--since` do)."""
        self._changed(lambda: setattr(self, "_since", since))

    def is_filtered(self) -> bool:
        """Whether any filter is set, i.e. the shown rows may be fewer than all rows."""
        return bool(self._search) or any(
            value is not None for value in (self._label, self._status, self._since)
        )

    def results(self) -> list[ScreeningResult]:
        """The shown rows' results, in the order shown."""
        return [self.index(row, 0).data(RESULT_ROLE) for row in range(self.rowCount())]

    def accepts(self, result: ScreeningResult) -> bool:
        """Whether `result` passes every filter."""
        if self._label is not None and result.label is not self._label:
            return False
        if self._status is not None and result.status is not self._status:
            return False
        if self._since is not None and result.screened_at.date() < self._since:
            return False
        if self._search:
            haystack = "\n".join((result.file, result.patient_id or "", result.reason))
            return self._search in haystack.casefold()
        return True

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ResultsModel):
            return True
        return self.accepts(model.result(source_row))

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
