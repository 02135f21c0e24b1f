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
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import keras
import numpy as np

from training.export import agreement_check, convert_to_int8, name_in_screening_card, write_card
from training.gate_data import (
    FRONTAL,
    REFUSAL_KINDS,
    GateSets,
    build_gate_sets,
    refusal_kind_indices,
)
from training.models import build_compact

GATE_FILE = "frontal-gate-int8.tflite"
GATE_CARD = "frontal-gate.json"
#: 1.1.0 (issues 15, 17): adult frontal films valid, side views weighted three times.
GATE_VERSION = "1.1.0"
MAX_CALIBRATION_REJECTION = 0.0025
#: The refusal reason names a kind only when the gate gives it at least this probability among
#: the refusal kinds; below it the reason stays general. Recorded in the card.
MIN_NAMING_PROBABILITY = 0.6


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
    adults: bool = True  # fit and calibrate on the adult folders' recorded split too (1.1.0)
    name_refusals: bool = True  # a second head that names what a refused image is (1.1.0)
    refusal_loss_weight: float = 0.5  # the frontal decision comes first


def build_gate_model(config: GateConfig, refusal_kinds: int = 0) -> keras.Model:
    """The compact network at gate widths: the frontal logit, and with `refusal_kinds` > 0 a
    second output, one logit per refusal kind (`REFUSAL_KINDS` order), from the same features
    through its own 1x1 convolution and average pooling (a few hundred weights more)."""
    network = build_compact(
        config.input_size, config.widths, config.blocks_per_stage, dropout=0.1, weight_decay=0.0
    )
    if not refusal_kinds:
        return network
    features = network.get_layer("dropout").output
    kind_map = keras.layers.Conv2D(refusal_kinds, 1, name="refusal_kind_map")(features)
    kind_logits = keras.layers.GlobalAveragePooling2D(name="refusal_kind_logits")(kind_map)
    return keras.Model(network.input, [network.output, kind_logits], name="gate")


def _balanced_frontal_loss(positives: float):
    """Binary cross-entropy in which frontal films and the rest weigh half each, whatever their
    numbers (what `class_weight` did for the one-output gate; Keras takes no class weights for a
    model with two outputs)."""
    from keras import ops

    weight_frontal, weight_other = 0.5 / positives, 0.5 / (1 - positives)
    cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)

    def loss(y_true, y_pred):
        weights = ops.where(ops.reshape(y_true, (-1,)) > 0.5, weight_frontal, weight_other)
        return cross_entropy(y_true, y_pred) * weights

    return loss


def _refusal_kind_loss(y_true, y_pred):
    """Softmax cross-entropy over the refusal kinds; frontal films (label -1) count nothing."""
    from keras import ops

    labels = ops.cast(ops.reshape(y_true, (-1,)), "int32")
    known = ops.cast(labels >= 0, y_pred.dtype)
    cross_entropy = keras.losses.sparse_categorical_crossentropy(
        ops.maximum(labels, 0), y_pred, from_logits=True
    )
    return cross_entropy * known


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
    images, labels, kinds = sets.fit
    model = build_gate_model(config, len(REFUSAL_KINDS) if config.name_refusals else 0)
    steps = config.epochs * int(np.ceil(len(images) / config.batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, steps)
    inputs = keras.Input(model.input_shape[1:])
    trainer = keras.Model(inputs, model(_augmenter(config.seed)(inputs)))  # augments in training
    frontal_loss = _balanced_frontal_loss(float(labels.mean()))
    targets = labels.astype(np.float32)[:, None]
    if config.name_refusals:
        trainer.compile(
            optimizer=keras.optimizers.AdamW(schedule, weight_decay=1e-4),
            loss=[frontal_loss, _refusal_kind_loss],
            loss_weights=[1.0, config.refusal_loss_weight],
        )
        targets = (targets, refusal_kind_indices(kinds)[:, None])
    else:
        trainer.compile(
            optimizer=keras.optimizers.AdamW(schedule, weight_decay=1e-4), loss=frontal_loss
        )
    trainer.fit(
        images[..., None].astype(np.float32),
        targets,
        batch_size=config.batch_size,
        epochs=config.epochs,
        shuffle=True,
        verbose=2,
    )
    return model


def frontal_logits_of(model: keras.Model, images: np.ndarray) -> np.ndarray:
    """The Keras gate's frontal logits (its first output) for uint8 images."""
    outputs = model.predict(images[..., None].astype(np.float32), verbose=0)
    first = outputs[0] if isinstance(outputs, list | tuple) else outputs
    return np.asarray(first)[:, 0]


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


def litert_gate_outputs(model_path: Path, images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Frontal logits (N) and refusal-kind probabilities (N x kinds, or N x 0 for a gate
    without the head) of the int8 file, through the app's runtime."""
    from core.litert_model import LiteRTModel
    from core.view_gate import refusal_probabilities

    runner = LiteRTModel(model_path)
    logits, kind_logits = [], []
    for image in images:
        logits.append(runner.predict(image)[0])
        kind_logits.append(
            runner.refusal_kind_logits() if runner.refusal_kinds else np.zeros(0, np.float32)
        )
    kind_logits = np.stack(kind_logits)
    probabilities = refusal_probabilities(kind_logits) if kind_logits.shape[1] else kind_logits
    return np.array(logits, dtype=np.float32), probabilities


def naming_by_kind(
    probabilities: np.ndarray, refused: np.ndarray, kinds: np.ndarray, labels: np.ndarray
) -> dict:
    """Per refusal kind, among the refused non-frontal examples of its training kinds: how many
    the reason names rightly, names wrongly, or leaves general (below `MIN_NAMING_PROBABILITY`)."""
    names = list(REFUSAL_KINDS)
    truth = refusal_kind_indices(np.where(labels == 1, FRONTAL, kinds))
    table = {}
    for index, name in enumerate(names):
        chosen = refused & (truth == index)
        if not chosen.any():
            continue
        best = probabilities[chosen].argmax(axis=1)
        sure = probabilities[chosen].max(axis=1) >= MIN_NAMING_PROBABILITY
        table[name] = {
            "refused": int(chosen.sum()),
            "named_right": int(np.sum(sure & (best == index))),
            "named_wrong": int(np.sum(sure & (best != index))),
            "left_general": int(np.sum(~sure)),
        }
    return table


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
    adult_dirs: tuple[Path, Path] | None = None,
) -> dict:
    """Train the gate, export it int8 into `out_dir`, measure it there, write its card, and name
    it in `out_dir/model.json` (the screening card) when that exists. Returns the gate's card.

    The Keras model is kept in `run_dir` when given. The export is refused (ValueError) when the
    int8 file disagrees with the Keras model on the calibration set, unless `enforce_int8_check`
    is False (smoke runs, whose barely trained outputs quantise to ties); the card records it.
    `adult_dirs` (`nih-adult`, `rsna-normal-adult`) is required when `config.adults` is set.
    """
    if config.adults and adult_dirs is None:
        raise ValueError("config.adults needs adult_dirs (nih-adult, rsna-normal-adult)")
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
        adult_dirs=adult_dirs if config.adults else None,
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
        calibration_outputs = litert_gate_outputs(candidate, calibration_images)
    calibration_logits = calibration_outputs[0]
    keras_logits = frontal_logits_of(model, calibration_images)
    check = agreement_check(keras_logits, calibration_logits, calibration_labels)
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
        # The calibration part was scored above, from the same bytes.
        logits, probabilities = (
            calibration_outputs
            if name == "calibration"
            else litert_gate_outputs(model_path, images)
        )
        gate_scores = 100.0 / (1.0 + np.exp(-logits))
        scores[name] = measure(gate_scores, labels, kinds, threshold)
        if config.name_refusals:
            scores[name]["refusal_kinds_named"] = naming_by_kind(
                probabilities, gate_scores < threshold, kinds, labels
            )
    card = gate_card(flatbuffer, config, threshold, scores, sets)
    card["int8_check_on_calibration"] = check
    card["training_seconds"] = round(time.monotonic() - started)
    write_card(card, out_dir / GATE_CARD)
    name_in_screening_card(out_dir, "view_gate", GATE_CARD)
    return card


def gate_card(flatbuffer: bytes, config: GateConfig, threshold: float, scores, sets) -> dict:
    # The stretch as data, as in the screening card: the app refuses a gate card prepared for
    # other pixels (core/model_card.py).
    from core.preprocess import STRETCH_PERCENTILES

    fit_kinds = sets.fit[2]
    return {
        "format_version": 1,
        "name": "PneumoScreen frontal-view gate",
        "version": GATE_VERSION,
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
        "preprocessing": {
            "function": "core.preprocess.prepare_image",
            "stretch_percentiles": list(STRETCH_PERCENTILES),
        },
        "outputs": {
            "logit": f"logit of 'this is a usable {FRONTAL}', shape [1, 1]",
            **(
                {"refusal_kinds": "one logit per refusal kind, in `refusal_kinds` order, [1, K]"}
                if config.name_refusals
                else {}
            ),
        },
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
                "patients the gate did not train on"
                + (", and the adult folders' validation films" if config.adults else "")
                + ") are refused"
            ),
        },
        "training": {
            "config": asdict(config),
            "fit_examples_by_kind": {
                k: int(np.sum(fit_kinds == k)) for k in sorted(set(fit_kinds))
            },
        },
        "performance": scores,
        **(
            {
                "refusal_kinds": {
                    "names": list(REFUSAL_KINDS),
                    "min_probability": MIN_NAMING_PROBABILITY,
                    "rule": (
                        "a refused image's reason names the most probable kind when its softmax "
                        "probability among the kinds is at least min_probability; else it stays "
                        "general"
                    ),
                    "groups": {name: list(kinds) for name, kinds in REFUSAL_KINDS.items()},
                }
            }
            if config.name_refusals
            else {}
        ),
    }
