"""The main window: drop zone and results on the left, the selected result on the right.

It composes the parts and wires them: the table is the result log (read at start-up, extended as
outcomes arrive), screening runs through `ScreeningController`, reviews are stored through
`ReviewStore`, and every slow job goes through the one `TaskManager`. The threshold in force (the
model's, or the clinic's site threshold) is shown in the status bar and handed to the screening.
Failures reach the user only through `show_exception`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import ModelCardError, ResultLogError, SiteProfileError
from core.model_card import load_model_card
from core.paths import model_card_path
from core.population_check import screens_again_for_typed_age
from core.result import ScreeningResult, ThresholdSource
from core.result_log import ResultLog, open_result_log
from core.review import Review
from core.site_profile import ThresholdInForce
from desktop import export_dialog, file_dialogs
from desktop.about_dialog import AboutDialog
from desktop.actions import build_menus, build_toolbar, every_action, make_actions
from desktop.age_rule_dialog import add_age_rule_action
from desktop.batch import BatchProgress
from desktop.detail_pane import DetailPane
from desktop.drop_zone import DropZone, paths_from_mime
from desktop.errors import show_exception
from desktop.filter_bar import FilterBar
from desktop.labels import count_text, decision_text
from desktop.language_menu import add_language_menu
from desktop.performance_dialog import PerformanceDialog
from desktop.progress_panel import ProgressPanel
from desktop.report_dialog import ReportDialog, connect_report_actions
from desktop.results_filter import ResultsFilter
from desktop.results_model import RESULT_ROLE, ResultsModel
from desktop.results_table import ResultsTable
from desktop.review_store import ReviewStore
from desktop.screening_controller import ScreeningController
from desktop.site_threshold_dialog import SiteThresholdDialog
from desktop.threshold_state import (
    ModelIdentity,
    model_identity,
    threshold_in_force,
    threshold_summary,
)
from desktop.thumbnails import Thumbnails
from desktop.watch_folders import WatchFolders
from desktop.window_settings import restore_window, save_window
from desktop.worker import TaskManager

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.screening import Outcome


class MainWindow(QMainWindow):
    """PneumoScreen's window. `load_model=False` is for tests that never screen."""

    batch_finished = Signal(bool)  # cancelled
    export_finished = Signal(object, int)  # path, rows
    review_saved = Signal(object)  # the stored Review
    threshold_changed = Signal(object)  # the ThresholdInForce now

    def __init__(self, load_model: bool = True) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("PneumoScreen: chest X-ray screening aid"))
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.tasks = TaskManager(self)
        self.log = self._open_log()
        self.reviews = None if self.log is None else ReviewStore(self.tasks, self.log, self)
        self.identity, self.in_force = self._read_threshold()
        self.performance_dialog: PerformanceDialog | None = None
        self.site_threshold_dialog: SiteThresholdDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.thumbnails = Thumbnails(self.tasks, parent=self)
        self.model = ResultsModel(self.thumbnails, self)
        self.thumbnails.ready.connect(self.model.thumbnail_ready)
        self.proxy = ResultsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.commands = make_actions(self)
        self.detail = DetailPane(self.tasks)
        self.progress_panel = ProgressPanel(self.commands.cancel)
        self._build()
        self._connect()
        if self.log is not None:
            self.model.reset(self.log.results())
            self.model.set_reviews(self._latest_reviews())
        self._update_empty_state()
        self._show_threshold()
        self.controller = self._make_controller()
        self.watch_folders = WatchFolders.attach(self)
        restore_window(self)
        if load_model and self.controller is not None:
            self.model_status.setText(self.tr("Loading the screening model…"))
            self.controller.load_model()

    # -- building ------------------------------------------------------------------------------

    def _open_log(self) -> ResultLog | None:
        """The result log; where it cannot be written (read-only media), opened read-only so its
        rows can still be seen and exported, with screening turned off and the reason shown."""
        try:
            return open_result_log()
        except ResultLogError as exc:
            show_exception(self, exc)
        try:
            return open_result_log(read_only=True)
        except ResultLogError:
            return None  # damaged, or no data folder at all: the box above already says so

    def _latest_reviews(self) -> dict[int, Review]:
        """Every result's latest review, read with the results at start-up."""
        try:
            return self.log.latest_reviews()
        except ResultLogError as exc:
            show_exception(self, exc)
            return {}

    def _read_threshold(self) -> tuple[ModelIdentity | None, ThresholdInForce | None]:
        """The model's threshold and version (from its cards) and the threshold in force.

        Without a readable card, loading the model reports the problem. A damaged site profile is
        said, and nothing is screened until it is reset (Administration > Site threshold): the
        window never guesses the clinic's threshold. Without a data folder (the log could not be
        opened, already said) there is no profile to read."""
        try:
            identity = model_identity()
        except ModelCardError:
            return None, None
        if self.log is None:
            return identity, None
        try:
            return identity, threshold_in_force(identity)
        except SiteProfileError as exc:
            show_exception(self, exc)
            return identity, None

    def _make_controller(self) -> ScreeningController | None:
        if self.log is None or self.log.read_only:
            for action in (self.commands.add_files, self.commands.add_folder):
                action.setEnabled(False)
            self.detail.review.set_writable(False)
            return None
        controller = ScreeningController(self.tasks, self.log, threshold=self.in_force, parent=self)
        controller.model_ready.connect(lambda: self.model_status.setText(self.tr("Model ready")))
        controller.model_failed.connect(self._model_failed)
        controller.batch_started.connect(self._batch_started)
        controller.outcome.connect(self._add_outcome)
        controller.progress.connect(self._show_progress)
        controller.batch_finished.connect(self._batch_done)
        controller.failed.connect(lambda exc: show_exception(self, exc))
        return controller

    def _build(self) -> None:
        build_menus(
            self, self.commands, self.detail.view_actions(), self.detail.review.decision_actions()
        )
        build_toolbar(self, self.commands)
        self.language_menu = add_language_menu(self, beside=self.commands.find)  # View > Language
        self.drop_zone = DropZone([self.commands.add_files, self.commands.add_folder])
        self.filter_bar = FilterBar(self.proxy)
        self.filter_bar.search.let_through(a.shortcut() for a in every_action(self.commands))
        self.table = ResultsTable(self.proxy)
        self.count_label = QLabel()
        self.threshold_notice = QLabel(wordWrap=True, objectName="thresholdNotice")
        self.threshold_notice.setStyleSheet(
            "#thresholdNotice { background: #fde9c4; color: #6b4300; border: 1px solid #c98a1a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.threshold_notice.hide()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(self.threshold_notice)
        column.addWidget(self.drop_zone)
        column.addWidget(self.filter_bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        # The detail pane scrolls rather than grow the window past a 600-pixel-high laptop screen.
        detail_scroll = QScrollArea(objectName="detailScroll", widgetResizable=True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        scrollbar = detail_scroll.verticalScrollBar().sizeHint().width()
        # Wide enough for the patient form unfolded too (hidden while nothing is selected): a
        # pane that scrolls sideways hides the end of every line.
        margins = self.detail.layout().contentsMargins()
        form = self.detail.patient_form.fields.minimumSizeHint().width()
        content = max(
            self.detail.minimumSizeHint().width(), form + margins.left() + margins.right()
        )
        detail_scroll.setMinimumWidth(content + scrollbar)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.model_status = QLabel()
        self.threshold_status = QLabel(objectName="thresholdStatus")
        self.statusBar().addPermanentWidget(self.progress_panel)
        self.statusBar().addPermanentWidget(self.threshold_status)
        self.statusBar().addPermanentWidget(self.model_status)
        self.commands.cancel.setEnabled(False)
        for action in (*self.detail.view_actions(), *self.detail.review.decision_actions()):
            self.addAction(action)

    def _connect(self) -> None:
        self.commands.add_files.triggered.connect(self.choose_files)
        self.commands.add_folder.triggered.connect(self.choose_folder)
        self.commands.export.triggered.connect(self.export_csv)
        self.commands.cancel.triggered.connect(self.cancel_batch)
        self.commands.find.triggered.connect(self.filter_bar.focus_search)
        self.commands.about.triggered.connect(self.show_about)
        self.commands.performance.triggered.connect(self.show_performance)
        self.commands.site_threshold.triggered.connect(self.show_site_threshold)
        self.detail.review.review_made.connect(self._review_made)
        if self.reviews is not None:
            self.reviews.saved.connect(self._review_stored)
            self.reviews.history_ready.connect(self.detail.review.show_history)
            self.reviews.failed.connect(lambda exc: show_exception(self, exc))
        # Patient details typed for a film without them (issue 17): saved, then the row updates.
        self.detail.patient_form.set_log(self.log)
        self.detail.patient_form.saved.connect(self._patient_saved)
        self.detail.patient_form.failed.connect(lambda exc: show_exception(self, exc))
        self.age_rule_action = add_age_rule_action(
            self, self.commands.site_threshold, self.refresh_threshold
        )
        self.commands.quit.triggered.connect(self.close)
        self.drop_zone.paths_dropped.connect(self.add_paths)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_counts)
        connect_report_actions(self)  # File > Print report… (Ctrl+P), Day summary report…

    # -- adding files --------------------------------------------------------------------------

    def add_paths(self, paths: list[Path], arrived: bool = False) -> None:
        """Screen dropped or chosen files and folders (what a drop and the dialogs both do).

        `arrived`: files that came into a watched folder. They join the table without starting
        a new "This batch" view, so rows the user is looking at never vanish as films arrive.
        """
        if self.controller is None or not paths:
            return
        if self.in_force is None and self.identity is not None:
            self.refresh_threshold()  # the site profile may have been repaired meanwhile
            if self.in_force is None:
                return
        self.controller.screen(paths, arrived)
        if not self.controller.is_ready() and self.controller.load_error() is None:
            self.statusBar().showMessage(self.tr("Screening starts once the model is loaded…"))

    def _patient_saved(self, result: ScreeningResult) -> None:
        """Typed patient details are in the log: update the row. Where the typed age changes
        what the film should show, it is screened again with that age, as a new row
        (`core.population_check.screens_again_for_typed_age`): a film refused because it looked
        like an adult's, now with a child's age; a scored film whose patient turns out to be an
        adult, or outside the validated ages where the site rejects those."""
        self.model.add(result)
        if self.identity is None or self.in_force is None:
            return  # nothing can be screened: the window already says why
        rule, reject = self.identity.age_rule, self.in_force.reject_outside_ages
        if screens_again_for_typed_age(result, rule, reject):
            self.add_paths([Path(result.file)])

    def choose_files(self) -> None:
        self.add_paths(file_dialogs.ask_files(self))

    def choose_folder(self) -> None:
        folder = file_dialogs.ask_folder(self)
        if folder is not None:
            self.add_paths([folder])

    def cancel_batch(self) -> None:
        if self.controller is not None and self.controller.is_busy():
            self.controller.cancel()
            self.statusBar().showMessage(self.tr("Cancelling after the files in progress…"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -- screening progress --------------------------------------------------------------------

    def _model_failed(self, exc: BaseException) -> None:
        self.model_status.setText(self.tr("Model not available"))
        show_exception(self, exc)

    def _batch_started(self, total: int | None) -> None:
        self.commands.cancel.setEnabled(True)
        if not self.controller or not self.controller.batch_arrived():
            self.filter_bar.show_batch()
        self.progress_panel.start(total)
        waiting = self.controller.waiting_batches() if self.controller else 0
        self.statusBar().showMessage(
            count_text(
                waiting,
                self.tr("Screening… ({n} more batch waiting)"),
                self.tr("Screening… ({n} more batches waiting)"),
            )
            if waiting
            else self.tr("Screening…")
        )

    def _add_outcome(self, outcome: Outcome) -> None:
        self.proxy.add_to_batch(outcome.result.id)
        row = self.model.add(outcome.result)
        self._update_empty_state()
        current = self.detail.result()
        if current is not None and current.id == outcome.result.id:
            self.detail.show_result(outcome.result)
        elif not self.table.selectionModel().hasSelection():
            self.select_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _show_progress(self, progress: BatchProgress | None) -> None:
        if progress is not None:
            self.progress_panel.update_progress(progress.done, progress.seconds_left())

    def _batch_done(self, progress: BatchProgress | None, cancelled: bool) -> None:
        busy = self.controller is not None and self.controller.is_busy()
        self.commands.cancel.setEnabled(busy)
        if not busy:
            self.progress_panel.finish()
        summary = self.progress_panel.summary(progress, cancelled)
        self.statusBar().showMessage(summary)
        self.batch_finished.emit(cancelled)

    # -- table and detail ----------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        """Make `row` of the table (as sorted and filtered) the current, selected row."""
        self.table.select_row(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        result = current.data(RESULT_ROLE) if current.isValid() else None
        self.detail.show_result(result)
        if result is not None and result.id is not None and self.reviews is not None:
            self.reviews.load_history(result.id)

    # -- reviews -------------------------------------------------------------------------------

    def _review_made(self, review: Review) -> None:
        """Store the decision in the background and move on to the next unreviewed row."""
        if self.reviews is None:
            return
        self.reviews.save(review)
        current = self.table.currentIndex().row()
        row = self.proxy.next_unreviewed(current, self.reviews.pending_ids())
        if row is None:
            self.statusBar().showMessage(self.tr("Every result shown has been reviewed."))
        else:
            self.select_row(row)

    def _review_stored(self, review: Review) -> None:
        self.model.set_review(review)
        self.detail.review.add_review(review)
        row = self.model.row_of_id(review.result_id)
        name = Path(self.model.result(row).file).name if row is not None else ""
        message = self.tr("Review saved: {decision} for {file}.").format(
            decision=decision_text(review.decision), file=name
        )
        if self.proxy.next_unreviewed(-1, self.reviews.pending_ids()) is None:
            message += " " + self.tr("Every result shown has been reviewed.")
        self.statusBar().showMessage(message)
        self.review_saved.emit(review)

    # -- the threshold in force ----------------------------------------------------------------

    def _show_threshold(self) -> None:
        in_force = self.in_force
        self.threshold_status.setVisible(self.identity is not None)
        if in_force is None:
            self.threshold_status.setText(self.tr("Threshold unknown: the site profile is damaged"))
        notice = in_force.notice if in_force is not None else ""
        self.threshold_notice.setText(notice)
        self.threshold_notice.setVisible(bool(notice))
        if in_force is not None:
            self.threshold_status.setText(threshold_summary(in_force))
            self.threshold_status.setToolTip(notice)

    def refresh_threshold(self) -> None:
        """Read the threshold in force again (after the site threshold dialog changed it): the
        status bar says it, and the files screened from now on are labelled with it."""
        if self.identity is None:
            return
        try:
            self.in_force = threshold_in_force(self.identity)
        except SiteProfileError as exc:
            self.in_force = None
            self._show_threshold()
            show_exception(self, exc)
            return
        if self.controller is not None:
            self.controller.set_threshold(self.in_force)
        self._show_threshold()
        self.threshold_changed.emit(self.in_force)

    def show_performance(self) -> None:
        """Open "How the model does here" for the reviewed results, at the threshold in force
        (the model's while a damaged site profile waits to be reset)."""

        def make(log: ResultLog, identity: ModelIdentity) -> PerformanceDialog:
            in_force = self.in_force or ThresholdInForce(identity.threshold, ThresholdSource.MODEL)
            return PerformanceDialog(self.tasks, log, in_force, identity.version, self)

        self._open_log_dialog("performance_dialog", make)

    def show_site_threshold(self) -> None:
        """Open the administrator's site threshold dialog."""

        def make(log: ResultLog, identity: ModelIdentity) -> SiteThresholdDialog:
            dialog = SiteThresholdDialog(self.tasks, log, identity, self.in_force, self)
            dialog.changed.connect(self.refresh_threshold)
            return dialog

        self._open_log_dialog("site_threshold_dialog", make)

    def _open_log_dialog(
        self,
        name: str,
        make: Callable[[ResultLog, ModelIdentity], PerformanceDialog | SiteThresholdDialog],
    ) -> None:
        """Open the dialog `make` builds on the result log and the model's identity, in place of
        the one held in attribute `name` (closed first), and forget it once it is deleted on
        close. Without the log or the model card there is nothing to build it on."""
        if self.log is None or self.identity is None:
            show_exception(self, ModelCardError(self.tr("The model card cannot be read.")))
            return
        previous = getattr(self, name)
        if previous is not None:
            previous.close()
        dialog = make(self.log, self.identity)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Only this dialog's own deletion forgets it: the one it replaced is deleted later, when
        # the attribute already holds this one.
        dialog.destroyed.connect(lambda: self._forget(name, dialog))
        setattr(self, name, dialog)
        dialog.open()

    def _forget(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.drop_zone.set_compact(not empty)
        self.filter_bar.setVisible(not empty)
        self.table.setVisible(not empty)
        self.count_label.setVisible(not empty)

    def _update_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            count_text(total, self.tr("{n} result"), self.tr("{n} results"))
            if shown == total
            else count_text(
                total,
                self.tr("Showing {shown} of {n} result"),
                self.tr("Showing {shown} of {n} results"),
                shown=shown,
            )
        )

    # -- export and about ----------------------------------------------------------------------

    def export_csv(self) -> None:
        """Ask what and where, then write the CSV in the background."""
        counts = export_dialog.ExportCounts(
            all=self.model.rowCount(),
            filtered=self.proxy.rowCount(),
            selected=len(self.table.selected_rows()),
            is_filtered=self.proxy.is_filtered(),
        )
        answer = export_dialog.ask_export(self, counts)
        if answer is not None:
            self.export_rows(*answer)

    def export_rows(
        self, scope: export_dialog.ExportScope, path: Path, deidentify: bool = False
    ) -> None:
        """Write the rows of `scope` to `path` in the background; `export_finished` follows.
        `deidentify`: file base names only, no patient names."""
        rows = {
            export_dialog.ExportScope.ALL: list(self.model.results()),
            export_dialog.ExportScope.FILTERED: self.proxy.results(),
            export_dialog.ExportScope.SELECTED: self.table.selected_results(),
        }[scope]
        export_dialog.start_export(
            self.tasks,
            rows,
            path,
            self._exported,
            lambda exc: show_exception(self, exc),
            self.model.latest_reviews(),
            deidentify=deidentify,
        )

    def _exported(self, path: Path, count: int) -> None:
        self.statusBar().showMessage(
            count_text(
                count,
                self.tr("Exported {n} result to {path}"),
                self.tr("Exported {n} results to {path}"),
                path=path,
            )
        )
        self.export_finished.emit(path, count)

    def show_about(self) -> None:
        try:
            card = load_model_card(model_card_path())
        except ModelCardError as exc:
            show_exception(self, exc)
            card = None
        AboutDialog(card, self).exec()

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save settings, let the files in progress finish (so the log is complete), close."""
        save_window(self)
        self.watch_folders.stop()  # no new arrivals while the last files finish
        if self.controller is not None:
            self.controller.cancel()
        self.tasks.shutdown()
        if self.log is not None:
            self.log.close()
            self.log = None
        super().closeEvent(event)
