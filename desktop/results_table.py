"""The results table's view: thumbnails, sortable columns, whole-row selection.

Only presentation lives here; rows come from `ResultsFilter` over `ResultsModel`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from core.result import ScreeningResult
from desktop.results_filter import ResultsFilter
from desktop.results_model import (
    COL_FILE,
    COL_LABEL,
    COL_PATIENT,
    COL_REASON,
    COL_REVIEW,
    COL_SCORE,
    COL_STATUS,
    COL_THUMB,
    COL_TIME,
    RESULT_ROLE,
)

#: A row's thumbnail, in logical pixels: small enough that a laptop's 600-pixel screen shows a
#: dozen rows, large enough to tell a chest film from a document. The detail pane shows it large.
ROW_THUMBNAIL = 28
#: The File column never gets narrower than this, so the end of a long name (its distinguishing
#: part: a patient number, a date, a view) stays readable; the columns right of it scroll instead.
MIN_FILE_WIDTH = 170
#: The share of a too-long file name's cell given to its end.
END_SHARE = 0.7

_WIDTHS = {
    COL_PATIENT: 150,  # "⚠ Jane Doe (P-17)": a name and an ID
    COL_SCORE: 52,
    COL_LABEL: 170,  # also the short reason of a row without a label
    COL_STATUS: 96,
    COL_REASON: 170,
    COL_TIME: 118,
    COL_REVIEW: 130,
}


class _ThumbnailDelegate(QStyledItemDelegate):
    """Draws a row's thumbnail at the view's icon size (an image's own size would set the row's
    height, as tall as the thumbnail cache makes them)."""

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            option.decorationSize = view.iconSize()


def elide_keeping_end(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` cut in the middle to fit `width` pixels, the end kept longer than the start: a
    file name's end (a patient number, a view, a series) tells films apart, its start (a clinic
    or date prefix) is shared by many."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    ellipsis = "\u2026"
    room = width - metrics.horizontalAdvance(ellipsis)
    end = metrics.elidedText(text, Qt.TextElideMode.ElideLeft, int(room * END_SHARE))
    end = end.removeprefix(ellipsis)
    start = ""
    for char in text[: len(text) - len(end)]:
        if metrics.horizontalAdvance(start + char + ellipsis + end) > width:
            break
        start += char
    return start + ellipsis + end


class _FileNameDelegate(QStyledItemDelegate):
    """Draws a file name elided by `elide_keeping_end` to the cell's width."""

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        view = self.parent()
        style = view.style() if isinstance(view, QWidget) else None
        if style is None or not option.text:
            return
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        option.text = elide_keeping_end(
            option.text, option.fontMetrics, text_rect.width() - 2 * margin - 1
        )


class ResultsTable(QTableView):
    """Newest first by default; drops fall through to the window, which takes them anywhere.

    The File column takes the room the other columns leave, never less than `MIN_FILE_WIDTH`,
    and elides long names in the middle, so their end stays in sight.
    """

    def __init__(self, proxy: ResultsFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setAccessibleName(self.tr("Screening results"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        # Reasons and names read from their start; file names keep their end, which tells them
        # apart, through `_FileNameDelegate`.
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(ROW_THUMBNAIL, ROW_THUMBNAIL))
        self.setItemDelegateForColumn(COL_THUMB, _ThumbnailDelegate(self))
        self.setItemDelegateForColumn(COL_FILE, _FileNameDelegate(self))
        self.setAcceptDrops(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(ROW_THUMBNAIL + 4)
        self.verticalHeader().setDefaultSectionSize(ROW_THUMBNAIL + 4)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_THUMB, QHeaderView.ResizeMode.Fixed)
        caption = str(self.model().headerData(COL_THUMB, Qt.Orientation.Horizontal) or "")
        caption_width = header.fontMetrics().horizontalAdvance(caption) + 16  # "Image", whole
        header.resizeSection(COL_THUMB, max(ROW_THUMBNAIL + 8, caption_width))
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        header.resizeSection(COL_FILE, MIN_FILE_WIDTH)
        # Why a film was refused reads best beside its status.
        header.moveSection(header.visualIndex(COL_REASON), header.visualIndex(COL_STATUS) + 1)
        header.sectionResized.connect(self._other_column_resized)
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
            # Explicit flags: `selectRow`/`setCurrentIndex` follow the keyboard's modifiers, so a
            # Ctrl held down (or left "down" by an earlier event) would toggle the row off again.
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index)

    def selected_results(self) -> list[ScreeningResult]:
        """The selected rows' results, top to bottom as shown."""
        return [self.model().index(row, 0).data(RESULT_ROLE) for row in self.selected_rows()]

    def fit_file_column(self) -> None:
        """Give the File column the width the other columns leave, at least `MIN_FILE_WIDTH`."""
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != COL_FILE and not header.isSectionHidden(column)
        )
        width = max(MIN_FILE_WIDTH, self.viewport().width() - others)
        if header.sectionSize(COL_FILE) != width:
            header.resizeSection(COL_FILE, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_file_column()

    def _other_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != COL_FILE:
            self.fit_file_column()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(sum(_WIDTHS.values()) + MIN_FILE_WIDTH, 400)
