"""Putting report documents on paper: a PDF file (QPdfWriter) or a printer, page by page.

Both are `QPagedPaintDevice`s, so one function draws on either, and what is saved as PDF is what
the printer gets. Each document is laid out for the device it is drawn on (its resolution and
printable area), so fonts and images keep their size on paper whatever the device's dots per inch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

#: Dots per inch of the PDF: sharp print of text and images at a few hundred kB a page.
PDF_RESOLUTION = 300
#: A4 with 15 mm margins: every clinic printer takes it (Letter trims a few mm, nothing lost).
PAGE_SIZE = QPageSize.PageSizeId.A4
MARGINS_MM = QMarginsF(15, 15, 15, 15)


def pdf_writer(path: Path, title: str) -> QPdfWriter:
    """A PDF writer for `path`, A4 portrait with the report's margins, titled `title`."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZE),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("PneumoScreen")
    return writer


def render(
    device: QPagedPaintDevice, documents: Sequence[QTextDocument], one_page_each: bool = False
) -> int:
    """Draw `documents` on `device`, each starting on a new page; returns the pages drawn.

    A document longer than a page (a busy day's summary) continues on the next pages, unless
    `one_page_each`: then a long one (a long review note) is drawn smaller to keep to its page,
    since a report of one film is one sheet of paper.
    """
    area = device.pageLayout().paintRectPixels(device.resolution())
    size = QSizeF(area.width(), area.height())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"The report cannot be written to {_where(device)}.")
    pages = 0
    try:
        for document in documents:
            document.documentLayout().setPaintDevice(device)
            scale = _scale_to_one_page(document, size) if one_page_each else 1.0
            page = QSizeF(size.width() / scale, size.height() / scale)
            document.setPageSize(page)
            for number in range(document.pageCount()):
                if pages:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.translate(0, -number * page.height())
                document.drawContents(
                    painter, QRectF(0, number * page.height(), page.width(), page.height())
                )
                painter.restore()
                pages += 1
    finally:
        painter.end()
    return pages


def _scale_to_one_page(document: QTextDocument, size: QSizeF) -> float:
    """The factor (at most 1) that fits `document` on one page of `size`: laid out wider by the
    same factor, so its lines get longer and fewer; a few rounds settle it."""
    scale = 1.0
    for _ in range(4):
        document.setPageSize(QSizeF(size.width() / scale, 1e9))  # one endless page: its height
        height = document.documentLayout().documentSize().height()
        if height <= size.height() / scale:
            return scale
        scale = 0.98 * size.height() / height
    return scale * 0.9  # not settled: leave room to spare


def write_pdf(
    path: Path, documents: Sequence[QTextDocument], title: str, one_page_each: bool = False
) -> int:
    """Write `documents` to the PDF file `path`; returns its number of pages."""
    return render(pdf_writer(path, title), documents, one_page_each)


def _where(device: QPagedPaintDevice) -> str:
    name = getattr(device, "outputFileName", None)
    return str(name()) if callable(name) and name() else "the printer"
