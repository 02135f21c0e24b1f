"""The score against the threshold, drawn as a 0-100 scale, with the numbers in words beside it.

A picture of "how far past the line" reads faster than two numbers; the threshold is marked on
the scale, and the score's marker carries its number, so nothing depends on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.result import format_score


class ScoreBar(QWidget):
    """A horizontal 0-100 scale with the threshold line and the score's marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score: float | None = None
        self._threshold: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Score against threshold"))

    def set_values(self, score: float | None, threshold: float | None) -> None:
        self._score, self._threshold = score, threshold
        self.setAccessibleDescription(
            ""
            if score is None
            else self.tr("Score {score} of 100; threshold {threshold}").format(
                score=format_score(score),
                threshold="?" if threshold is None else format_score(threshold),
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, self.fontMetrics().height() * 2 + 22)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        margin = metrics.horizontalAdvance("100") / 2 + 2
        bar = QRectF(margin, metrics.height() + 8, self.width() - 2 * margin, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().mid())
        painter.drawRoundedRect(bar, 4, 4)

        def x_of(value: float) -> float:
            return bar.left() + bar.width() * min(max(value, 0.0), 100.0) / 100.0

        if self._threshold is not None:
            x = x_of(self._threshold)
            painter.setBrush(QColor("#f3b4ad"))
            painter.drawRoundedRect(QRectF(x, bar.top(), bar.right() - x, bar.height()), 4, 4)
            painter.setPen(QPen(self.palette().text().color(), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3))
            label = self.tr("threshold {value}").format(value=format_score(self._threshold))
            width = metrics.horizontalAdvance(label)
            text_x = x + 5 if x + 5 + width <= self.width() else x - 5 - width
            painter.drawText(QPointF(text_x, bar.bottom() + metrics.ascent() + 3), label)
        if self._score is not None:
            x = x_of(self._score)
            painter.setPen(QPen(self.palette().text().color(), 1))
            painter.setBrush(self.palette().text())
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x - 6, bar.top() - 6),
                        QPointF(x + 6, bar.top() - 6),
                        QPointF(x, bar.bottom()),
                    ]
                )
            )
            text = format_score(self._score)
            painter.drawText(
                QPointF(x - metrics.horizontalAdvance(text) / 2, metrics.ascent() - 2), text
            )
        painter.end()
