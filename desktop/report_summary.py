"""The day's summary report: how many films were screened on one day, how they ended, and the
list of flagged films (labelled "Pneumonia likely") for the clinician's round or the register.

A day is the date a film was screened on where it was screened (its `screened_at` date), as
`pneumoscreen export --since` counts days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from core.result import Label, ScreeningResult, Status, format_score
from core.review import Review
from desktop.labels import decision_text
from desktop.report import NOT_RECORDED, header_html, notice_html, signature_html

translate = QCoreApplication.translate


@dataclass(frozen=True)
class DayCounts:
    """How the films of one day ended."""

    screened: int
    pneumonia: int
    no_pneumonia: int
    rejected: int
    unreadable: int
    reviewed: int


def results_of_day(results: Iterable[ScreeningResult], day: date) -> list[ScreeningResult]:
    """The results screened on `day`, in the order given."""
    return [result for result in results if result.screened_at.date() == day]


def day_counts(results: list[ScreeningResult], reviews: Mapping[int, Review]) -> DayCounts:
    def labelled(label: Label) -> int:
        return sum(r.status is Status.OK and r.label is label for r in results)

    return DayCounts(
        screened=len(results),
        pneumonia=labelled(Label.PNEUMONIA),
        no_pneumonia=labelled(Label.NORMAL),
        rejected=sum(r.status is Status.REJECTED for r in results),
        unreadable=sum(r.status is Status.ERROR for r in results),
        reviewed=sum(r.id in reviews for r in results if r.id is not None),
    )


def flagged(results: list[ScreeningResult]) -> list[ScreeningResult]:
    """The films labelled "Pneumonia likely", highest score first."""
    found = [r for r in results if r.status is Status.OK and r.label is Label.PNEUMONIA]
    return sorted(found, key=lambda r: -(r.score or 0.0))


def counts_sentence(counts: DayCounts) -> str:
    """The counts in one line, for the dialog before printing."""
    return translate(
        "Report",
        "{n} films: {p} pneumonia likely, {c} no pneumonia signs, {r} rejected, "
        "{u} could not be read; {v} reviewed.",
    ).format(
        n=counts.screened,
        p=counts.pneumonia,
        c=counts.no_pneumonia,
        r=counts.rejected,
        u=counts.unreadable,
        v=counts.reviewed,
    )


def day_summary_document(
    day: date,
    results: list[ScreeningResult],
    reviews: Mapping[int, Review],
    clinic: str,
    printed_at: datetime,
) -> QTextDocument:
    """The summary of `results` (the films of `day`), ready to be drawn (`report_pages`)."""
    counts = day_counts(results, reviews)
    title = translate("Report", "Day summary: {day}").format(day=day.isoformat())
    rows = (
        (translate("Report", "Films screened"), counts.screened),
        (translate("Report", "Pneumonia likely"), counts.pneumonia),
        (translate("Report", "No pneumonia signs"), counts.no_pneumonia),
        (translate("Report", "Rejected (not a usable frontal chest X-ray)"), counts.rejected),
        (translate("Report", "Could not be read"), counts.unreadable),
        (translate("Report", "Reviewed by a clinician"), counts.reviewed),
    )
    table = "".join(
        f"<tr><td width='60%'>{escape(name)}</td><td align='right'>{value}</td></tr>"
        for name, value in rows
    )
    # Translated outside the f-string: lupdate does not look inside its braces.
    flagged_title = escape(translate("Report", "Flagged films: pneumonia likely"))
    parts = [
        header_html(clinic, title, printed_at),
        f"<table cellpadding='3' border='1' cellspacing='0' width='60%'>{table}</table>",
        f"<h3>{flagged_title}</h3>",
        _flagged_table(flagged(results), reviews),
        notice_html(),
        signature_html(),
    ]
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(f"<html><body style='font-size:10pt'>{''.join(parts)}</body></html>")
    return document


def _flagged_table(results: list[ScreeningResult], reviews: Mapping[int, Review]) -> str:
    if not results:
        none = escape(translate("Report", "No film was flagged on this day."))
        return f"<p>{none}</p>"
    heads = (
        translate("Report", "Time"),
        translate("Report", "File"),
        translate("Report", "Patient ID"),
        translate("Report", "Patient name"),
        translate("Report", "Score"),
        translate("Report", "Review"),
    )
    html = "<table cellpadding='3' border='1' cellspacing='0' width='100%'><tr>"
    html += "".join(f"<th align='left'>{escape(head)}</th>" for head in heads) + "</tr>"
    for result in results:
        review = reviews.get(result.id) if result.id is not None else None
        cells = (
            result.screened_at.strftime("%H:%M"),
            Path(result.file).name,
            result.patient_id or NOT_RECORDED,
            result.patient_name or NOT_RECORDED,
            format_score(result.score or 0.0),
            decision_text(review.decision) if review else translate("Report", "not reviewed"),
        )
        html += "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"
    return html + "</table>"
