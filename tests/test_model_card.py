"""A model file that is altered, truncated, swapped or missing is refused, and so is a model card
that does not parse, breaks the app's contract or was edited after release; the command line and
the window say why."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core import cli
from core.classifier import Classifier
from core.errors import ModelCardError, ModelIntegrityError
from core.litert_model import LiteRTModel
from core.model_card import load_model_card
from core.preprocess import STRETCH_PERCENTILES, Tone, prepare_image
from core.result_log import ResultLog
from core.screening import Screener
from core.view_gate import load_view_gate_card
from tests.card_edits import DELETE, GATE_CARD, MODEL_CARD, edit, register_as_released
from tests.conftest import SHIPPED_MODEL_DIR

TIMEOUT_MS = 60_000


@pytest.fixture
def model_copy(tmp_path) -> Path:
    """A copy of the shipped model folder (model, card, and whatever the card names)."""
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, folder)
    return folder


def model_file(folder: Path) -> Path:
    return folder / json.loads((folder / "model.json").read_text())["file"]


def edit_card(folder: Path, field: str, value: object = ..., raw_text: str | None = None) -> Path:
    """Set (or with `...` delete) the card's dotted `field`; returns the card's path."""
    path = folder / "model.json"
    card = json.loads(path.read_text())
    *parents, key = field.split(".")
    node = card
    for parent in parents:
        node = node[parent]
    if value is ...:
        del node[key]
    else:
        node[key] = value
    path.write_text(raw_text if raw_text is not None else json.dumps(card))
    return path


def another_valid_model(folder: Path) -> bytes:
    """A model LiteRT runs happily, but not the card's: the shipped one with one weight changed
    (a swapped or retrained model looks the same to the app: other bytes, same layout)."""
    data = bytearray(model_file(folder).read_bytes())
    data[len(data) // 2] ^= 0x01
    return bytes(data)


# --- The model file -----------------------------------------------------------------------------


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
    with pytest.raises(ModelIntegrityError, match="sha256"):
        card.verify_model_file()


def test_a_swapped_model_that_would_run_is_refused_before_it_is_loaded(model_copy, tmp_path):
    swapped = another_valid_model(model_copy)
    model_file(model_copy).write_bytes(swapped)
    assert LiteRTModel(model_file(model_copy)).input_size > 0  # a model LiteRT would run
    card = load_model_card(model_copy / "model.json")

    with pytest.raises(ModelIntegrityError) as refused:
        Classifier(card)
    with pytest.raises(ModelIntegrityError), ResultLog(tmp_path / "log.sqlite3") as log:
        Screener(card, log)

    message = str(refused.value)
    assert "does not match its model card" in message and card.sha256 in message
    assert hashlib.sha256(swapped).hexdigest() in message


def test_a_missing_model_file_is_refused(model_copy):
    model_file(model_copy).unlink()
    card = load_model_card(model_copy / "model.json")
    with pytest.raises(ModelIntegrityError, match="Cannot read the model file"):
        card.verify_model_file()


def test_a_card_whose_input_size_the_model_does_not_take_is_refused(model_copy, monkeypatch):
    path = edit_card(model_copy, "input.shape", [1, 224, 224, 1])
    with pytest.raises(ModelIntegrityError, match="edited after release"):
        Classifier(load_model_card(path))
    # Past the card check (a development model, or a release gone wrong), LiteRT still refuses.
    register_as_released(monkeypatch, path)
    with pytest.raises(ModelCardError, match="says input 224, the model file takes 192"):
        Classifier(load_model_card(path))


# --- The card -----------------------------------------------------------------------------------


def test_a_card_that_is_not_json_is_refused(model_copy):
    (model_copy / "model.json").write_text("{not json")
    with pytest.raises(ModelCardError, match="Cannot read"):
        load_model_card(model_copy / "model.json")


def test_a_card_that_is_not_an_object_is_refused(model_copy):
    (model_copy / "model.json").write_text("[1, 2, 3]")
    with pytest.raises(ModelCardError, match="format_version is missing"):
        load_model_card(model_copy / "model.json")


def test_a_missing_card_is_refused(tmp_path):
    with pytest.raises(ModelCardError, match="Cannot read the model card"):
        load_model_card(tmp_path / "model.json")


@pytest.mark.parametrize(
    "field",
    [
        "format_version",
        "name",
        "version",
        "file",
        "sha256",
        "input.shape",
        "calibration.a",
        "calibration.b",
        "threshold",
        "threshold.score",
    ],
)
def test_a_card_missing_a_field_of_the_contract_is_refused(model_copy, field):
    path = edit_card(model_copy, field)
    with pytest.raises(ModelCardError, match=rf"{field}(\.\w+)? is missing"):
        load_model_card(path)


NAN, INFINITY = float("nan"), float("inf")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("format_version", 2, "format 2 is not supported"),
        ("format_version", "1", "format_version must be of type int"),
        ("format_version", True, "format_version must be of type int"),
        ("name", "", "name must not be empty"),
        ("version", 1.0, "version must be of type str"),
        ("file", "../../elsewhere/model.tflite", "file must be the name of a file beside"),
        ("file", "/opt/other/model.tflite", "file must be the name of a file beside"),
        ("sha256", "18bede02", "sha256 must be 64 lowercase hexadecimal digits"),
        ("sha256", "18BEDE02" * 8, "sha256 must be 64 lowercase hexadecimal digits"),
        ("sha256", "g" * 64, "sha256 must be 64 lowercase hexadecimal digits"),
        ("input.shape", [1, 192, 160, 1], "input.shape must be [1, size, size, 1]"),
        ("input.shape", [1, 192, 192, 3], "input.shape must be [1, size, size, 1]"),
        ("input.shape", [1, 192.5, 192.5, 1], "input.shape must be [1, size, size, 1]"),
        ("input.shape", ["1", "192", "192", "1"], "input.shape must be [1, size, size, 1]"),
        ("input.shape", [1, 0, 0, 1], "input.shape must be [1, size, size, 1]"),
        ("input.shape", "192", "input.shape must be of type list"),
        ("calibration.a", NAN, "calibration.a must be finite"),
        ("calibration.a", INFINITY, "calibration.a must be finite"),
        ("calibration.a", "1.46", "calibration.a must be a number"),
        ("calibration.b", INFINITY, "calibration.b must be finite"),
        ("calibration.b", None, "calibration.b must be a number"),
        ("threshold.score", 140.0, "threshold.score must lie in 0-100"),
        ("threshold.score", -0.5, "threshold.score must lie in 0-100"),
        ("threshold.score", NAN, "threshold.score must be finite"),
        ("threshold.score", True, "threshold.score must be a number"),
        ("threshold.score", "40.6", "threshold.score must be a number"),
        ("validated_ages_years", [5, 1], "validated_ages_years must be [youngest, oldest]"),
        ("adult_from_age_years", 4, "adult_from_age_years must be years above the validated"),
        ("adult_from_age_years", 200, "adult_from_age_years must be years above the validated"),
        ("adult_from_age_years", "18", "adult_from_age_years must be a number"),
        ("adult_from_age_years", NAN, "adult_from_age_years must be finite"),
    ],
)
def test_a_card_that_breaks_the_contract_is_refused_naming_the_field(
    model_copy, field, value, words
):
    path = edit_card(model_copy, field, value)  # NaN and Infinity are written as JSON allows
    with pytest.raises(ModelCardError) as refused:
        load_model_card(path)
    assert words in str(refused.value)
    assert str(path) in str(refused.value)


# --- The preprocessing the card was made for -----------------------------------------------------


def test_the_shipped_cards_were_made_for_the_contrast_stretch_the_app_applies():
    model = load_model_card(SHIPPED_MODEL_DIR / MODEL_CARD)
    gate = load_view_gate_card(model)
    for card in (model, gate):
        assert card.raw["preprocessing"]["stretch_percentiles"] == list(STRETCH_PERCENTILES)


def test_the_shipped_cards_name_no_other_tone_mapping_than_the_stretch():
    model = load_model_card(SHIPPED_MODEL_DIR / MODEL_CARD)
    assert (model.tone, load_view_gate_card(model).tone) == (Tone.STRETCH, Tone.STRETCH)


def test_a_card_made_for_equalised_inputs_is_read_so_and_needs_no_stretch(model_copy, monkeypatch):
    edit(model_copy, MODEL_CARD, "preprocessing.tone", Tone.EQUALISE.value)
    path = edit(model_copy, MODEL_CARD, "preprocessing.stretch_percentiles", DELETE)
    register_as_released(monkeypatch, path)
    assert load_model_card(path).tone is Tone.EQUALISE


def test_the_screener_prepares_each_film_with_its_cards_tone_mapping(
    model_copy, monkeypatch, shared_data, tmp_path
):
    """The app's own pipeline (`Screener`), not a call to the model: an equalising card's film
    gets the score of its equalised pixels."""
    edit(model_copy, MODEL_CARD, "population_check", DELETE)  # fitted on stretched pixels
    path = edit(model_copy, MODEL_CARD, "preprocessing.tone", Tone.EQUALISE.value)
    register_as_released(monkeypatch, path)
    card = load_model_card(path)
    film = shared_data / "samples" / "PNEUMONIA" / "person1306_bacteria_3274.png"
    with ResultLog(tmp_path / "log.sqlite3") as log:
        (outcome,) = Screener(card, log, workers=1).screen([film])
    gray = np.asarray(Image.open(film).convert("L"))
    runner = LiteRTModel(card.model_file)
    equalised = card.score(runner.predict(prepare_image(gray, card.input_size, Tone.EQUALISE))[0])
    stretched = card.score(runner.predict(prepare_image(gray, card.input_size))[0])
    assert outcome.result.score == pytest.approx(equalised, abs=0.051)
    assert abs(equalised - stretched) > 10  # the test can tell the two apart


@pytest.mark.parametrize("card", [MODEL_CARD, GATE_CARD])
def test_a_card_made_for_a_tone_mapping_the_app_lacks_is_refused_naming_it(model_copy, card):
    path = edit(model_copy, card, "preprocessing.tone", "clahe")
    with pytest.raises(ModelCardError) as refused:
        _load_card(model_copy, card)
    message = str(refused.value)
    assert str(path) in message and "Received: 'clahe'" in message
    assert "preprocessing.tone must be one of ['percentile-stretch', 'histogram-equalisation']" in (
        message
    )


def _load_card(folder: Path, card: str):
    """Load `card` the way the app does: the gate's card through the screening card naming it."""
    model = load_model_card(folder / MODEL_CARD)
    return model if card == MODEL_CARD else load_view_gate_card(model)


@pytest.mark.parametrize("card", [MODEL_CARD, GATE_CARD])
@pytest.mark.parametrize("percentiles", [[1.0, 99.0], [0.0, 100.0], [99.5, 0.5], [0.5], "0.5-99.5"])
def test_a_card_made_for_another_contrast_stretch_is_refused_naming_both(
    model_copy, card, percentiles
):
    path = edit(model_copy, card, "preprocessing.stretch_percentiles", percentiles)
    with pytest.raises(ModelCardError) as refused:
        _load_card(model_copy, card)
    message = str(refused.value)
    assert str(path) in message and f"Received: {percentiles!r}" in message
    assert "preprocessing.stretch_percentiles must be [0.5, 99.5], the contrast stretch" in message


@pytest.mark.parametrize("card", [MODEL_CARD, GATE_CARD])
def test_a_card_that_does_not_state_its_contrast_stretch_is_refused(model_copy, card):
    edit(model_copy, card, "preprocessing.stretch_percentiles", DELETE)
    with pytest.raises(ModelCardError, match=r"preprocessing\.stretch_percentiles is missing"):
        _load_card(model_copy, card)


def test_scores_are_calibrated_probabilities_times_100():
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    assert card.score(-50.0) < 1.0 < 99.0 < card.score(50.0)
    assert card.score(0.0) == pytest.approx(100 / (1 + 2.718281828**-card.calibration_b), 1e-6)


# --- What the command line and the window say ---------------------------------------------------


def _spoil(folder: Path, how: str) -> None:
    if how == "altered":
        data = bytearray(model_file(folder).read_bytes())
        data[-100] ^= 0xFF
        model_file(folder).write_bytes(bytes(data))
    elif how == "truncated":
        model_file(folder).write_bytes(model_file(folder).read_bytes()[:4096])
    elif how == "swapped":
        model_file(folder).write_bytes(another_valid_model(folder))
    elif how == "missing":
        model_file(folder).unlink()
    elif how == "card-not-json":
        (folder / "model.json").write_text('{"format_version": 1,')
    elif how == "card-bad-threshold":
        edit_card(folder, "threshold.score", 400)
    elif how == "card-edited":
        edit_card(folder, "threshold.score", 99.0)
    elif how == "card-other-stretch":
        edit_card(folder, "preprocessing.stretch_percentiles", [2.0, 98.0])


SPOILS = (
    "altered",
    "truncated",
    "swapped",
    "missing",
    "card-not-json",
    "card-bad-threshold",
    "card-edited",
    "card-other-stretch",
)


@pytest.mark.parametrize("how", SPOILS)
def test_the_command_line_refuses_a_spoiled_model_with_exit_status_1_and_one_line(
    model_copy, how, tmp_path, monkeypatch, capsys
):
    _spoil(model_copy, how)
    monkeypatch.setattr(cli, "model_card_path", lambda: model_copy / "model.json")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "home"))
    (tmp_path / "in").mkdir()

    assert cli.main(["screen", str(tmp_path / "in")]) == 1

    err = capsys.readouterr().err
    assert err.startswith("pneumoscreen: error: ") and "Traceback" not in err
    expected = {
        "altered": "sha256",
        "truncated": "sha256",
        "swapped": "sha256",
        "missing": "Cannot read the model file",
        "card-not-json": "Cannot read the model card",
        "card-bad-threshold": "threshold.score must lie in 0-100",
        "card-edited": f"model card {model_copy / 'model.json'} was edited after release",
        "card-other-stretch": "preprocessing.stretch_percentiles must be [0.5, 99.5]",
    }[how]
    assert expected in err


@pytest.mark.parametrize("how", ["swapped", "card-bad-threshold", "card-edited"])
def test_the_window_explains_a_spoiled_model_and_keeps_the_details(
    model_copy, how, qtbot, tmp_path, monkeypatch
):
    import desktop.screening_controller as controller_module
    from desktop.main_window import MainWindow
    from tests.test_desktop_window import visible_error_box

    _spoil(model_copy, how)
    monkeypatch.setattr(controller_module, "model_card_path", lambda: model_copy / "model.json")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "home"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    qtbot.waitUntil(lambda: visible_error_box() is not None, timeout=TIMEOUT_MS)
    box = visible_error_box()
    if how == "swapped":
        assert box.windowTitle() == "Screening model damaged"
        assert "changed or damaged" in box.text() and "sha256" in box.detailedText()
    elif how == "card-edited":
        assert box.windowTitle() == "Screening model damaged"
        assert "changed or damaged" in box.text()
        assert f"{model_copy / 'model.json'} was edited after release" in box.detailedText()
    else:
        assert box.windowTitle() == "Screening model missing"
        assert "threshold.score must lie in 0-100" in box.detailedText()
    assert "Reinstall PneumoScreen" in box.text()
    assert window.model_status.text() == "Model not available"
    box.close()
