"""Choosing what to export (all, filtered or selected rows) and where (the native save dialog).

`ask_export` is the whole conversation, one function, so the window's Export action stays short
and a test can stand in for the user by replacing it.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.csv_export import write_results_csv
from core.output_guard import CsvDestinationError, check_csv_destination
from core.paths import data_dir
from core.result import ScreeningResult
from core.review import Review
from desktop import settings
from desktop.worker import Task, TaskManager


class ExportScope(enum.Enum):
    ALL = "all"
    FILTERED = "filtered"
    SELECTED = "selected"


@dataclass(frozen=True)
class ExportCounts:
    """How many rows each choice would write; a choice with no rows cannot be picked."""

    all: int
    filtered: int
    selected: int
    is_filtered: bool


class ExportScopeDialog(QDialog):
    """Three radio buttons: every result in the log, the rows shown, or the rows selected; and
    whether to de-identify the file (file base names only, no patient names: for a district
    office that needs counts, not names)."""

    def __init__(self, counts: ExportCounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export CSV"))
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which results should go into the CSV file?")))
        choices = (
            (ExportScope.ALL, self.tr("&All results in the log ({n})"), counts.all),
            (
                ExportScope.FILTERED,
                self.tr("The rows &shown by the filters ({n})"),
                counts.filtered if counts.is_filtered else 0,
            ),
            (ExportScope.SELECTED, self.tr("The s&elected rows ({n})"), counts.selected),
        )
        self._buttons: dict[ExportScope, QRadioButton] = {}
        for scope, text, count in choices:
            button = QRadioButton(text.format(n=count), enabled=count > 0)
            self._group.addButton(button)
            self._buttons[scope] = button
            layout.addWidget(button)
        preferred = next(
            (scope for scope, _, count in reversed(choices) if count > 0), ExportScope.ALL
        )
        self._buttons[preferred].setChecked(True)
        self.deidentify = QCheckBox(
            self.tr("&De-identify: file names without folders, no patient names")
        )
        self.deidentify.setToolTip(
            self.tr("Every column stays, in order; the file column holds only the file's name.")
        )
        layout.addWidget(self.deidentify)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self) -> ExportScope:
        return next(s for s, b in self._buttons.items() if b.isChecked())


def default_file_name(today: date | None = None) -> str:
    """pneumoscreen-YYYY-MM-DD.csv: sorts by day in the health office's folder."""
    return f"pneumoscreen-{(today or date.today()).isoformat()}.csv"


def ask_export(parent: QWidget, counts: ExportCounts) -> tuple[ExportScope, Path, bool] | None:
    """Ask which rows, whether de-identified, and which file (starting in the last export
    folder); None if the user cancels either question."""
    dialog = ExportScopeDialog(counts, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    store = settings.app_settings()
    folder = settings.read_folder(store, settings.LAST_EXPORT_FOLDER)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Export results as CSV"),
        str(Path(folder) / default_file_name()),
        QCoreApplication.translate("ExportDialog", "CSV files (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    store.setValue(settings.LAST_EXPORT_FOLDER, str(path.parent))
    path = path if path.suffix else path.with_suffix(".csv")
    return dialog.scope(), path, dialog.deidentify.isChecked()


def start_export(
    tasks: TaskManager,
    results: list[ScreeningResult],
    path: Path,
    done: Callable[[Path, int], None],
    failed: Callable[[BaseException], None],
    reviews: Mapping[int, Review] | None = None,
    deidentify: bool = False,
) -> Task | None:
    """Write the CSV in the background (a USB stick can be slow); `done(path, rows)` follows.

    The destination is checked first, as the command line checks it: the result log, anything
    in the data folder, a folder, or one of the exported rows' own images is refused through
    `failed` (a message box), and nothing is written. `reviews` (result id -> latest review) fill
    the review columns. `deidentify`: file base names only and no patient names
    (`core.csv_export`).
    """
    try:
        destination = check_csv_destination(path, (result.file for result in results), data_dir())
    except CsvDestinationError as exc:
        failed(exc)
        return None

    def job(cancel: threading.Event) -> Iterator[int]:
        yield write_results_csv(results, destination, reviews, deidentify=deidentify)

    return tasks.run(job, on_item=lambda rows: done(path, rows), on_error=failed)
