"""The printed report of one screening: one A4 page for the patient's file or a referral.

It says everything a reader away from the screen needs: the clinic, the patient, the film beside
its heatmap (with what the colours mean), the score against the threshold in force and where that
threshold comes from, the label, the clinician's latest review, the model version, when it was
screened and printed, that it is a screening aid and not a diagnosis, and a line to sign.

The page is a `QTextDocument` built from HTML (Qt lays it out and draws it on a PDF writer or a
printer, `desktop.report_pages`); the pictures are handed to it as image resources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from core.errors import UnreadableImage
from core.patient import iso_date
from core.result import ScreeningResult, Status, format_score
from core.review import Review
from desktop.imaging import compose, heatmap_to_qimage, load_detail_image
from desktop.labels import (
    colours,
    decision_text,
    local_time,
    threshold_source_text,
    verdict_text,
)
from desktop.patient_text import age_text, age_warning_text, sex_text
from desktop.reason_texts import reason_text

translate = QCoreApplication.translate

#: Side of each picture on the page, in CSS pixels (1/96 inch): two fit side by side in A4's
#: 180 mm text width, and the page still holds everything else.
PICTURE_SIDE = 310
#: The heatmap's opacity on the report: the detail pane's default.
HEATMAP_OPACITY = 0.45
#: The report's pictures are at most this many pixels a side (sharp at 300 dpi, small PDFs).
MAX_IMAGE_SIDE = 1000
NOT_RECORDED = "—"


@dataclass(frozen=True)
class ReportInput:
    """One page's material: the logged result, its latest review, and the film (None when it
    cannot be read, `image_problem` then says why)."""

    result: ScreeningResult
    review: Review | None
    image: QImage | None
    image_problem: str = ""


def read_film(result: ScreeningResult) -> tuple[QImage | None, str]:
    """The result's film as the detail pane shows it, or (None, why) when it cannot be read."""
    try:
        return load_detail_image(Path(result.file)), ""
    except UnreadableImage as exc:
        return None, str(exc)


def result_document(page: ReportInput, clinic: str, printed_at: datetime) -> QTextDocument:
    """The one-page report of `page.result`, ready to be drawn (`desktop.report_pages`)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    pictures = _pictures(page, document)
    result = page.result
    parts = [
        _header(clinic, translate("Report", "Chest X-ray screening report"), printed_at),
        _patient_table(result),
        pictures,
        _verdict(result),
        _review(page.review),
        _facts(result),
        notice_html(),
        signature_html(),
    ]
    document.setHtml(f"<html><body style='font-size:10pt'>{''.join(parts)}</body></html>")
    return document


def report_title(result: ScreeningResult) -> str:
    """The PDF's title: whose report, or which file's."""
    who = result.patient_name or result.patient_id or Path(result.file).name
    return translate("Report", "PneumoScreen report: {who}").format(who=who)


# -- shared by the day's summary -------------------------------------------------------------


def header_html(clinic: str, title: str, printed_at: datetime) -> str:
    return _header(clinic, title, printed_at)


def notice_html() -> str:
    text = translate(
        "Report",
        "Screening aid, not a diagnosis. A clinician must review every image. The model was "
        "trained on children's frontal chest X-rays from one hospital.",
    )
    return f"<p style='background:#e8f0fb; color:#1b3a66; margin-top:8px'><b>{escape(text)}</b></p>"


def signature_html() -> str:
    line = "_" * 28
    # Texts are translated outside the f-strings: lupdate does not look inside their braces.
    reviewer = escape(translate("Report", "Reviewed by (name):"))
    signature = escape(translate("Report", "Signature:"))
    date = escape(translate("Report", "Date:"))
    return (
        "<table width='100%' style='margin-top:18px'><tr>"
        f"<td>{reviewer}<br><br>{line}</td>"
        f"<td>{signature}<br><br>{line}</td>"
        f"<td>{date}<br><br>{'_' * 16}</td>"
        "</tr></table>"
    )


def shown_date(text: str | None) -> str:
    """A DICOM date ("20261128", "2026.11.28") as YYYY-MM-DD, as the detail pane shows it;
    other text (an ISO date already) as it is."""
    if not text:
        return NOT_RECORDED
    return iso_date(text) or text.strip()


def shown_age(years: float | None) -> str:
    """An age as the detail pane says it (`desktop.patient_text.age_text`), or that it is
    unknown."""
    return age_text(years) or NOT_RECORDED


def shown_sex(sex: str | None) -> str:
    """The sex as the detail pane says it (`desktop.patient_text.sex_text`), or unknown."""
    return sex_text(sex) or NOT_RECORDED


# -- the parts -------------------------------------------------------------------------------


def _header(clinic: str, title: str, printed_at: datetime) -> str:
    clinic_line = escape(clinic.strip()) or escape(translate("Report", "(clinic name not set)"))
    printed = translate("Report", "Printed {when}").format(when=local_time(printed_at))
    return (
        "<table width='100%'><tr>"
        f"<td><span style='font-size:16pt; font-weight:bold'>{clinic_line}</span><br>"
        f"<span style='font-size:12pt'>{escape(title)}</span></td>"
        f"<td align='right' valign='bottom'>{escape(printed)}</td>"
        "</tr></table><hr>"
    )


def _patient_table(result: ScreeningResult) -> str:
    rows = (
        (translate("Report", "Patient name"), result.patient_name),
        (translate("Report", "Patient ID"), result.patient_id),
        (translate("Report", "Sex"), shown_sex(result.patient_sex)),
        (translate("Report", "Age"), shown_age(result.patient_age_years)),
        (
            translate("Report", "Birth date"),
            shown_date(result.patient_birth_date),
        ),
        (translate("Report", "Study date"), shown_date(result.study_date)),
    )
    cells = [
        f"<td width='20%'><b>{escape(name)}:</b></td><td width='30%'>"
        f"{escape(value or NOT_RECORDED)}</td>"
        for name, value in rows
    ]
    html = "<table width='100%' cellpadding='2'>"
    for left, right in zip(cells[::2], cells[1::2], strict=True):
        html += f"<tr>{left}{right}</tr>"
    html += "</table>"
    warning = age_warning_text(result)  # the detail pane's sentence, in the window's language
    if warning:
        age = escape(translate("Report", "Age:"))
        html += f"<p style='color:#6b4300'><b>{age}</b> "
        html += f"{escape(warning)}</p>"
    return html


def _pictures(page: ReportInput, document: QTextDocument) -> str:
    """The film and the film with its heatmap, side by side, with the colour legend."""
    if page.image is None:
        problem = page.image_problem or translate("Report", "The image cannot be read.")
        text = translate("Report", "The image cannot be shown: {problem}").format(problem=problem)
        return f"<p><i>{escape(text)}</i></p>"
    film = _fitted(page.image)
    width, height = _display_size(film)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("report:film"), film)
    caption = escape(translate("Report", "The X-ray"))
    cells = [
        f"<td align='center'><img src='report:film' width='{width}' height='{height}'><br>"
        f"{caption}</td>"
    ]
    heatmap = page.result.heatmap
    if heatmap is not None:
        overlay = compose(film, heatmap_to_qimage(heatmap), HEATMAP_OPACITY).toImage()
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("report:cam"), overlay)
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl("report:legend"), legend_image()
        )
        caption = escape(translate("Report", "Where the model saw signs of pneumonia"))
        cells.append(
            f"<td align='center'><img src='report:cam' width='{width}' height='{height}'><br>"
            f"{caption}</td>"
        )
    table = f"<table width='100%' cellpadding='4'><tr>{''.join(cells)}</tr></table>"
    if heatmap is None:
        return table
    colours, weak = translate("Report", "Heatmap colours:"), translate("Report", "weak")
    strong = translate("Report", "strong")
    none = translate("Report", "no colour: no sign of pneumonia")
    legend = (
        f"{escape(colours)} {escape(weak)}"
        " <img src='report:legend' width='140' height='10'> "
        f"{escape(strong)}; {escape(none)}"
    )
    return f"{table}<p align='center'>{legend}</p>"


def _verdict(result: ScreeningResult) -> str:
    background, text = colours(result)
    verdict = escape(verdict_text(result))
    html = (
        f"<p style='background:{background.name()}; color:{text.name()}; font-size:14pt'>"
        f"<b>{verdict}</b></p>"
    )
    if result.status is Status.OK and result.score is not None:
        threshold = "?" if result.threshold is None else format_score(result.threshold)
        sentence = translate(
            "Report",
            "Pneumonia score {score} of 100, against a threshold of {threshold} ({source}): "
            "a score at or above the threshold means pneumonia is likely.",
        ).format(
            score=format_score(result.score),
            threshold=threshold,
            source=threshold_source_text(result.threshold_source),
        )
        html += f"<p>{escape(sentence)}</p>"
    else:
        reason = escape(reason_text(result))
        title = escape(translate("Report", "Reason:"))
        html += f"<p><b>{title}</b> {reason}</p>"
    return html


def _review(review: Review | None) -> str:
    title = escape(translate("Report", "Clinician's review:"))
    if review is None:
        not_yet = escape(translate("Report", "not reviewed yet"))
        return f"<p><b>{title}</b> {not_yet}</p>"
    said = translate("Report", "{decision}, by {reviewer} on {when}").format(
        decision=decision_text(review.decision),
        reviewer=review.reviewer,
        when=local_time(review.reviewed_at),
    )
    html = f"<p><b>{title}</b> {escape(said)}"
    if review.note:
        note = escape(translate("Report", "Note:"))
        html += f"<br>{note} {escape(review.note)}"
    return html + "</p>"


def _facts(result: ScreeningResult) -> str:
    rows = (
        (translate("Report", "File"), Path(result.file).name),
        (translate("Report", "Screened"), local_time(result.screened_at)),
        (translate("Report", "Model version"), result.model_version),
    )
    cells = "".join(
        f"<tr><td width='20%'><b>{escape(name)}:</b></td><td>{escape(value)}</td></tr>"
        for name, value in rows
    )
    return f"<table width='100%' cellpadding='2'>{cells}</table>"


def _fitted(image: QImage) -> QImage:
    if max(image.width(), image.height()) <= MAX_IMAGE_SIDE:
        return image
    return image.scaled(
        MAX_IMAGE_SIDE,
        MAX_IMAGE_SIDE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _display_size(image: QImage) -> tuple[int, int]:
    """The picture's size on the page (CSS pixels), its longer side `PICTURE_SIDE`."""
    scale = PICTURE_SIDE / max(image.width(), image.height(), 1)
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))


def legend_image() -> QImage:
    """The heatmap's colour scale, weak (yellow, faint) to strong (red), as `heatmap_to_qimage`
    colours it, drawn over white as on a printed page."""
    strength = np.linspace(0.0, 1.0, 240, dtype=np.float32)
    alpha = np.sqrt(strength) * 235 / 255
    rgb = np.stack(
        [np.full_like(strength, 255), 220 * (1 - strength), np.zeros_like(strength)], axis=-1
    )
    on_white = rgb * alpha[:, None] + 255 * (1 - alpha[:, None])
    row = np.rint(on_white).astype(np.uint8)
    pixels = np.ascontiguousarray(np.repeat(row[None, :, :], 20, axis=0))
    image = QImage(pixels.data, 240, 20, 3 * 240, QImage.Format.Format_RGB888)
    return image.copy()
