"""The selected result in full: the image with its heatmap, the verdict, why, and its review.

The image is read in the background (a radiograph on a slow USB stick must not freeze the window);
a result selected while an older image is still loading simply wins: the older read is cancelled
(it gives its decoder back at its next step) and whatever it still delivers is dropped. The pane
always carries the "screening aid, not a diagnosis" notice, whatever is selected.

The patient is shown field by field (`desktop.patient_text`), with the age warning when the film is
outside the ages the model was validated on; a film without patient data gets the form to type
them (`desktop.patient_form`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import UnreadableImage
from core.result import ScreeningResult, Status, format_score
from desktop.image_view import ImageView
from desktop.imaging import compose, heatmap_to_qimage, load_detail_image
from desktop.labels import colours, local_time, verdict_text
from desktop.patient_form import PatientForm
from desktop.patient_text import age_warning_text, patient_lines
from desktop.reason_texts import reason_detail, reason_text
from desktop.review_panel import ReviewPanel
from desktop.score_bar import ScoreBar
from desktop.worker import Task, TaskManager

logger = logging.getLogger(__name__)

_VIEW_PAGE, _MESSAGE_PAGE = 0, 1
OPACITY_STEP = 10  # percent, per Ctrl+] / Ctrl+[
#: Reads a file for the pane on a worker thread; None when its cancel event was set first.
ImageReader = Callable[[Path, threading.Event], QImage | None]


class DetailPane(QWidget):
    """Shows one `ScreeningResult`; `image_shown` fires once its picture is on screen."""

    image_shown = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        parent: QWidget | None = None,
        read_image: ImageReader = load_detail_image,
    ) -> None:
        """`read_image` reads each selected file (a test passes a slow or counting one)."""
        super().__init__(parent)
        self._tasks = tasks
        self._read_image = read_image
        self._image_task: Task | None = None  # the read of the image shown, while it runs
        self._result: ScreeningResult | None = None
        self._base: QImage | None = None
        self._overlay: QImage | None = None
        self._request = 0
        self._make_actions()
        self._build()
        self.show_result(None)

    # -- public --------------------------------------------------------------------------------

    def result(self) -> ScreeningResult | None:
        return self._result

    def shown_image(self) -> QImage | None:
        """The film as read for the pane (no heatmap), once it is on screen; for the report."""
        return self._base

    def show_result(self, result: ScreeningResult | None) -> None:
        """Show `result` (None: nothing selected) and start reading its image."""
        self._result, self._base, self._request = result, None, self._request + 1
        if self._image_task is not None:
            self._image_task.cancel()  # the user moved on: its decoder is wanted elsewhere
            self._image_task = None
        has_heatmap = result is not None and result.heatmap is not None
        self._overlay = heatmap_to_qimage(result.heatmap) if has_heatmap else None
        for control in (
            self.heatmap_action,
            self.stronger_action,
            self.fainter_action,
            self._opacity,
        ):
            control.setEnabled(has_heatmap)
        self._fill_text(result)
        self.review.show_result(result)
        self.view.clear()
        if result is None:
            self._show_message(self.tr("Select a row to see the image and the result."))
            return
        self._show_message(self.tr("Loading the image…"))
        request, path, read_image = self._request, Path(result.file), self._read_image
        self._image_task = self._tasks.run(
            lambda cancel: _read(read_image, path, cancel),
            on_item=lambda image: self._image_read(request, image),
            on_error=lambda exc: self._image_failed(request, exc),
        )

    def heatmap_visible(self) -> bool:
        return self.heatmap_action.isChecked()

    def set_heatmap_visible(self, visible: bool) -> None:
        self.heatmap_action.setChecked(visible)

    def opacity_percent(self) -> int:
        return self._opacity.value()

    def set_opacity_percent(self, percent: int) -> None:
        self._opacity.setValue(percent)

    def view_actions(self) -> list[QAction]:
        """The pane's actions, for the View menu (their shortcuts work anywhere in the window)."""
        return [
            self.heatmap_action,
            self.stronger_action,
            self.fainter_action,
            self.fit_action,
            self.zoom_in_action,
            self.zoom_out_action,
        ]

    # -- building ------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.heatmap_action = QAction(self.tr("&Heatmap"), self, checkable=True, checked=True)
        self.heatmap_action.setShortcut(QKeySequence(Qt.Key.Key_H))
        self.heatmap_action.setToolTip(self.tr("Show where the model looked (H)"))
        self.heatmap_action.toggled.connect(lambda _: self._redraw())
        self.stronger_action = QAction(self.tr("Heatmap &stronger"), self, shortcut="Ctrl+]")
        self.stronger_action.triggered.connect(lambda: self._step_opacity(+OPACITY_STEP))
        self.fainter_action = QAction(self.tr("Heatmap f&ainter"), self, shortcut="Ctrl+[")
        self.fainter_action.triggered.connect(lambda: self._step_opacity(-OPACITY_STEP))
        self.fit_action = QAction(self.tr("&Fit image"), self, shortcut=QKeySequence("Ctrl+0"))
        self.zoom_in_action = QAction(self.tr("Zoom &in"), self, shortcut=QKeySequence.ZoomIn)
        self.zoom_out_action = QAction(self.tr("Zoom &out"), self, shortcut=QKeySequence.ZoomOut)

    def _build(self) -> None:
        # Wraps: a long verdict in a longer language must not widen the pane past the screen.
        self.verdict = QLabel(
            objectName="verdict", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.verdict.setMargin(8)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.verdict.setFont(font)

        self.view = ImageView()
        self.fit_action.triggered.connect(self.view.fit)
        self.zoom_in_action.triggered.connect(self.view.zoom_in)
        self.zoom_out_action.triggered.connect(self.view.zoom_out)
        self._message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._message)

        self._opacity = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100, value=45)
        self._opacity.setAccessibleName(self.tr("Heatmap opacity"))
        self._opacity.setToolTip(self.tr("Heatmap opacity"))
        self._opacity.valueChanged.connect(lambda _: self._redraw())
        # Two rows (heatmap and opacity; fit and zoom), so the pane keeps to a 1024-pixel-wide
        # screen in languages longer than English.
        controls, heatmap_row, zoom_row = QVBoxLayout(), QHBoxLayout(), QHBoxLayout()
        controls.addLayout(heatmap_row)
        controls.addLayout(zoom_row)
        for action in (
            self.heatmap_action,
            self.fit_action,
            self.zoom_in_action,
            self.zoom_out_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            if action is self.heatmap_action:
                heatmap_row.addWidget(button)
                heatmap_row.addWidget(QLabel(self.tr("Opacity")))
                heatmap_row.addWidget(self._opacity, 1)
            else:
                zoom_row.addWidget(button)
        zoom_row.addStretch(1)

        self.score_bar = ScoreBar()
        self.score_text = QLabel(wordWrap=True, objectName="scoreText")
        self.reason = QLabel(wordWrap=True, objectName="reason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setStyleSheet("#reason { color: #6b4300; font-weight: bold; }")
        self.age_warning = QLabel(wordWrap=True, objectName="ageWarning")
        self.age_warning.setStyleSheet("#ageWarning { color: #6b4300; font-weight: bold; }")
        self._facts = {key: QLabel(wordWrap=True) for key in ("file", "model", "time")}
        self._facts["file"].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._facts_box = QWidget()
        facts = QFormLayout(self._facts_box)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.addRow(self.tr("File:"), self._facts["file"])
        self.patient_facts: dict[str, QLabel] = {}
        for field, _value in patient_lines(None):
            self.patient_facts[field] = QLabel(wordWrap=True)
            self.patient_facts[field].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            facts.addRow(field, self.patient_facts[field])
        facts.addRow(self.tr("Screened:"), self._facts["time"])
        facts.addRow(self.tr("Model:"), self._facts["model"])
        self.notice = QLabel(
            self.tr(
                "<b>Screening aid, not a diagnosis.</b> A clinician must review every image. "
                "The model was trained on children's frontal chest X-rays from one hospital."
            ),
            wordWrap=True,
            objectName="notice",
        )
        self.notice.setStyleSheet(
            "#notice { background: #e8f0fb; color: #1b3a66; border: 1px solid #9db7dd;"
            " border-radius: 4px; padding: 6px; }"
        )

        self.review = ReviewPanel()
        self.patient_form = PatientForm(self._tasks)
        self.patient_form.saved.connect(self._patient_saved)

        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self._stack, 1)
        layout.addLayout(controls)
        layout.addWidget(self.score_bar)
        layout.addWidget(self.score_text)
        layout.addWidget(self.reason)
        layout.addWidget(self.age_warning)
        layout.addWidget(self._facts_box)
        layout.addWidget(self.patient_form)
        layout.addWidget(self.review)
        layout.addWidget(self.notice)

    # -- showing -------------------------------------------------------------------------------

    def _fill_text(self, result: ScreeningResult | None) -> None:
        self.verdict.setVisible(result is not None)
        self._facts_box.setVisible(result is not None)
        self.score_bar.setVisible(result is not None and result.status is Status.OK)
        self.reason.setVisible(result is not None and result.status is not Status.OK)
        self.age_warning.setVisible(result is not None and bool(age_warning_text(result)))
        self.patient_form.show_result(result)
        for label in (*self._facts.values(), *self.patient_facts.values()):
            label.setText("")
        self.score_text.setText("")
        if result is None:
            return
        background, text = colours(result)
        self.verdict.setText(verdict_text(result))
        self.verdict.setStyleSheet(
            f"#verdict {{ background: {background.name()}; color: {text.name()};"
            f" border: 1px solid {text.name()}; border-radius: 4px; }}"
        )
        if result.status is Status.OK and result.score is not None:
            self.score_bar.set_values(result.score, result.threshold)
            self.score_text.setText(
                self.tr(
                    "Pneumonia score {score} of 100. The threshold is {threshold}: a score at "
                    "or above it means pneumonia is likely."
                ).format(
                    score=format_score(result.score),
                    threshold="?" if result.threshold is None else format_score(result.threshold),
                )
            )
        self.reason.setText(reason_text(result))
        self.reason.setToolTip(reason_detail(result))
        self._facts["file"].setText(result.file)
        for field, value in patient_lines(result):
            self.patient_facts[field].setText(value or self.tr("not recorded"))
        self.age_warning.setText(age_warning_text(result))
        self._facts["time"].setText(local_time(result.screened_at))
        self._facts["model"].setText(result.model_version)

    def _patient_saved(self, result: ScreeningResult) -> None:
        """Typed patient details were saved: show them if their film is still the one shown."""
        if self._result is not None and self._result.id == result.id:
            self._result = result
            self._fill_text(result)

    def _step_opacity(self, step: int) -> None:
        self._opacity.setValue(self._opacity.value() + step)

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentIndex(_MESSAGE_PAGE)

    def _image_read(self, request: int, image: QImage) -> None:
        if request != self._request:
            return  # another row was selected meanwhile
        self._base = image
        self._stack.setCurrentIndex(_VIEW_PAGE)
        self._redraw(new_image=True)

    def _image_failed(self, request: int, exc: BaseException) -> None:
        if not isinstance(exc, UnreadableImage):
            logger.error("Could not show an image", exc_info=exc)
        if request == self._request:
            self._show_message(self.tr("The image cannot be shown.\n{problem}").format(problem=exc))

    def _redraw(self, new_image: bool = False) -> None:
        if self._base is None:
            return
        overlay = self._overlay if self.heatmap_action.isChecked() else None
        self.view.set_pixmap(
            compose(self._base, overlay, self._opacity.value() / 100), keep_view=not new_image
        )
        self.image_shown.emit()


def _read(read_image: ImageReader, path: Path, cancel: threading.Event) -> Iterator[QImage]:
    """Worker job: the image, unless the user moved on before it started or while it was read."""
    if cancel.is_set():
        return  # queued behind other work and already stale: never touches a decoder
    image = read_image(path, cancel)
    if image is not None and not cancel.is_set():
        yield image
