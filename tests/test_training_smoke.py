"""Train `compact` briefly on a few dozen real images, export int8, and run it through LiteRT."""

import json
from dataclasses import asdict

import numpy as np
import pytest

from core.litert_model import LiteRTModel
from core.model_card import load_model_card
from core.preprocess import STRETCH_PERCENTILES, Tone
from core.view_gate import load_view_gate_card
from tests.conftest import SHIPPED_MODEL_DIR
from training.__main__ import main as training_main
from training.data import list_images, load_arrays
from training.export import agreement_check
from training.models import ARCHITECTURES
from training.release import release
from training.train import SHIPPED_MEMBERS, TrainConfig

pytestmark = pytest.mark.slow


def smoke_run(root, shared_data, *options: str):
    """Train `compact` one epoch on 48 images at 64 pixels and export it; (run, model) folders."""
    run_dir, model_dir, cache = root / "run", root / "model", root / "cache"
    common = f"--cache-dir {cache} --test-dev {shared_data / 'kermany-test-dev'}".split()
    train = f"train {shared_data / 'kermany-train'} --arch compact --epochs 1 --input-size 64"
    train += f" --max-images 48 --batch-size 16 --out {run_dir}"
    assert training_main(train.split() + list(options) + common) == 0
    # A one-epoch model's outputs are nearly constant and quantise to ties, so its int8 check
    # cannot pass; the card records the failure instead.
    export = f"export {run_dir} --out {model_dir} --allow-failed-int8-check"
    assert training_main(export.split() + common) == 0
    return run_dir, model_dir


@pytest.fixture(scope="module")
def exported(tmp_path_factory, shared_data):
    return smoke_run(tmp_path_factory.mktemp("smoke"), shared_data)


@pytest.fixture(scope="module")
def exported_equalised(tmp_path_factory, shared_data):
    """The same smoke run on histogram-equalised inputs, with softened normal films."""
    options = ("--tone", "histogram-equalisation", "--soften-normals", "0.5")
    return smoke_run(tmp_path_factory.mktemp("smoke-equalised"), shared_data, *options)


def test_an_equalised_run_gives_a_card_the_app_prepares_equalised_pixels_for(exported_equalised):
    run_dir, model_dir = exported_equalised
    config = json.loads((run_dir / "config.json").read_text())
    assert (config["tone"], config["soften_normals"]) == ("histogram-equalisation", 0.5)
    card = load_model_card(model_dir / "model.json")
    assert card.tone is Tone.EQUALISE
    assert "stretch_percentiles" not in card.raw["preprocessing"]
    assert "histogram equalisation" in card.raw["preprocessing"]["steps"][-1]


def test_members_trained_on_different_tone_mappings_are_not_exported_as_one_model(
    exported, exported_equalised, shared_data, tmp_path
):
    """One file takes one input: averaging a stretched and an equalised member would feed one of
    them pixels it never learnt from."""
    runs = [exported[0], exported_equalised[0]]
    assert len({(run / "split.json").read_text() for run in runs}) == 1  # only the tone differs
    with pytest.raises(ValueError, match="must share one tone mapping"):
        release(runs, shared_data / "kermany-test-dev", tmp_path, "0.0.1", enforce_int8_check=False)


def test_the_decoded_image_cache_keeps_each_tone_mapping_apart(tmp_path, shared_data):
    items = list_images(shared_data / "samples")[:4]
    stretched, _ = load_arrays(items, 32, tmp_path)
    equalised, _ = load_arrays(items, 32, tmp_path, Tone.EQUALISE)
    assert not np.array_equal(stretched, equalised)
    assert len(list(tmp_path.glob("*.npz"))) == 2
    assert np.array_equal(load_arrays(items, 32, tmp_path, Tone.EQUALISE)[0], equalised)
    assert np.array_equal(load_arrays(items, 32, tmp_path)[0], stretched)


def test_a_run_records_its_split_settings_and_log(exported):
    run_dir, _ = exported
    split = json.loads((run_dir / "split.json").read_text())
    assert len(split["train"]) + len(split["validation"]) == 48
    assert json.loads((run_dir / "config.json").read_text())["epochs"] == 1
    log = (run_dir / "log.csv").read_text().splitlines()
    assert log[0].split(",") == ["epoch", "loss", "test_dev_auc", "val_auc"]
    assert len(log) == 2


def test_the_export_is_int8_and_runs_through_litert_with_a_cam(exported):
    _, model_dir = exported
    card = load_model_card(model_dir / "model.json")
    card.verify_model_file()
    runner = LiteRTModel(card.model_file)
    assert runner.input_dtype == np.int8
    assert runner.input_size == card.input_size == 64
    logit, cam = runner.predict(np.random.default_rng(0).integers(0, 256, (64, 64), np.uint8))
    assert np.isfinite(logit)
    assert cam.shape == (2, 2)
    assert abs(float(cam.mean()) - logit) < 0.25  # the logit is the CAM's average


@pytest.mark.parametrize(
    ("arch", "kernel_init"),
    [("residual", "glorot-uniform"), ("residual-shallow", "fan-in-uniform")],
)
def test_a_residual_run_exports_one_int8_file_with_a_cam_as_compact_does(
    tmp_path, shared_data, arch, kernel_init
):
    """`--arch residual` (runs M-O) goes through the same export: int8, a CAM, logit = its mean."""
    run_dir, model_dir = smoke_run(
        tmp_path, shared_data, "--arch", arch, "--kernel-init", kernel_init
    )
    config = json.loads((run_dir / "config.json").read_text())
    assert (config["arch"], config["kernel_init"]) == (arch, kernel_init)
    card = load_model_card(model_dir / "model.json")
    runner = LiteRTModel(card.model_file)
    logit, cam = runner.predict(np.random.default_rng(1).integers(0, 256, (64, 64), np.uint8))
    assert cam.shape == (2, 2)
    assert abs(float(cam.mean()) - logit) < 0.25


def test_the_residual_network_fits_the_shipping_limit_of_one_member():
    """About 0.7 M int8 weights: one member over image and mirror stays under 1.5 MB."""
    residual = ARCHITECTURES["residual"]()
    assert 600_000 < residual.count_params() < 800_000
    assert residual.get_layer("cam").output.shape[1:3] == (6, 6)


def test_the_shallow_residual_network_is_wider_with_one_block_per_stage():
    """Probe N's layout: width 28, one basic block per stage, about 0.94 M weights (1.0 MB int8)."""
    shallow = ARCHITECTURES["residual-shallow"]()
    names = {layer.name for layer in shallow.layers}
    assert {"s0b0_c1", "s1b0_c1", "s2b0_c1", "s3b0_c1"} <= names
    assert not any(name.startswith(("s0b1", "s1b1", "s2b1", "s3b1")) for name in names)
    assert shallow.get_layer("s3b0_c2").output.shape[-1] == 28 * 8
    assert 900_000 < shallow.count_params() < 1_000_000
    assert shallow.get_layer("cam").output.shape[1:3] == (6, 6)


def test_the_card_records_the_int8_check_calibration_and_threshold(exported):
    _, model_dir = exported
    card = json.loads((model_dir / "model.json").read_text())
    assert set(card["int8_check_on_validation"]) >= {"auc_keras", "auc_int8", "passed"}
    assert card["calibration"]["method"] == "platt"
    assert 0 <= card["threshold"]["score"] <= 100
    assert set(card["performance"]) >= {"validation", "test_dev"}
    assert card["preprocessing"]["stretch_percentiles"] == list(STRETCH_PERCENTILES)
    assert card["training"]["config"]["input_size"] == 64


def test_a_config_records_the_input_size_it_trains_at_never_a_default():
    assert [member.input_size for member in SHIPPED_MEMBERS] == [192]
    assert TrainConfig(arch="seed-final").input_size == 150
    assert TrainConfig(input_size=64).input_size == 64


def test_the_shipped_card_records_the_settings_its_first_member_was_trained_with():
    """`export` records the first run's `config.json`: for the shipped model, `reproduce`'s
    first member, with nothing in it that `make model` would not write again."""
    card = json.loads((SHIPPED_MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert card["training"]["config"] == asdict(SHIPPED_MEMBERS[0])


def test_the_int8_check_fails_when_decisions_or_ranking_disagree():
    labels = np.array([0, 0, 1, 1])
    keras_logits = np.array([-2.0, -1.0, 1.0, 2.0])
    assert agreement_check(keras_logits, keras_logits + 0.01, labels)["passed"]
    assert not agreement_check(keras_logits, np.array([-2.0, 1.5, -1.0, 2.0]), labels)["passed"]
    assert not agreement_check(keras_logits, np.zeros(4), labels)["passed"]


def test_the_reference_models_have_the_notebooks_size_and_ours_is_100x_smaller():
    seed_final = ARCHITECTURES["seed-final"]().count_params()
    compact = ARCHITECTURES["compact"]().count_params()
    assert 84_000_000 < seed_final < 86_000_000
    assert compact * 100 < seed_final


def test_the_gate_trains_exports_int8_and_is_named_in_the_screening_card(exported, shared_data):
    _, model_dir = exported
    gate = f"gate --data-dir {shared_data / 'kermany-train'} --out {model_dir} --epochs 1"
    gate += f" --per-kind 4 --max-images 60 --test-dev {shared_data / 'kermany-test-dev'}"
    gate += f" --run-dir {model_dir.parent / 'gate-run'} --allow-failed-int8-check"
    assert training_main(gate.split()) == 0
    card = load_model_card(model_dir / "model.json")
    gate_card = load_view_gate_card(card)  # refused unless it records the stretch percentiles
    gate_card.verify_model_file()
    assert LiteRTModel(gate_card.model_file).input_dtype == np.int8
    held_out = gate_card.raw["performance"]["held_out"]
    assert {"CT slice", "lateral chest view", "document"} <= set(held_out["by_kind"])
    assert 0 <= held_out["frontal_rejected"] <= 1


def test_the_exported_card_states_the_validated_ages_and_the_adult_limitation(exported):
    """Every field the app relies on comes from the export itself, so `make model` gives a card
    the app uses as it uses the shipped one (a re-export once dropped the validated ages)."""
    _, model_dir = exported
    card = json.loads((model_dir / "model.json").read_text())
    shipped = json.loads((SHIPPED_MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert card["validated_ages_years"] == shipped["validated_ages_years"] == [1, 5]
    assert card["adult_from_age_years"] == shipped["adult_from_age_years"] == 18
    assert card["limitations"] == shipped["limitations"]
    assert card["intended_use"] == shipped["intended_use"]
    assert "independent_evaluation" not in card  # measured on other weights
    assert "adult_evaluation" not in card
    assert "previous_release" not in card  # written where a card is replaced, not from nothing
