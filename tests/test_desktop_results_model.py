"""The results table model and its filter, tested without any view (Vorta style)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from core.reason_codes import ReasonCode
from core.result import Label, ScreeningResult, Status
from desktop.labels import LABEL_COLOURS
from desktop.results_filter import ResultsFilter
from desktop.results_model import (
    COL_FILE,
    COL_LABEL,
    COL_PATIENT,
    COL_REASON,
    COL_SCORE,
    COL_STATUS,
    COL_THUMB,
    COL_TIME,
    COLUMN_COUNT,
    RESULT_ROLE,
    SORT_ROLE,
    ResultsModel,
)

EAT = timezone(timedelta(hours=3))  # a clinic in East Africa
T0 = datetime(2026, 11, 20, 9, 30, tzinfo=EAT)


def make(row_id: int, name: str, score: float | None, status: Status = Status.OK, **kw):
    label = None
    if status is Status.OK:
        label = Label.PNEUMONIA if score >= 30.2 else Label.NORMAL
    return ScreeningResult(
        file=f"/clinic/xrays/{name}",
        sha256=f"{row_id:064x}",
        status=status,
        score=score,
        label=label,
        reason=kw.pop("reason", "" if status is Status.OK else "The file is empty."),
        reason_code=kw.pop("reason_code", None if status is Status.OK else ReasonCode.EMPTY_FILE),
        threshold=30.2,
        model_version="0.1.0+0234f9b7",
        screened_at=kw.pop("screened_at", T0 + timedelta(minutes=row_id)),
        heatmap=np.zeros((6, 6), np.float32) if status is Status.OK else None,
        id=row_id,
        **kw,
    )


@pytest.fixture
def results() -> list[ScreeningResult]:
    return [
        make(1, "b-normal.png", 9.5),
        make(2, "a-pneumonia.dcm", 87.3, patient_id="PAT-0042"),
        make(3, "empty.jpg", None, Status.ERROR, reason="empty.jpg could not be read: empty."),
        make(
            4,
            "icon.png",
            None,
            Status.REJECTED,
            reason="The image is too small to judge.",
            reason_code=ReasonCode.TOO_SMALL,
        ),
        make(5, "c-pneumonia.png", 10.0 + 30, screened_at=T0 + timedelta(days=3)),
    ]


@pytest.fixture
def model(qapp, results) -> ResultsModel:
    model = ResultsModel()
    model.reset(results)
    return model


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_columns_are_named_and_headed(model):
    assert model.columnCount() == COLUMN_COUNT
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert headers[COL_REASON] == "Reason"
    assert headers[:8] == [
        "Image",
        "File",
        "Patient",
        "Score",
        "Label",
        "Status",
        "Screened",
        "Review",
    ]
    assert model.rowCount() == 5


def test_display_values_of_an_ok_row(model):
    assert cell(model, 1, COL_FILE) == "a-pneumonia.dcm"
    assert cell(model, 1, COL_PATIENT) == "PAT-0042"
    assert cell(model, 1, COL_SCORE) == "87.3"
    assert cell(model, 1, COL_LABEL) == "Pneumonia likely"
    assert cell(model, 0, COL_LABEL) == "No pneumonia signs"
    assert cell(model, 1, COL_STATUS) == "Screened"
    assert cell(model, 1, COL_TIME) == T0.replace(minute=32).astimezone().strftime("%Y-%m-%d %H:%M")
    assert cell(model, 1, COL_FILE, Qt.ItemDataRole.ToolTipRole) == "/clinic/xrays/a-pneumonia.dcm"


def test_rows_without_a_score_say_why(model):
    assert cell(model, 2, COL_SCORE) == "\u2013"
    assert cell(model, 2, COL_LABEL) == cell(model, 2, COL_REASON) != ""  # no label: why not
    assert cell(model, 2, COL_STATUS) == "Could not read"
    assert cell(model, 3, COL_STATUS) == "Rejected"
    assert "too small" in cell(model, 3, COL_STATUS, Qt.ItemDataRole.ToolTipRole)


def test_label_has_text_and_colour_together(model):
    background = cell(model, 1, COL_LABEL, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor)
    assert background == LABEL_COLOURS[Label.PNEUMONIA][0]
    assert cell(model, 0, COL_LABEL, Qt.ItemDataRole.BackgroundRole) != background
    assert cell(model, 1, COL_LABEL)  # never colour alone


def test_result_role_and_sort_keys(model, results):
    assert cell(model, 1, 0, RESULT_ROLE) is results[1]
    assert cell(model, 1, COL_SCORE, SORT_ROLE) == pytest.approx(87.3)
    assert cell(model, 2, COL_SCORE, SORT_ROLE) == -1.0  # no score sorts below every score
    assert cell(model, 1, COL_TIME, SORT_ROLE) == results[1].screened_at.timestamp()
    assert cell(model, 1, COL_LABEL, SORT_ROLE) > cell(model, 0, COL_LABEL, SORT_ROLE)


def test_sorting_by_score_is_numeric(model):
    proxy = ResultsFilter()
    proxy.setSourceModel(model)
    proxy.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    scores = [proxy.index(r, COL_SCORE).data() for r in range(proxy.rowCount())]
    assert scores[:3] == ["87.3", "40.0", "9.5"]  # as text "9.5" > "87.3"; as numbers it is not
    proxy.sort(COL_FILE, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_FILE).data() == "a-pneumonia.dcm"


def test_filter_by_label_status_search_and_date(model):
    proxy = ResultsFilter()
    proxy.setSourceModel(model)
    assert not proxy.is_filtered()
    proxy.set_label(Label.PNEUMONIA)
    assert {r.id for r in proxy.results()} == {2, 5}
    assert proxy.is_filtered()
    proxy.set_label(None)
    proxy.set_status(Status.ERROR)
    assert [r.id for r in proxy.results()] == [3]
    proxy.set_status(None)
    proxy.set_search("pat-0042")  # patient ID, any case
    assert [r.id for r in proxy.results()] == [2]
    proxy.set_search("TOO SMALL")  # the reason
    assert [r.id for r in proxy.results()] == [4]
    proxy.set_search("")
    proxy.set_since(date(2026, 11, 21))
    assert [r.id for r in proxy.results()] == [5]
    proxy.set_since(None)
    assert proxy.rowCount() == 5 and not proxy.is_filtered()


def test_date_filter_uses_the_clinic_local_date():
    late = make(9, "late.png", 5.0, screened_at=datetime(2026, 11, 20, 23, 30, tzinfo=EAT))
    proxy = ResultsFilter()
    # 23:30 in Nairobi is 20:30 UTC on the same day; either way it is the 20th where screened.
    proxy.set_since(date(2026, 11, 20))
    assert proxy.accepts(late)
    proxy.set_since(date(2026, 11, 21))
    assert not proxy.accepts(late)


def test_add_appends_and_updates_a_row_answered_from_the_log(model, qtbot):
    with qtbot.waitSignal(model.rowsInserted):
        row = model.add(make(6, "new.png", 55.0))
    assert row == 5 and model.rowCount() == 6
    moved = make(2, "copied-from-usb.dcm", 87.3)
    with qtbot.waitSignal(model.dataChanged):
        assert model.add(moved) == 1
    assert model.rowCount() == 6
    assert cell(model, 1, COL_FILE) == "copied-from-usb.dcm"
    assert model.row_of_id(2) == 1


def test_thumbnails_are_asked_for_and_repainted(qapp, results):
    asked = []
    image = QImage(8, 8, QImage.Format.Format_Grayscale8)

    class Source:
        def get(self, file):
            asked.append(file)
            return image

    model = ResultsModel(Source())
    model.reset(results)
    assert cell(model, 0, COL_THUMB, Qt.ItemDataRole.DecorationRole) is image
    assert asked == [results[0].file]
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append((top.row(), top.column())))
    model.thumbnail_ready(results[3].file)
    assert changed == [(3, COL_THUMB)]
