"""Train, export and measure the view gate: "is this a frontal chest X-ray?" (`core.view_gate`).

A separate small network rather than a distance in the screening model's features: the screening
model was trained with horizontal flips and never saw a non-radiograph, so its features need not
separate a mirrored, inverted or lateral film from a good one, while a classifier trained on those
very cases learns exactly that. It has 27,793 weights and runs in 0.09 ms.
The threshold is chosen for the frontal side first: a valid X-ray refused costs the clinic a
result, so at most `MAX_CALIBRATION_REJECTION` of the calibration frontals may fall below it.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import keras
import numpy as np

from training.export import agreement_check, convert_to_int8, litert_logits, write_card
from training.gate_data import FRONTAL, GateSets, build_gate_sets
from training.models import build_compact

GATE_FILE = "frontal-gate-int8.tflite"
GATE_CARD = "frontal-gate.json"
MAX_CALIBRATION_REJECTION = 0.0025


@dataclass(frozen=True)
class GateConfig:
    input_size: int = 128
    widths: tuple[int, ...] = (16, 32, 64, 96)
    blocks_per_stage: tuple[int, ...] = (1, 1, 2, 1)
    epochs: int = 16
    batch_size: int = 64
    learning_rate: float = 2e-3
    per_kind: int = 600
    seed: int = 42
    split_seed: int = 42  # the screening model's: its validation patients stay held out
    max_images: int | None = None  # a seeded subset of the frontal images, for smoke runs


def build_gate_model(config: GateConfig) -> keras.Model:
    return build_compact(
        config.input_size, config.widths, config.blocks_per_stage, dropout=0.1, weight_decay=0.0
    )


def _augmenter(seed: int) -> keras.Sequential:
    """Small geometric and exposure changes that keep an image on its side of the gate."""
    return keras.Sequential(
        [
            keras.layers.RandomRotation(0.02, fill_mode="constant", seed=seed),
            keras.layers.RandomZoom((-0.1, 0.1), fill_mode="constant", seed=seed + 1),
            keras.layers.RandomContrast(0.2, seed=seed + 2),
        ]
    )


def train_gate(sets: GateSets, config: GateConfig) -> keras.Model:
    keras.utils.set_random_seed(config.seed)
    images, labels, _ = sets.fit
    model = build_gate_model(config)
    steps = config.epochs * int(np.ceil(len(images) / config.batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, steps)
    inputs = keras.Input(model.input_shape[1:])
    trainer = keras.Model(inputs, model(_augmenter(config.seed)(inputs)))  # augments in training
    trainer.compile(
        optimizer=keras.optimizers.AdamW(schedule, weight_decay=1e-4),
        loss=keras.losses.BinaryCrossentropy(from_logits=True),
        metrics=[keras.metrics.AUC(from_logits=True, name="auc")],
    )
    positives = float(labels.mean())
    trainer.fit(
        images[..., None].astype(np.float32),
        labels.astype(np.float32),
        batch_size=config.batch_size,
        epochs=config.epochs,
        shuffle=True,
        class_weight={0: 0.5 / (1 - positives), 1: 0.5 / positives},
        verbose=2,
    )
    return model


def choose_threshold(frontal_logits: np.ndarray) -> float:
    """The score threshold (0-100, one decimal, rounded down) that refuses at most
    `MAX_CALIBRATION_REJECTION` of the calibration frontals; score = sigmoid(logit) x 100."""
    cut = float(np.quantile(frontal_logits, MAX_CALIBRATION_REJECTION, method="lower"))
    score = 100.0 / (1.0 + np.exp(-cut))
    return float(np.floor(score * 10) / 10)


def rejection_by_kind(scores: np.ndarray, kinds: np.ndarray, threshold: float) -> dict:
    """Per kind: how many examples, how many refused (score < threshold), and the share."""
    table: dict[str, dict] = defaultdict(dict)
    for kind in sorted(set(kinds.tolist())):
        chosen = scores[kinds == kind]
        refused = int(np.sum(chosen < threshold))
        table[kind] = {
            "n": len(chosen),
            "rejected": refused,
            "rate": round(refused / len(chosen), 4),
        }
    return dict(table)


def measure(scores: np.ndarray, labels: np.ndarray, kinds: np.ndarray, threshold: float) -> dict:
    refused = scores < threshold
    frontal, other = labels == 1, labels == 0
    kinds_other = sorted(set(kinds[other].tolist()))
    return {
        "threshold": threshold,
        "frontal_rejected": round(float(refused[frontal].mean()), 4),
        "frontal_n": int(frontal.sum()),
        "other_rejected": round(float(refused[other].mean()), 4),
        "other_n": int(other.sum()),
        "other_rejected_mean_of_kinds": round(
            float(np.mean([refused[kinds == k].mean() for k in kinds_other])), 4
        ),
        "by_kind": rejection_by_kind(scores, kinds, threshold),
    }


def release_gate(
    train_dir: Path,
    negatives_dir: Path,
    test_dev_dir: Path | None,
    out_dir: Path,
    config: GateConfig = GateConfig(),
    run_dir: Path | None = None,
    enforce_int8_check: bool = True,
) -> dict:
    """Train the gate, export it int8 into `out_dir`, measure it there, write its card, and name
    it in `out_dir/model.json` (the screening card) when that exists. Returns the gate's card.

    The Keras model is kept in `run_dir` when given. The export is refused (ValueError) when the
    int8 file disagrees with the Keras model on the calibration set, unless `enforce_int8_check`
    is False (smoke runs, whose barely trained outputs quantise to ties); the card records it.
    """
    started = time.monotonic()
    sets = build_gate_sets(
        train_dir,
        negatives_dir,
        test_dev_dir,
        config.input_size,
        seed=config.seed,
        per_kind=config.per_kind,
        split_seed=config.split_seed,
        max_images=config.max_images,
    )
    model = train_gate(sets, config)
    if run_dir is not None:
        run_dir.mkdir(parents=True, exist_ok=True)
        model.save(run_dir / "gate.keras")
    # Both sides set the activation ranges: calibrated on frontal films alone, the output range
    # would stop short of the negative logits that refusals need.
    flatbuffer = convert_to_int8(model, sets.fit[0], seed=config.seed)
    calibration_images, calibration_labels, _ = sets.calibration
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / GATE_FILE
        candidate.write_bytes(flatbuffer)
        calibration_logits = litert_logits(candidate, calibration_images)
    keras_logits = model.predict(calibration_images[..., None].astype(np.float32), verbose=0)
    check = agreement_check(keras_logits[:, 0], calibration_logits, calibration_labels)
    if enforce_int8_check and not check["passed"]:
        raise ValueError(f"The int8 gate disagrees with its Keras model. Received: {check}")
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / GATE_FILE
    model_path.write_bytes(flatbuffer)
    threshold = choose_threshold(calibration_logits[calibration_labels == 1])
    scores = {}
    for name, (images, labels, kinds) in (
        ("calibration", sets.calibration),
        ("held_out", sets.held_out),
    ):
        logits = calibration_logits if name == "calibration" else litert_logits(model_path, images)
        scores[name] = measure(100.0 / (1.0 + np.exp(-logits)), labels, kinds, threshold)
    card = gate_card(flatbuffer, config, threshold, scores, sets)
    card["int8_check_on_calibration"] = check
    card["training_seconds"] = round(time.monotonic() - started)
    write_card(card, out_dir / GATE_CARD)
    _name_in_screening_card(out_dir)
    return card


def gate_card(flatbuffer: bytes, config: GateConfig, threshold: float, scores, sets) -> dict:
    fit_kinds = sets.fit[2]
    return {
        "format_version": 1,
        "name": "PneumoScreen frontal-view gate",
        "version": "1.0.0",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": GATE_FILE,
        "sha256": hashlib.sha256(flatbuffer).hexdigest(),
        "file_bytes": len(flatbuffer),
        "architecture": "compact (gate widths)",
        "input": {
            "shape": [1, config.input_size, config.input_size, 1],
            "dtype": "int8",
            "pixel_range": [0, 255],
        },
        "preprocessing": {"function": "core.preprocess.prepare_image"},
        "outputs": {"logit": f"logit of 'this is a usable {FRONTAL}', shape [1, 1]"},
        "calibration": {
            "method": "none (plain sigmoid)",
            "formula": "score = 100 / (1 + exp(-logit))",
            "a": 1.0,
            "b": 0.0,
        },
        "threshold": {
            "score": threshold,
            "rule": (
                "images scoring below it are refused; chosen so that at most "
                f"{MAX_CALIBRATION_REJECTION:.2%} of calibration frontal X-rays (training-split "
                "patients the gate did not train on) are refused"
            ),
        },
        "training": {
            "config": asdict(config),
            "fit_examples_by_kind": {
                k: int(np.sum(fit_kinds == k)) for k in sorted(set(fit_kinds))
            },
        },
        "performance": scores,
    }


def _name_in_screening_card(out_dir: Path) -> None:
    """Add `view_gate` to the screening model's card beside the gate, so the app loads both."""
    card_path = out_dir / "model.json"
    if not card_path.exists():
        return
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["view_gate"] = GATE_CARD
    write_card(card, card_path)
