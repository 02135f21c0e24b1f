"""The ROC curve of the reviewed results, drawn with QPainter, with the threshold in force marked.

A small widget rather than a plotting library: the bundle stays small (no matplotlib at run time)
and the picture is exactly what the clinic needs, one curve, the chance diagonal, and one marked
point that says "this is where we work".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CURVE_COLOUR = QColor("#1b3a66")
MARK_COLOUR = QColor("#b3261e")
GRID_COLOUR = QColor("#d0d7e2")
MARK_RADIUS = 5.0
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)


class RocChart(QWidget):
    """Points are (false positive rate, true positive rate), both 0-1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rocChart")
        self.setAccessibleName(self.tr("ROC curve"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Wide enough for the x axis' title, whatever the language: it must never be cut off.
        title_width = self.fontMetrics().horizontalAdvance(self._x_title()) + 24
        self.setMinimumSize(max(260, title_width), 240)
        self._curve: list[tuple[float, float]] = []
        self._mark: tuple[float, float] | None = None
        self._mark_text = ""

    def set_curve(
        self,
        points: Sequence[tuple[float, float]],
        mark: tuple[float, float] | None = None,
        mark_text: str = "",
    ) -> None:
        """Draw `points` (sorted here) and mark `mark`, labelled `mark_text`."""
        self._curve = sorted((float(x), float(y)) for x, y in points)
        self._mark = mark
        self._mark_text = mark_text
        self.update()

    def curve(self) -> list[tuple[float, float]]:
        return list(self._curve)

    def mark(self) -> tuple[float, float] | None:
        return self._mark

    def _x_title(self) -> str:
        return self.tr("1 - specificity (healthy films flagged)")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 330)

    def plot_area(self) -> QRectF:
        """The square the unit square is drawn into, with room left for the axis labels."""
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("0.75") + metrics.height() + 12
        bottom = 2 * metrics.height() + 10
        top, right = 10, 12
        side = min(self.width() - left - right, self.height() - top - bottom)
        return QRectF(left, top, max(side, 10), max(side, 10))

    def to_pixel(self, fpr: float, tpr: float) -> QPointF:
        """Where (fpr, tpr) is drawn, in widget coordinates."""
        area = self.plot_area()
        return QPointF(area.left() + fpr * area.width(), area.bottom() - tpr * area.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._draw_axes(painter)
        if len(self._curve) >= 2:
            path = QPainterPath(self.to_pixel(*self._curve[0]))
            for point in self._curve[1:]:
                path.lineTo(self.to_pixel(*point))
            painter.setPen(QPen(CURVE_COLOUR, 2.0))
            painter.drawPath(path)
        else:
            painter.setPen(self.palette().text().color())
            painter.drawText(
                self.plot_area(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No curve yet: it needs reviewed results of both kinds."),
            )
        if self._mark is not None:
            self._draw_mark(painter)
        painter.end()

    def _draw_axes(self, painter: QPainter) -> None:
        area = self.plot_area()
        text = self.palette().text().color()
        metrics = self.fontMetrics()
        painter.setPen(QPen(GRID_COLOUR, 1.0))
        for tick in TICKS:
            painter.drawLine(self.to_pixel(tick, 0), self.to_pixel(tick, 1))
            painter.drawLine(self.to_pixel(0, tick), self.to_pixel(1, tick))
        painter.setPen(QPen(GRID_COLOUR.darker(130), 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(self.to_pixel(0, 0), self.to_pixel(1, 1))  # chance
        painter.setPen(QPen(text, 1.0))
        painter.drawRect(area)
        for tick in TICKS:
            label = f"{tick:g}"
            x = self.to_pixel(tick, 0)
            painter.drawText(
                QPointF(
                    x.x() - metrics.horizontalAdvance(label) / 2,
                    area.bottom() + metrics.ascent() + 3,
                ),
                label,
            )
            y = self.to_pixel(0, tick)
            painter.drawText(
                QPointF(
                    area.left() - metrics.horizontalAdvance(label) - 4,
                    y.y() + metrics.ascent() / 2 - 1,
                ),
                label,
            )
        painter.drawText(
            QRectF(0, area.bottom() + metrics.height() + 4, self.width(), metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            self._x_title(),
        )
        painter.save()
        painter.translate(metrics.height() / 2, area.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-area.height() / 2, -metrics.height() / 2, area.height(), metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Sensitivity"),
        )
        painter.restore()

    def _draw_mark(self, painter: QPainter) -> None:
        centre = self.to_pixel(*self._mark)
        painter.setPen(QPen(MARK_COLOUR.darker(140), 1.5))
        painter.setBrush(MARK_COLOUR)
        painter.drawEllipse(centre, MARK_RADIUS, MARK_RADIUS)
        if not self._mark_text:
            return
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(MARK_COLOUR.darker(140))
        width = painter.fontMetrics().horizontalAdvance(self._mark_text)
        area = self.plot_area()
        x = centre.x() + 9 if centre.x() + 9 + width < area.right() else centre.x() - 9 - width
        painter.drawText(QPointF(x, min(centre.y() + 16, area.bottom() - 4)), self._mark_text)
