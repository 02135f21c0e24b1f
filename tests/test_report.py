"""The printed report of one result, rendered to a real PDF and read back with poppler's tools.

`pdftotext` reads what a printer would print, so these tests see the page as its reader does:
every fact is checked in the PDF's text, not in the HTML that made it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from core.result import Status
from core.review import Review, ReviewDecision
from desktop.report import ReportInput, read_film, result_document
from desktop.report_pages import write_pdf
from tests.review_fixtures import EAT, T0, make_result

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (README, System packages)"
)

PRINTED_AT = datetime(2026, 11, 21, 8, 15, tzinfo=EAT)


def pdf_text(path: Path) -> str:
    """The PDF's text as `pdftotext` reads it, spaces and line breaks made single spaces, and
    the font's ligatures (the "fi" of "confirmed") made letters again."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in out.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def a_patients_result(score: float = 87.3):
    """A logged-looking result with every patient field filled in, and a heatmap."""
    cam = np.zeros((7, 7), np.float32)
    cam[2:5, 1:3] = 8.0
    return replace(
        make_result(0, score),
        id=7,
        heatmap=cam,
        patient_id="KDH-00412",
        study_date="20261120",
        patient_name="Amina Otieno",
        patient_sex="F",
        patient_age_years=3.4,
        patient_birth_date="2023-06-30",
    )


def render(tmp_path: Path, result, review=None, clinic="Kisumu District Clinic") -> Path:
    image, problem = read_film(result)
    document = result_document(ReportInput(result, review, image, problem), clinic, PRINTED_AT)
    path = tmp_path / "report.pdf"
    assert write_pdf(path, [document], "report", one_page_each=True) == 1
    return path


def test_the_page_says_everything_the_reader_needs(qapp, tmp_path):
    result = a_patients_result()
    review = Review(
        result_id=7,
        decision=ReviewDecision.PNEUMONIA,
        reviewer="Dr Achieng",
        reviewed_at=T0 + timedelta(hours=2),
        note="Refer to the district hospital",
    )
    path = render(tmp_path, result, review)
    assert pdf_pages(path) == 1
    text = pdf_text(path)
    for expected in (
        "Kisumu District Clinic",
        "Amina Otieno",
        "KDH-00412",
        "Female",
        "3 years",
        "2023-06-30",
        "2026-11-20",  # the study date as a date, not 20261120
        "Pneumonia likely",
        "Pneumonia score 87.3 of 100",
        f"threshold of {result.threshold:.1f} (the model's threshold)",
        "Pneumonia confirmed, by Dr Achieng on",
        "Refer to the district hospital",
        f"Model version: {result.model_version}",
        "Screening aid, not a diagnosis",
        "Signature:",
        "Printed 2026-11-21",
        "weak",
        "strong",
    ):
        assert expected in text, expected
    assert "20261120" not in text
    assert "____" in text  # the lines to sign on


def test_an_unreviewed_result_under_a_site_threshold_says_so(qapp, tmp_path):
    result = replace(a_patients_result(score=20.0), threshold_source="site")
    text = pdf_text(render(tmp_path, result, None, clinic=""))
    assert "No pneumonia signs" in text
    assert "(this clinic's site threshold)" in text
    assert "not reviewed yet" in text
    assert "clinic name not set" in text


def test_a_rejected_film_gives_its_reason_and_no_score(qapp, tmp_path):
    result = make_result(1, None, status=Status.REJECTED)
    text = pdf_text(render(tmp_path, result))
    assert "Not judged: rejected" in text
    assert "The image is too small to judge." in text
    assert "Pneumonia score" not in text
    assert "Screening aid, not a diagnosis" in text


def test_a_film_that_is_gone_still_gets_its_page(qapp, tmp_path):
    result = replace(a_patients_result(), file=str(tmp_path / "moved-away.png"))
    text = pdf_text(render(tmp_path, result))
    assert "The image cannot be shown" in text
    assert "Pneumonia score 87.3 of 100" in text


def test_an_age_outside_the_validated_range_is_marked(qapp, tmp_path):
    warning = "outside the validated ages (1-5 years)"
    result = replace(a_patients_result(), patient_age_years=34.0, age_warning=warning)
    text = pdf_text(render(tmp_path, result))
    assert "34 years" in text
    assert warning in text


def test_a_long_review_note_still_fits_one_sheet(qapp, tmp_path):
    note = " ".join(f"Finding {n}: patchy opacity, follow up in two weeks." for n in range(60))
    review = Review(
        result_id=7,
        decision=ReviewDecision.OTHER_FINDING,
        reviewer="Dr Achieng",
        reviewed_at=T0 + timedelta(hours=2),
        note=note,
    )
    result = a_patients_result()
    image, problem = read_film(result)
    document = result_document(ReportInput(result, review, image, problem), "Clinic", PRINTED_AT)
    path = tmp_path / "long.pdf"
    assert write_pdf(path, [document], "report", one_page_each=True) == 1
    text = pdf_text(path)
    assert "Finding 59" in text and "Screening aid, not a diagnosis" in text
    assert "Signature:" in text
    # Without fitting, the same page runs over onto a second sheet.
    document = result_document(ReportInput(result, review, image, problem), "Clinic", PRINTED_AT)
    assert write_pdf(tmp_path / "two.pdf", [document], "report") == 2


def test_a_printer_gets_the_same_page(qapp, tmp_path):
    """What Print… sends, drawn on a QPrinter (here one that prints to a file)."""
    from PySide6.QtPrintSupport import QPrinter

    from desktop.report_pages import render

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    result = a_patients_result()
    image, problem = read_film(result)
    document = result_document(ReportInput(result, None, image, problem), "Clinic", PRINTED_AT)
    assert render(printer, [document], one_page_each=True) == 1
    text = pdf_text(tmp_path / "printed.pdf")
    assert "Amina Otieno" in text and "Screening aid, not a diagnosis" in text
