"""A model file or card that is altered, truncated, swapped or malformed is refused."""

import json
import shutil

import pytest

from core.errors import ModelCardError, ModelIntegrityError
from core.model_card import load_model_card
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture
def model_copy(tmp_path):
    for path in SHIPPED_MODEL_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_shipped_model_matches_its_card():
    load_model_card(SHIPPED_MODEL_DIR / "model.json").verify_model_file()


def test_a_tampered_model_file_is_refused(model_copy):
    card = load_model_card(model_copy / "model.json")
    data = bytearray(card.model_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    card.model_file.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="sha256"):
        card.verify_model_file()


def test_a_truncated_model_file_is_refused(model_copy):
    card = load_model_card(model_copy / "model.json")
    card.model_file.write_bytes(card.model_file.read_bytes()[:1000])
    with pytest.raises(ModelIntegrityError):
        card.verify_model_file()


def test_a_card_that_is_not_json_is_refused(model_copy):
    (model_copy / "model.json").write_text("{not json")
    with pytest.raises(ModelCardError, match="Cannot read"):
        load_model_card(model_copy / "model.json")


def test_a_card_missing_the_threshold_is_refused(model_copy):
    raw = json.loads((model_copy / "model.json").read_text())
    del raw["threshold"]
    (model_copy / "model.json").write_text(json.dumps(raw))
    with pytest.raises(ModelCardError, match="threshold"):
        load_model_card(model_copy / "model.json")


def test_scores_are_calibrated_probabilities_times_100():
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    assert card.score(-50.0) < 1.0 < 99.0 < card.score(50.0)
    assert card.score(0.0) == pytest.approx(100 / (1 + 2.718281828**-card.calibration_b), 1e-6)
