"""The window says why a file was not scored in the user's language, chosen by the reason's code
(issue 18): every code has words, and a translation replaces the engine's English sentence, which
stays in the tooltip."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from core.reason_codes import ReasonCode
from core.result import ScreeningResult, Status
from desktop.reason_texts import (
    CONTEXT,
    REASON_TEXTS,
    reason_detail,
    reason_short_text,
    reason_text,
    reason_tooltip,
)
from desktop.results_model import COL_LABEL, COL_REASON, ResultsModel
from tests.test_result_log import error_result, ok_result

ENGINE_SENTENCE = "scan.dcm could not be read: its DICOM encoding is not supported (JPEG XT)."


class Pseudo(QTranslator):
    """A translation of the reason texts only: "[fr] " before each."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[fr] {source}" if context == CONTEXT else ""


@pytest.fixture
def french(qapp):
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def unsupported() -> ScreeningResult:
    return replace(error_result(), reason=ENGINE_SENTENCE, reason_code="unsupported_dicom")


def test_every_code_has_a_short_name_and_a_sentence():
    assert set(REASON_TEXTS) == set(ReasonCode)
    for code, (short, sentence) in REASON_TEXTS.items():
        assert short and len(short) <= 30, code  # fits a table cell
        assert sentence.endswith("."), code
    assert len({short for short, _ in REASON_TEXTS.values()}) == len(REASON_TEXTS)


def test_in_english_the_engine_sentence_is_shown_and_the_short_name_by_code(qapp):
    result = unsupported()
    assert reason_short_text(result) == "DICOM not supported"
    assert reason_text(result) == ENGINE_SENTENCE  # it says more than the code's sentence
    assert reason_detail(result) == ""
    assert reason_tooltip(result) == ENGINE_SENTENCE


def test_in_another_language_the_translated_sentence_is_shown_and_the_english_in_the_tooltip(
    french,
):
    result = unsupported()
    sentence = REASON_TEXTS[ReasonCode.UNSUPPORTED_DICOM][1]
    assert reason_short_text(result) == "[fr] DICOM not supported"
    assert reason_text(result) == f"[fr] {sentence}"
    assert reason_detail(result) == ENGINE_SENTENCE
    assert reason_tooltip(result) == f"[fr] {sentence}\n\n{ENGINE_SENTENCE}"


def test_an_ok_result_has_no_reason_words(french):
    result = ok_result()
    assert (reason_short_text(result), reason_text(result), reason_tooltip(result)) == ("",) * 3


def test_the_results_table_shows_the_translated_reason(french):
    refused = replace(unsupported(), id=1)
    rejected = replace(
        refused,
        id=2,
        sha256="cd" * 32,
        status=Status.REJECTED,
        reason="The image is too small to judge.",
        reason_code="too_small",
    )
    model = ResultsModel()
    model.reset([refused, rejected])
    cell = model.index(0, COL_REASON)
    assert cell.data() == "[fr] DICOM not supported"
    assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(ENGINE_SENTENCE)
    assert model.index(1, COL_LABEL).data() == "[fr] Too small to judge"


def test_a_result_logged_before_codes_without_a_known_reason_still_says_why(qapp):
    result = replace(error_result(), reason="Refused by hand.", reason_code="unknown")
    assert reason_short_text(result) == "Not screened"
    assert reason_text(result) == "Refused by hand."


def test_the_detail_pane_says_why_in_the_language_with_the_english_in_its_tooltip(qtbot, french):
    from desktop.detail_pane import DetailPane
    from desktop.worker import TaskManager

    tasks = TaskManager()
    pane = DetailPane(tasks, read_image=lambda path, cancel: None)
    qtbot.addWidget(pane)
    pane.show_result(unsupported())
    sentence = REASON_TEXTS[ReasonCode.UNSUPPORTED_DICOM][1]
    assert (pane.reason.text(), pane.reason.toolTip()) == (f"[fr] {sentence}", ENGINE_SENTENCE)
    qtbot.waitUntil(lambda: tasks.active() == 0, timeout=10_000)
