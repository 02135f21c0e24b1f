"""The decision settings are as protected as the weights (issue 14, section 1).

A model card edited after release (its threshold, calibration, input, preprocessing, the gate's
threshold, the members, the gate it names) is refused like a tampered model: `screen` and `info`
exit 1 naming the edited file. The `model_version`, the result cache's key, changes with every
setting, so no result decided under other settings is served from the cache.

Tests that need an edited card to be accepted (to see what else notices it) say so explicitly:
`register_as_released` records the edited card as the release, for that test only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from core import cli
from core.errors import ModelIntegrityError
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import Screener
from tests.card_edits import (
    DELETE,
    GATE_CARD,
    MODEL_CARD,
    SHIPPED,
    edit,
    negated,
    register_as_released,
)
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture
def model_copy(tmp_path) -> Path:
    """A copy of the shipped model folder: both `.tflite` files and both cards."""
    return shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")


pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


# The edits the hostile tester made (issue 14), and one of every other kind of setting.
EDITS = [
    pytest.param(MODEL_CARD, "threshold.score", 99.0, id="threshold-99"),
    pytest.param(MODEL_CARD, "threshold.score", 0.0, id="threshold-0"),
    pytest.param(MODEL_CARD, "calibration.a", negated(MODEL_CARD, "calibration.a"), id="a-negated"),
    pytest.param(MODEL_CARD, "calibration.b", negated(MODEL_CARD, "calibration.b"), id="b-negated"),
    pytest.param(GATE_CARD, "threshold.score", 0.0, id="gate-threshold-0"),
    pytest.param(GATE_CARD, "calibration.a", -1.0, id="gate-a-negated"),
    pytest.param(MODEL_CARD, "input.shape", [1, 224, 224, 1], id="input-size"),
    pytest.param(MODEL_CARD, "input.quantization.zero_point", 0, id="quantisation"),
    pytest.param(
        MODEL_CARD,
        "preprocessing.steps",
        ["decode to 8-bit grayscale", "linear contrast stretch from percentiles [5, 95]"],
        id="preprocessing-prose",
    ),
    pytest.param(MODEL_CARD, "ensemble_members", 2, id="members"),
    pytest.param(MODEL_CARD, "view_gate", DELETE, id="no-gate"),
    pytest.param(GATE_CARD, "input.shape", [1, 96, 96, 1], id="gate-input-size"),
]


@pytest.mark.parametrize(("card", "field", "value"), EDITS)
def test_an_edited_card_is_refused_by_screen_and_info_naming_the_file(
    model_copy, tmp_path, monkeypatch, capsys, card, field, value
):
    edited = edit(model_copy, card, field, value)
    monkeypatch.setattr(cli, "model_card_path", lambda: model_copy / MODEL_CARD)
    Image.new("L", (600, 600), 128).save(tmp_path / "film.png")

    assert cli.main(["screen", str(tmp_path / "film.png")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pneumoscreen: error: ") and "Traceback" not in err
    assert f"model card {edited} was edited after release" in err
    assert "Reinstall PneumoScreen" in err

    assert cli.main(["info"]) == 1
    out, err = capsys.readouterr()
    assert f"model card {edited} was edited after release" in err
    shown = "input:" if card == MODEL_CARD else "view gate:"
    assert shown not in out, "info must not show the edited settings as the model's"


@pytest.mark.parametrize(("card", "field", "value"), EDITS[:5])
def test_an_edited_card_is_refused_by_a_fresh_process(model_copy, tmp_path, card, field, value):
    """The installed command as a clinic runs it: a card edited in place, a new process."""
    edited = edit(model_copy, card, field, value)
    Image.new("L", (600, 600), 128).save(tmp_path / "film.png")
    script = (
        "import sys; from pathlib import Path; from core import cli; "
        f"cli.model_card_path = lambda: Path({str(model_copy / MODEL_CARD)!r}); "
        f"sys.exit(cli.main(['screen', {str(tmp_path / 'film.png')!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=SHIPPED_MODEL_DIR.parents[1],
        env={**os.environ, "PNEUMOSCREEN_HOME": str(tmp_path / "home")},
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert f"{edited} was edited after release" in result.stderr


def test_an_edited_card_is_refused_before_a_screener_exists(model_copy, tmp_path):
    edit(model_copy, MODEL_CARD, "threshold.score", 99.0)
    with pytest.raises(ModelIntegrityError, match="edited after release"):
        load_model_card(model_copy / MODEL_CARD).verify_model_file()
    with pytest.raises(ModelIntegrityError, match="edited after release"):
        Screener(load_model_card(model_copy / MODEL_CARD), ResultLog(tmp_path / "log.sqlite3"))


def test_the_check_reads_the_settings_not_the_bytes(model_copy):
    """Key order, indentation and Windows line ends change no setting (the digest is taken of
    canonical JSON, not of the file's bytes); a changed setting written the same way does."""
    path = model_copy / MODEL_CARD
    raw = json.loads(path.read_text(encoding="utf-8"))
    released = raw["threshold"]["score"]
    for threshold, accepted in ((released, True), (round(released + 0.1, 1), False)):
        raw["threshold"]["score"] = threshold
        reordered = dict(reversed(list(raw.items())))
        path.write_bytes(json.dumps(reordered, indent=4).replace("\n", "\r\n").encode("utf-8"))
        if accepted:
            load_model_card(path).verify_model_file()
        else:
            with pytest.raises(ModelIntegrityError, match="edited after release"):
                load_model_card(path).verify_model_file()


def test_only_when_the_card_was_made_is_left_out_of_the_check(model_copy):
    from core.card_integrity import UNCOVERED_FIELDS

    assert sorted(UNCOVERED_FIELDS) == ["created", "training_seconds"]
    edit(model_copy, MODEL_CARD, "created", "2030-01-01T00:00:00+00:00")
    load_model_card(model_copy / MODEL_CARD).verify_model_file()
    edit(model_copy, MODEL_CARD, "limitations", [])  # not a decision, but covered all the same
    with pytest.raises(ModelIntegrityError, match="edited after release"):
        load_model_card(model_copy / MODEL_CARD).verify_model_file()


def _swap_in_unreleased_weights(folder: Path) -> Path:
    """Other weights (one byte changed) with a card that names them correctly: a consistent pair
    that PneumoScreen was never released with."""
    card_path = folder / MODEL_CARD
    raw = json.loads(card_path.read_text(encoding="utf-8"))
    model = folder / raw["file"]
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0x01
    model.write_bytes(bytes(data))
    raw["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    raw["threshold"]["score"] = 0.0
    card_path.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return card_path


def test_unreleased_weights_with_a_matching_card_are_refused_in_the_installation(
    tmp_path, monkeypatch, capsys
):
    """The app reads its model from the installation only: there, nothing but a release runs.
    Outside it (a training run, a benchmark candidate) there is no release to compare with, and
    the same pair is checked by its sha256 alone."""
    import core.card_integrity

    installation = tmp_path / "resources"
    shutil.copytree(SHIPPED_MODEL_DIR, installation / "model")
    card_path = _swap_in_unreleased_weights(installation / "model")
    monkeypatch.setattr(cli, "model_card_path", lambda: card_path)
    load_model_card(card_path).verify_model_file()  # a development model

    monkeypatch.setattr(core.card_integrity, "resources_dir", lambda: installation)
    assert cli.main(["info"]) == 1
    err = capsys.readouterr().err
    assert f"model card {card_path} names a model PneumoScreen was not released with" in err


# --- model_version: the result cache's key --------------------------------------------------------


def _version(card_path: Path, log: ResultLog) -> str:
    return Screener(load_model_card(card_path), log).model_version


# A card whose input size its model does not take does not load at all (test_model_card.py).
LOADABLE_EDITS = [edit for edit in EDITS if "input-size" not in edit.id]


@pytest.mark.parametrize(("card", "field", "value"), LOADABLE_EDITS)
def test_the_model_version_changes_with_every_setting(
    model_copy, tmp_path, monkeypatch, card, field, value
):
    with ResultLog(tmp_path / "log.sqlite3") as log:
        shipped = _version(SHIPPED_MODEL_DIR / MODEL_CARD, log)
        register_as_released(monkeypatch, edit(model_copy, card, field, value))
        assert _version(model_copy / MODEL_CARD, log) != shipped


def test_the_model_version_is_the_card_version_and_a_short_digest(tmp_path):
    with ResultLog(tmp_path / "log.sqlite3") as log:
        version = _version(SHIPPED_MODEL_DIR / MODEL_CARD, log)
    release, digest = version.split("+")
    assert release == SHIPPED[MODEL_CARD]["version"]
    assert len(digest) == 8 and int(digest, 16) >= 0


def test_a_result_decided_under_other_settings_is_not_served_from_the_cache(
    model_copy, tmp_path, monkeypatch, shared_data
):
    film = sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[0]
    with ResultLog(tmp_path / "log.sqlite3") as log:
        before = Screener(load_model_card(SHIPPED_MODEL_DIR / MODEL_CARD), log)
        first = before.screen_file(film)
        log.add(first.result)
        assert before.screen_file(film).from_cache

        register_as_released(monkeypatch, edit(model_copy, MODEL_CARD, "threshold.score", 0.0))
        after = Screener(load_model_card(model_copy / MODEL_CARD), log)
        again = after.screen_file(film)
    assert not again.from_cache
    assert again.result.threshold == 0.0 and again.result.label.value == "PNEUMONIA"


# --- The record of the release ------------------------------------------------------------------


def test_the_release_record_in_the_package_matches_the_shipped_cards():
    """Fails when a card in resources/model changed and `python -m training register` was not
    run (the app would refuse its own model)."""
    from core import released_models
    from core.card_integrity import released_models_source

    module = Path(released_models.__file__)
    expected = released_models_source([(name, SHIPPED[name]) for name in (MODEL_CARD, GATE_CARD)])
    assert module.read_text(encoding="utf-8") == expected, (
        "core/released_models.py is stale: run `python -m training register`"
    )
    for raw in SHIPPED.values():
        load_model_card(SHIPPED_MODEL_DIR / released_models.RELEASED_CARDS[raw["sha256"]]["card"])


def test_registering_a_model_folder_writes_a_module_that_records_both_cards(tmp_path):
    from core.card_integrity import card_digest, write_released_models

    module = write_released_models(SHIPPED_MODEL_DIR, tmp_path / "released.py")
    namespace: dict = {}
    exec(module.read_text(encoding="utf-8"), namespace)
    assert namespace["RELEASED_CARDS"] == {
        raw["sha256"]: {"card": name, "version": raw["version"], "digest": card_digest(raw)}
        for name, raw in SHIPPED.items()
    }


def test_the_release_record_is_part_of_the_engine_the_bundle_collects():
    """build.spec collects what the app imports; the record must be imported, not read."""
    from tests.conftest import modules_loaded_by_importing

    assert "core.released_models" in modules_loaded_by_importing("core")


def test_a_model_trained_into_the_shipped_folder_is_recorded_as_the_release(
    model_copy, tmp_path, monkeypatch
):
    """`export`, `gate` and `reproduce` end by recording what they wrote into the shipped folder
    (`register` alone does the same), so a new release needs no hand edit; writing anywhere else
    records nothing."""
    from core import released_models
    from core.card_integrity import card_digest
    from training import __main__ as training_cli

    module = tmp_path / "released_models.py"
    monkeypatch.setattr(released_models, "__file__", str(module))
    retrained = edit(model_copy, MODEL_CARD, "threshold.score", 40.0)

    training_cli._register_if_shipped(model_copy)
    assert not module.exists(), "a folder other than the shipped one is never recorded"

    monkeypatch.setattr(training_cli, "SHIPPED_MODEL_DIR", model_copy)
    assert training_cli.main(["register"]) == 0
    namespace: dict = {}
    exec(module.read_text(encoding="utf-8"), namespace)
    raw = json.loads(retrained.read_text(encoding="utf-8"))
    assert namespace["RELEASED_CARDS"][raw["sha256"]]["digest"] == card_digest(raw)
