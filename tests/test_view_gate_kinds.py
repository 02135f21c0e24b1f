"""The view gate names what it refused where it can tell (issue 17): a side view, a CT slice, a
photo or document, an inverted, turned or cropped film, each with its own sentence; when it cannot
tell, the general sentence. The kinds and the probability needed to name one are card data."""

from __future__ import annotations

import json
import shutil
from dataclasses import astuple
from pathlib import Path

import pytest

from core.errors import ModelCardError
from core.image_reader import read_image
from core.model_card import load_model_card
from core.reason_codes import Reason, ReasonCode
from core.result import Status
from core.result_log import ResultLog
from core.screening import Screener
from core.view_gate import (
    NAMED_REFUSALS,
    NOT_FRONTAL_REASON,
    ViewGate,
    load_view_gate_card,
    refusal_kinds,
)
from tests.card_edits import register_as_released
from tests.conftest import SHIPPED_MODEL_DIR
from training.gate_data import REFUSAL_KINDS, split_cases


@pytest.fixture
def gate_card_copy(tmp_path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, copy)
    return copy / "frontal-gate.json"


def _edit(card_path: Path, monkeypatch, change) -> None:
    raw = json.loads(card_path.read_text())
    change(raw)
    card_path.write_text(json.dumps(raw))
    register_as_released(monkeypatch, card_path)


def test_every_kind_the_training_names_has_a_sentence_that_says_what_it_saw():
    assert set(REFUSAL_KINDS) == set(NAMED_REFUSALS)
    for reason in NAMED_REFUSALS.values():
        assert "not scored" in reason.text
        assert reason.text != NOT_FRONTAL_REASON


def test_the_shipped_gate_names_the_kinds_in_its_card():
    gate_card = load_view_gate_card(load_model_card(SHIPPED_MODEL_DIR / "model.json"))
    assert refusal_kinds(gate_card)[0] == tuple(REFUSAL_KINDS)
    assert 0.5 <= gate_card.raw["refusal_kinds"]["min_probability"] <= 1


@pytest.mark.parametrize(
    "entry",
    [
        {"names": ["side_view", "sunburn"], "min_probability": 0.6},
        {"names": ["side_view", "side_view"], "min_probability": 0.6},
        {"names": [], "min_probability": 0.6},
        {"names": ["side_view"], "min_probability": 0},
        {"names": ["side_view"], "min_probability": "0.6"},
        ["side_view"],
    ],
    ids=["unknown-kind", "twice", "none", "zero-probability", "text-probability", "not-a-table"],
)
def test_a_card_with_malformed_refusal_kinds_is_refused(gate_card_copy, monkeypatch, entry):
    _edit(gate_card_copy, monkeypatch, lambda raw: raw.__setitem__("refusal_kinds", entry))
    with pytest.raises(ModelCardError, match="refusal_kinds"):
        refusal_kinds(load_model_card(gate_card_copy))


def test_a_card_naming_fewer_kinds_than_the_file_has_is_refused(gate_card_copy, monkeypatch):
    def fewer(raw):
        raw["refusal_kinds"]["names"] = raw["refusal_kinds"]["names"][:-1]

    _edit(gate_card_copy, monkeypatch, fewer)
    with pytest.raises(ModelCardError, match="refusal kinds"):
        ViewGate(load_model_card(gate_card_copy))


def test_a_gate_that_must_be_certain_to_name_a_kind_gives_the_general_sentence(
    gate_card_copy, monkeypatch, shared_data
):
    _edit(gate_card_copy, monkeypatch, lambda raw: raw["refusal_kinds"].update(min_probability=1))
    gate = ViewGate(load_model_card(gate_card_copy))
    side_view = read_image(shared_data / "not-frontal-cxr" / "lateral" / "000002-16.png")
    assert gate.refusal(side_view.pixels) == Reason(ReasonCode.NOT_FRONTAL_CXR, NOT_FRONTAL_REASON)


@pytest.fixture(scope="module")
def screener(tmp_path_factory) -> Screener:
    log = ResultLog(tmp_path_factory.mktemp("log") / "results.sqlite3")
    return Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)


@pytest.mark.parametrize(("folder", "kind"), [("lateral", "side_view"), ("ct", "ct_slice")])
def test_most_held_out_side_views_and_ct_slices_are_refused_by_name(
    screener, shared_data, folder, kind
):
    _, held_out = split_cases(sorted((shared_data / "not-frontal-cxr" / folder).glob("*.png")))
    reasons = [screener.screen_file(path).result for path in held_out]
    assert all(result.status == Status.REJECTED for result in reasons)
    named = sum(
        (result.reason_code, result.reason) == tuple(astuple(NAMED_REFUSALS[kind]))
        for result in reasons
    )
    assert named >= 0.6 * len(reasons), [r.reason for r in reasons]


def test_each_named_kind_has_its_own_code_and_only_those_codes():
    from core.reason_codes import NAMED_VIEW_CODES

    codes = [reason.code for reason in NAMED_REFUSALS.values()]
    assert sorted(codes) == sorted(NAMED_VIEW_CODES)
