"""`pneumoscreen --self-test` on the source tree: it passes, and it fails when it should: when the
model file or its card was altered, and, even past the card check, when the threshold or the
calibration the app decides with is not the released one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core import cli, self_test
from core.card_integrity import card_digest
from core.self_test import check_folder, compare, expected_path, observe, run_self_test
from tests.card_edits import DELETE, GATE_CARD, MODEL_CARD, edit, negated, register_as_released
from tests.conftest import SHIPPED_MODEL_DIR

pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


@pytest.fixture()
def altered_card(tmp_path) -> Path:
    """A copy of the shipped model folder whose model file has one byte changed."""
    folder = shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")
    card = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    model = folder / card["file"]
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    return folder / "model.json"


def expected() -> dict:
    return json.loads(expected_path().read_text(encoding="utf-8"))


def test_the_recorded_outcome_is_what_the_source_tree_gives():
    """Fails when the model, its card or the quality gate changed and expected.json did not."""
    files = [check_folder() / image["file"] for image in expected()["images"]]
    assert observe(files) == expected(), (
        "resources/self-test/expected.json is stale: run python -m scripts.make_check_image"
    )


def test_the_check_images_are_pngs_and_a_dicom_that_the_model_scores():
    images = expected()["images"]
    suffixes = sorted(Path(image["file"]).suffix for image in images)
    assert suffixes == [".dcm", ".png", ".png", ".png"]
    assert all(image["model_score"] is not None for image in images)


def test_one_check_image_must_be_scored_with_a_label_at_the_released_threshold():
    (scored,) = [image for image in expected()["images"] if image["status"] == "ok"]
    card = json.loads((SHIPPED_MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert scored["label"] == "PNEUMONIA" and scored["score"] == scored["model_score"]
    assert scored["threshold"] == card["threshold"]["score"]
    # The images the gate refuses would come out ok if the gate's threshold were lowered.
    assert {image["status"] for image in expected()["images"]} == {"ok", "rejected"}


def test_the_scored_check_image_is_small_and_far_from_every_decision():
    """Its score moves by less than half the tolerance when LiteRT's int8 output is off by two
    steps (what another processor's kernels may do), and the view gate passes it by far."""
    from ai_edge_litert.interpreter import Interpreter

    from core.classifier import Classifier
    from core.image_reader import read_image
    from core.model_card import load_model_card
    from core.view_gate import ViewGate, load_view_gate_card

    (scored,) = [image for image in expected()["images"] if image["status"] == "ok"]
    path = check_folder() / scored["file"]
    assert path.stat().st_size < 100_000
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    pixels = read_image(path, min_side=card.input_size).pixels
    logit = Classifier(card).classify(pixels).logit
    outputs = Interpreter(model_path=str(card.model_file)).get_output_details()
    (logit_output,) = [output for output in outputs if int(output["shape"].prod()) == 1]
    step = float(logit_output["quantization"][0])  # one step of the int8 logit
    for off in (-2, 2):
        moved = abs(card.score(logit + off * step) - card.score(logit))
        assert moved < self_test.SCORE_TOLERANCE / 2
    assert abs(card.score(logit) - card.threshold) > 40
    gate = ViewGate(load_view_gate_card(card))
    # Gate 1.1.0 scores this blurred mean of many films 54; what matters is a clear margin.
    assert gate.frontal_score(pixels) > gate.card.threshold + 20


def test_self_test_passes_and_prints_the_versions(capsys, home):
    assert cli.main(["--self-test"]) == cli.ExitStatus.OK
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert out.rstrip().endswith("self-test passed")
    for name in ("python", "numpy", "Pillow", "pydicom", "ai-edge-litert", "PySide6-Essentials"):
        assert f"{name} " in out
    assert not home.exists(), "the self-test must not touch the user's data folder"


def test_self_test_fails_when_the_model_file_is_altered(altered_card, capsys, monkeypatch):
    assert run_self_test(card_path=altered_card) is False
    out = capsys.readouterr().out
    assert "FAIL  model: The model file" in out and "does not match its model card" in out
    monkeypatch.setattr(self_test, "model_card_path", lambda: altered_card)
    assert cli.main(["--self-test"]) == cli.ExitStatus.FAILED


def test_self_test_fails_without_its_check_images(tmp_path, capsys):
    assert run_self_test(folder=tmp_path / "missing") is False
    assert "FAIL  check images:" in capsys.readouterr().out


def test_a_score_off_by_more_than_the_tolerance_fails():
    observed = expected()
    refused, scored = (
        next(i for i, image in enumerate(observed["images"]) if image["status"] == status)
        for status in ("rejected", "ok")
    )
    drifted = json.loads(json.dumps(observed))
    drifted["images"][refused]["model_score"] += 2 * self_test.REFUSED_SCORE_TOLERANCE
    drifted["images"][scored]["score"] += 0.2
    passed = [check.passed for check in compare(drifted, observed)]
    assert not passed[refused] and not passed[scored] and passed.count(False) == 2
    within = json.loads(json.dumps(observed))
    within["images"][scored]["score"] = round(within["images"][scored]["score"] - 0.1, 1)
    within["images"][scored]["model_score"] = round(within["images"][scored]["score"], 1)
    assert all(check.passed for check in compare(within, observed))
    other_model = json.loads(json.dumps(observed))
    other_model["model"]["sha256"] = "0" * 64
    (check,) = compare(other_model, observed)
    assert not check.passed and "python -m scripts.make_check_image" in check.detail


# --- The settings the app decides with ------------------------------------------------------------


def test_self_test_fails_when_the_card_was_edited(tmp_path, capsys, monkeypatch):
    folder = shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")
    edited = edit(folder, MODEL_CARD, "threshold.score", 99.0)
    assert run_self_test(card_path=edited) is False
    out = capsys.readouterr().out
    assert f"FAIL  model: The model card {edited} was edited after release" in out
    monkeypatch.setattr(self_test, "model_card_path", lambda: edited)
    assert cli.main(["--self-test"]) == cli.ExitStatus.FAILED


A, B = "calibration.a", "calibration.b"
#: Settings changed past the card check -> the check image that notices.
SETTINGS = {
    "threshold-99": ([(MODEL_CARD, "threshold.score", 99.0)], "average-film.png"),
    "threshold-0": ([(MODEL_CARD, "threshold.score", 0.0)], "average-film.png"),
    "a-negated": ([(MODEL_CARD, A, negated(MODEL_CARD, A))], "average-film.png"),
    "b-negated": ([(MODEL_CARD, B, negated(MODEL_CARD, B))], "average-film.png"),
    "a-and-b-negated": (
        [(MODEL_CARD, A, negated(MODEL_CARD, A)), (MODEL_CARD, B, negated(MODEL_CARD, B))],
        "average-film.png",
    ),
    "gate-threshold-0": ([(GATE_CARD, "threshold.score", 0.0)], "check.png"),
}


@pytest.mark.parametrize(("edits", "noticed_by"), list(SETTINGS.values()), ids=list(SETTINGS))
def test_self_test_fails_on_changed_settings_even_past_the_card_check(
    tmp_path, capsys, monkeypatch, edits, noticed_by
):
    """The card check bypassed on purpose (the edited card recorded as the release): the check
    images alone notice that the app no longer decides as it was released to."""
    folder = shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")
    for card, field, value in edits:
        register_as_released(monkeypatch, edit(folder, card, field, value))

    assert run_self_test(card_path=folder / MODEL_CARD) is False
    out = capsys.readouterr().out
    assert "ok    model:" in out and f"FAIL  {noticed_by}:" in out
    assert out.rstrip().endswith("self-test FAILED")


def test_the_adult_check_image_is_refused_by_the_population_check():
    (adult,) = [i for i in expected()["images"] if i["file"] == "average-adult-film.png"]
    assert adult["status"] == "rejected"
    assert adult["reason_code"] == "outside_validated_population"


@pytest.mark.parametrize("how", ["check-flags-nothing", "check-removed"])
def test_self_test_fails_when_adults_films_are_no_longer_refused(
    tmp_path, capsys, monkeypatch, how
):
    """Past the card check on purpose: a population check that no longer refuses (or no check at
    all) lets the mean adult film through, and the self-test says so."""
    folder = shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")
    if how == "check-flags-nothing":
        check = edit(folder, "population-check.json", "threshold", 1e9)
        digest = card_digest(json.loads(check.read_text(encoding="utf-8")))
        register_as_released(
            monkeypatch, edit(folder, MODEL_CARD, "population_check.digest", digest)
        )
    else:
        register_as_released(monkeypatch, edit(folder, MODEL_CARD, "population_check", DELETE))

    assert run_self_test(card_path=folder / MODEL_CARD) is False
    out = capsys.readouterr().out
    assert "FAIL  average-adult-film.png:" in out and "ok    average-film.png:" in out
