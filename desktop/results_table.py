"""The results table's view: thumbnails, sortable columns, whole-row selection.

Only presentation lives here; rows come from `ResultsFilter` over `ResultsModel`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.result import ScreeningResult
from desktop.imaging import THUMBNAIL_SIDE
from desktop.results_filter import ResultsFilter
from desktop.results_model import (
    COL_FILE,
    COL_LABEL,
    COL_PATIENT,
    COL_REVIEW,
    COL_SCORE,
    COL_STATUS,
    COL_THUMB,
    COL_TIME,
    RESULT_ROLE,
)

_WIDTHS = {
    COL_PATIENT: 90,
    COL_SCORE: 52,
    COL_LABEL: 140,
    COL_STATUS: 100,
    COL_TIME: 118,
    COL_REVIEW: 130,
}


class ResultsTable(QTableView):
    """Newest first by default; drops fall through to the window, which takes them anywhere."""

    def __init__(self, proxy: ResultsFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setAccessibleName(self.tr("Screening results"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the end of long file names
        self.setIconSize(QSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        self.setAcceptDrops(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(THUMBNAIL_SIDE + 6)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_THUMB, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_THUMB, THUMBNAIL_SIDE + 8)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.setSortingEnabled(True)
        self.sortByColumn(COL_TIME, Qt.SortOrder.DescendingOrder)
        self.setTabKeyNavigation(False)  # Tab leaves the table, so the keyboard reaches the rest

    def selected_rows(self) -> list[int]:
        """Selected rows as rows of the proxy, top to bottom."""
        return sorted(index.row() for index in self.selectionModel().selectedRows())

    def select_row(self, row: int) -> None:
        """Make `row` (as sorted and filtered) the current, selected row, scrolled into view."""
        index = self.model().index(row, 0)
        if index.isValid():
            self.selectRow(row)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def selected_results(self) -> list[ScreeningResult]:
        """The selected rows' results, top to bottom as shown."""
        return [self.model().index(row, 0).data(RESULT_ROLE) for row in self.selected_rows()]

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(sum(_WIDTHS.values()) + 260, 400)
