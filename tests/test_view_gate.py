"""The view gate: only frontal chest X-rays reach the screening model; everything else is refused
with a reason, and the gate's own file is verified like the model's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.card_integrity import release_version
from core.errors import ModelCardError, ModelIntegrityError
from core.image_reader import read_image
from core.model_card import load_model_card
from core.quality_gate import MAX_COLOUR_SHARE
from core.reason_codes import ReasonCode
from core.result import Status
from core.result_log import ResultLog
from core.screening import Screener
from core.view_gate import NAMED_REFUSALS, ViewGate, load_view_gate_card
from tests.card_edits import register_as_released
from tests.conftest import SHIPPED_MODEL_DIR
from training import gate_negatives
from training.gate_data import case_id, split_cases


@pytest.fixture(scope="module")
def screener(tmp_path_factory) -> Screener:
    log = ResultLog(tmp_path_factory.mktemp("log") / "results.sqlite3")
    return Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)


@pytest.fixture
def model_copy(tmp_path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, copy)
    return copy


def _save(pixels: np.ndarray, path: Path, mode: str = "L") -> Path:
    Image.fromarray(pixels).convert(mode).save(path)
    return path


def _samples(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "samples").glob("*/*.png"))


def test_the_shipped_card_names_a_verified_gate():
    gate_card = load_view_gate_card(load_model_card(SHIPPED_MODEL_DIR / "model.json"))
    assert gate_card is not None
    gate_card.verify_model_file()
    assert 0 < gate_card.threshold < 100
    assert gate_card.model_file.stat().st_size < 200_000


def test_every_sample_chest_x_ray_passes_the_gate(screener, shared_data):
    outcomes = [screener.screen_file(path).result for path in _samples(shared_data)]
    assert [o.status for o in outcomes] == [Status.OK] * len(outcomes)


@pytest.mark.parametrize(
    "maker", [gate_negatives.document, gate_negatives.screenshot, gate_negatives.chart]
)
def test_documents_screenshots_and_charts_are_refused_as_not_an_x_ray(screener, tmp_path, maker):
    rng = np.random.default_rng(2026)
    for index in range(3):
        path = _save(maker(rng), tmp_path / f"{maker.__name__}-{index}.png")
        result = screener.screen_file(path).result
        assert (result.status, result.reason_code) == (Status.REJECTED, ReasonCode.NOT_A_RADIOGRAPH)
        assert result.reason == NAMED_REFUSALS["not_a_radiograph"].text
        assert result.score is None and result.label is None


@pytest.mark.parametrize(
    "transform",
    [gate_negatives.inverted, gate_negatives.upside_down, gate_negatives.turned],
    ids=["inverted", "upside-down", "turned"],
)
def test_a_radiograph_inverted_upside_down_or_turned_is_refused(
    screener, shared_data, tmp_path, transform
):
    rng = np.random.default_rng(7)
    refused = 0
    samples = _samples(shared_data)
    for path in samples:
        pixels = np.asarray(Image.open(path).convert("L"))
        changed = _save(np.ascontiguousarray(transform(pixels, rng)), tmp_path / path.name)
        refused += screener.screen_file(changed).result.status == Status.REJECTED
    assert refused >= 0.9 * len(samples)


def test_the_held_out_ct_and_lateral_cases_are_refused(screener, shared_data):
    held_out = []
    for kind in ("ct", "lateral"):
        held_out += split_cases(sorted((shared_data / "not-frontal-cxr" / kind).glob("*.png")))[1]
    statuses = [screener.screen_file(path).result.status for path in held_out]
    assert len(held_out) >= 10
    assert statuses.count(Status.REJECTED) >= 0.9 * len(held_out)


def test_a_colour_photo_is_refused_before_the_model_sees_it(screener, tmp_path):
    rng = np.random.default_rng(3)
    blocks = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
    photo = Image.fromarray(blocks).resize((400, 300), Image.Resampling.NEAREST)
    photo.save(tmp_path / "holiday.jpg", quality=90)
    result = screener.screen_file(tmp_path / "holiday.jpg").result
    assert result.status == Status.REJECTED
    assert "colour picture" in result.reason


def test_a_grey_radiograph_stored_in_colour_or_lightly_tinted_is_not_a_colour_picture(
    shared_data, tmp_path
):
    gray = np.asarray(Image.open(_samples(shared_data)[0]).convert("L"), dtype=np.float32)
    as_rgb = _save(gray.astype(np.uint8), tmp_path / "rgb.jpg", mode="RGB")
    sepia = np.stack([gray, gray * 0.9, gray * 0.75], axis=2).astype(np.uint8)
    tinted = tmp_path / "film-photo.jpg"
    Image.fromarray(sepia).save(tinted)
    assert read_image(as_rgb).colour_share == 0.0
    assert read_image(tinted).colour_share <= MAX_COLOUR_SHARE


def test_results_name_both_models_so_a_new_gate_is_never_bypassed_by_the_cache(screener):
    assert screener.gate_card is not None
    assert screener.model_version == release_version(screener.card, screener.gate_card)
    assert screener.model_version != release_version(screener.card, None)


def test_an_altered_gate_file_is_refused(model_copy, tmp_path):
    card = load_model_card(model_copy / "model.json")
    gate_file = load_view_gate_card(card).model_file
    data = bytearray(gate_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    gate_file.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="sha256"):
        Screener(card, ResultLog(tmp_path / "log.sqlite3"))


def test_a_card_naming_a_missing_gate_is_refused(model_copy):
    raw = json.loads((model_copy / "model.json").read_text())
    raw["view_gate"] = "no-such-gate.json"
    (model_copy / "model.json").write_text(json.dumps(raw))
    with pytest.raises(ModelCardError, match=r"no-such-gate\.json"):
        load_view_gate_card(load_model_card(model_copy / "model.json"))


def test_a_release_without_a_gate_still_screens(model_copy, tmp_path, shared_data, monkeypatch):
    raw = json.loads((model_copy / "model.json").read_text())
    del raw["view_gate"]
    (model_copy / "model.json").write_text(json.dumps(raw))
    register_as_released(monkeypatch, model_copy / "model.json")
    screener = Screener(load_model_card(model_copy / "model.json"), ResultLog(tmp_path / "l.db"))
    assert screener.gate_card is None
    assert screener.screen_file(_samples(shared_data)[0]).result.status == Status.OK


def test_the_gate_scores_on_a_0_to_100_scale(shared_data):
    gate = ViewGate(load_view_gate_card(load_model_card(SHIPPED_MODEL_DIR / "model.json")))
    score = gate.frontal_score(read_image(_samples(shared_data)[0]).pixels)
    assert 0.0 <= score <= 100.0


def test_cases_of_non_frontal_examples_stay_on_one_side_of_the_split():
    names = [
        "16630_3_1.png",
        "16630_4_1.png",
        "000002-16.png",
        "000002-2.png",
        "kjr-21-e24-g001-l-c.png",
    ]
    assert case_id(Path(names[0])) == case_id(Path(names[1])) == "16630"
    assert case_id(Path(names[2])) == case_id(Path(names[3])) == "000002"
    assert case_id(Path(names[4])) == "kjr-21-e24"
    train, held_out = split_cases([Path(n) for n in names])
    assert {case_id(p) for p in train}.isdisjoint({case_id(p) for p in held_out})
