"""The window's report commands: File > Print report… (Ctrl+P) and File > Day summary report….

Each opens a small dialog with the clinic's name (a setting, printed at the top of every report)
and two ways out: Print… through the system's print dialog, or Save as PDF…. Printing needs Qt's
print support (QtPrintSupport, part of PySide6-Essentials); where it is missing, as in a bundle
built without it, the Print button is hidden and Save as PDF remains.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.output_guard import CsvDestinationError, check_csv_destination
from core.paths import data_dir
from desktop import settings
from desktop.errors import show_exception
from desktop.report import ReportInput, read_film, report_title, result_document
from desktop.report_pages import render, write_pdf
from desktop.report_settings import clinic_name, set_clinic_name
from desktop.report_summary import (
    counts_sentence,
    day_counts,
    day_summary_document,
    results_of_day,
)

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

translate = QCoreApplication.translate

#: Builds the report's documents for the clinic name typed in the dialog.
DocumentMaker = Callable[[str], list[QTextDocument]]


def printing_available() -> bool:
    """Whether Qt's print support can be loaded here."""
    try:
        from PySide6 import QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


def ask_pdf_path(parent: QWidget, suggested_name: str) -> Path | None:
    """Where to save the PDF (the native save dialog, in the last export folder), or None."""
    store = settings.app_settings()
    folder = settings.read_folder(store, settings.LAST_EXPORT_FOLDER)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ReportDialog", "Save the report as PDF"),
        str(Path(folder) / suggested_name),
        translate("ReportDialog", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name) if Path(name).suffix else Path(name).with_suffix(".pdf")
    store.setValue(settings.LAST_EXPORT_FOLDER, str(path.parent))
    return path


def print_documents(
    parent: QWidget, documents: list[QTextDocument], one_page_each: bool = False
) -> bool:
    """Ask for a printer (the system's print dialog) and print `documents`; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render(printer, documents, one_page_each)
    return True


class ReportDialog(QDialog):
    """The clinic's name, an optional chooser above it, and Print… / Save as PDF… / Close.

    `saved(path, pages)` follows a PDF written; `printed()` a report sent to the printer.
    """

    saved = Signal(object, int)
    printed = Signal()

    def __init__(
        self,
        title: str,
        make_documents: DocumentMaker,
        file_name: Callable[[], str],
        parent: QWidget | None = None,
        one_page_each: bool = False,
    ) -> None:
        super().__init__(parent)
        self._one_page_each = one_page_each
        self.setWindowTitle(title)
        self.setObjectName("reportDialog")
        self._make_documents = make_documents
        self._file_name = file_name
        self.form = QFormLayout()
        self.clinic = QLineEdit(clinic_name(), objectName="clinicName")
        self.clinic.setPlaceholderText(self.tr("e.g. Kisumu District Clinic"))
        self.form.addRow(self.tr("&Clinic name:"), self.clinic)
        self.summary = QLabel(wordWrap=True, objectName="reportSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printReport")
        self.save_button = QPushButton(self.tr("&Save as PDF…"), objectName="saveReport")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setVisible(printing_available())
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def documents(self) -> list[QTextDocument]:
        """The report's pages for the clinic name typed now (which is remembered)."""
        set_clinic_name(self.clinic.text())
        return self._make_documents(self.clinic.text())

    def save_pdf(self) -> None:
        path = ask_pdf_path(self, self._file_name())
        if path is None:
            return
        try:
            check_csv_destination(path, [], data_dir())
            pages = write_pdf(path, self.documents(), self.windowTitle(), self._one_page_each)
        except CsvDestinationError as exc:
            show_exception(self, exc)
            return
        except OSError as exc:
            show_exception(self, exc)
            return
        self.saved.emit(path, pages)
        self.accept()

    def print_report(self) -> None:
        if print_documents(self, self.documents(), self._one_page_each):
            self.printed.emit()
            self.accept()


def open_result_report(window: MainWindow) -> ReportDialog | None:
    """The report dialog for the result shown in the detail pane (nothing when none is)."""
    result = window.detail.result()
    if result is None:
        window.statusBar().showMessage(
            translate("ReportDialog", "Select a result to print its report.")
        )
        return None
    review = window.model.latest_reviews().get(result.id) if result.id is not None else None
    shown = getattr(window.detail, "shown_image", lambda: None)()

    def make(clinic: str) -> list[QTextDocument]:
        image, problem = (shown, "") if shown is not None else read_film(result)
        page = ReportInput(result, review, image, problem)
        return [result_document(page, clinic, datetime.now().astimezone())]

    dialog = ReportDialog(
        translate("ReportDialog", "Print report"),
        make,
        lambda: f"pneumoscreen-report-{Path(result.file).stem}.pdf",
        window,
        one_page_each=True,
    )
    dialog.summary.setText(report_title(result))
    return _opened(window, dialog)


def open_day_summary(window: MainWindow) -> ReportDialog:
    """The day summary dialog, on the latest day with results (today when there are none)."""
    results = list(window.model.results())
    latest = max((r.screened_at.date() for r in results), default=date.today())
    day_edit = QDateEdit(QDate(latest.year, latest.month, latest.day), objectName="reportDay")
    day_edit.setCalendarPopup(True)
    day_edit.setDisplayFormat("yyyy-MM-dd")

    def chosen_day() -> date:
        return day_edit.date().toPython()

    def make(clinic: str) -> list[QTextDocument]:
        day = chosen_day()
        films = results_of_day(window.model.results(), day)
        reviews = window.model.latest_reviews()
        return [day_summary_document(day, films, reviews, clinic, datetime.now().astimezone())]

    dialog = ReportDialog(
        translate("ReportDialog", "Day summary report"),
        make,
        lambda: f"pneumoscreen-day-{chosen_day().isoformat()}.pdf",
        window,
    )
    dialog.form.insertRow(0, translate("ReportDialog", "&Day:"), day_edit)
    dialog.day = day_edit

    def recount() -> None:
        films = results_of_day(window.model.results(), chosen_day())
        dialog.summary.setText(counts_sentence(day_counts(films, window.model.latest_reviews())))

    day_edit.dateChanged.connect(lambda _: recount())
    recount()
    return _opened(window, dialog)


def _opened(window: MainWindow, dialog: ReportDialog) -> ReportDialog:
    dialog.saved.connect(
        lambda path, pages: window.statusBar().showMessage(
            translate("ReportDialog", "Report saved: {pages} page(s) in {path}").format(
                pages=pages, path=path
            )
        )
    )
    dialog.printed.connect(
        lambda: window.statusBar().showMessage(translate("ReportDialog", "Report printed."))
    )
    window.report_dialog = dialog  # kept for tests and so only one is open at a time
    dialog.open()
    return dialog


def connect_report_actions(window: MainWindow) -> None:
    """Wire File > Print report… and File > Day summary report… into `window`; Print report is
    enabled while a result is shown."""
    commands = window.commands
    commands.print_report.triggered.connect(lambda: open_result_report(window))
    commands.day_summary.triggered.connect(lambda: open_day_summary(window))

    def update() -> None:
        commands.print_report.setEnabled(window.detail.result() is not None)

    window.table.selectionModel().currentRowChanged.connect(lambda *_: update())
    window.model.modelReset.connect(update)
    update()
