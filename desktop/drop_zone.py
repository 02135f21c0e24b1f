"""Where files and folders are dropped from the file manager, and the buttons that do the same.

Only local paths are taken from a drop: a link dragged from a browser is ignored (the app never
downloads anything). `paths_from_mime` is shared with the main window, which accepts drops
anywhere, so the zone is a target and a reminder, not the only place that works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from core.formats import format_names


def paths_from_mime(mime: QMimeData | None) -> list[Path]:
    """The local files and folders in a drag, in the order given."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DropZone(QFrame):
    """A framed target that emits `paths_dropped` with the files and folders dropped on it.

    Large and centred while the table is empty (it is the first thing a new user must find),
    a slim strip once there are results.
    """

    paths_dropped = Signal(list)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Drop zone for X-ray files and folders"))
        self._title = QLabel(self.tr("Drop X-ray files or folders here"))
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint = QLabel(
            self.tr(
                "Images in {formats}; folders are searched inside. Each image gets a pneumonia "
                "score, a label and a heatmap, or a clear reason why it was not judged."
            ).format(formats=format_names(", ")),
            wordWrap=True,
        )
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addLayout(buttons)
        layout.addStretch()
        self._highlight(False)
        self._compact: bool | None = None
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """A slim strip (results are showing) or a large target (the table is empty)."""
        if compact == self._compact:
            return
        self._compact = compact
        self._hint.setVisible(not compact)
        font = self._title.font()
        font.setPointSizeF(self.font().pointSizeF() * (1.0 if compact else 1.6))
        font.setBold(not compact)
        self._title.setFont(font)
        if compact:
            self.setMaximumHeight(self.sizeHint().height())
        else:
            self.setMaximumHeight(16_777_215)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
            self._highlight(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._highlight(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._highlight(False)
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)

    def _highlight(self, on: bool) -> None:
        colour = "#2f6fbf" if on else "#8a99ad"
        background = "#e3edfa" if on else "#f4f7fb"
        self.setStyleSheet(
            f"#dropZone {{ border: 2px dashed {colour}; border-radius: 8px;"
            f" background: {background}; }}"
        )
