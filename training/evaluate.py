"""Evaluation of a Keras model or an int8 `.tflite` file on a labelled folder.

Writes the figures and numbers the reference notebook reported, and more: metrics with 95%



"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.errors import ModelError
from core.litert_model import LiteRTModel
from core.model_card import load_model_card
from core.preprocess import Tone
from training.data import LabeledImage, list_images, load_arrays, read_grayscale, recorded_tone
from training.metrics import apply_platt, confusion, screening_report, shown_scores
from training.plots import plot_confusion, plot_error_gallery, plot_reliability, plot_roc

GALLERY_SIZE = 18


@dataclass(frozen=True)
class Calibration:
    """How logits become probabilities and decisions: Platt's a, b and a probability threshold."""

    a: float = 1.0
    b: float = 0.0
    threshold: float = 0.5
    source: str = "uncalibrated: sigmoid of the logit, threshold 0.5"


def model_input_size(model_path: Path) -> int:
    """The square input size of a `.keras` or `.tflite` model."""
    if Path(model_path).suffix == ".tflite":
        return LiteRTModel(model_path).input_size
    import keras

    return int(keras.models.load_model(model_path, compile=False).input_shape[1])


def model_tone(model_path: Path) -> Tone:
    """The tone mapping a model was trained on: its card's (`model.json` beside a `.tflite`) or
    its run's (`config.json` beside a `.keras`); stretched where neither says."""
    model_path = Path(model_path)
    beside = model_path.parent / ("model.json" if model_path.suffix == ".tflite" else "config.json")
    if not beside.exists():
        return Tone.STRETCH
    return recorded_tone(json.loads(beside.read_text(encoding="utf-8")))


def predict_logits(model_path: Path, images: np.ndarray) -> np.ndarray:
    """Logits for uint8 images from a `.keras` model or an int8 `.tflite` file."""
    model_path = Path(model_path)
    if model_path.suffix == ".tflite":
        runner = LiteRTModel(model_path)
        return np.array([runner.predict(image)[0] for image in images], dtype=np.float32)
    import keras

    model = keras.models.load_model(model_path, compile=False)
    outputs = model.predict(images[..., None].astype(np.float32), batch_size=64, verbose=0)
    return np.asarray(outputs).reshape(len(images))


def calibration_for(model_path: Path) -> Calibration:
    """The card's calibration when `model.json` beside a `.tflite` describes this very file."""
    card_path = Path(model_path).with_name("model.json")
    if Path(model_path).suffix != ".tflite" or not card_path.exists():
        return Calibration()
    card = load_model_card(card_path)
    if card.model_file.resolve() != Path(model_path).resolve():
        return Calibration()
    try:
        card.verify_model_file()
    except ModelError:
        return Calibration()
    return Calibration(
        card.calibration_a,
        card.calibration_b,
        card.threshold / 100.0,
        f"model card {card_path.name}, version {card.version}",
    )


def evaluate(
    model_path: Path,
    items: list[LabeledImage],
    out_dir: Path,
    title: str,
    calibration: Calibration | None = None,
    cache_dir: Path | None = None,
) -> dict:
    """Score `items`, write `metrics.json`, `report.md` and the figures into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    calibration = calibration or calibration_for(model_path)
    images, labels = load_arrays(
        items, model_input_size(model_path), cache_dir, model_tone(model_path)
    )
    logits = predict_logits(model_path, images)
    probabilities = apply_platt(logits, calibration.a, calibration.b)
    # The calls are the app's: on the score it shows (one decimal), as the card's are.
    shown = shown_scores(logits, calibration.a, calibration.b) / 100
    report = screening_report(labels, probabilities, calibration.threshold, decided_on=shown)
    report["calibration"] = calibration.source
    operating = {title: (report["sensitivity"]["value"], report["specificity"]["value"])}
    plot_roc({title: (labels, probabilities)}, out_dir / "roc.png", f"ROC: {title}", operating)
    plot_reliability(labels, probabilities, out_dir / "reliability.png", f"Reliability: {title}")
    calls = shown >= calibration.threshold
    plot_confusion(confusion(labels, calls), out_dir / "confusion.png", f"Confusion: {title}")
    _write_galleries(items, labels, probabilities, calls, out_dir, title)
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2) + "\n")
    (out_dir / "report.md").write_text(_markdown(report, title, model_path))
    return report


def _write_galleries(items, labels, probabilities, calls, out_dir: Path, title: str) -> None:
    """False negatives (most confidently missed first) and false positives, as image grids."""
    for name, wrong, order in (
        ("false_negatives", (labels == 1) & ~calls, 1.0),
        ("false_positives", (labels == 0) & calls, -1.0),
    ):
        indices = np.flatnonzero(wrong)
        indices = indices[np.argsort(order * probabilities[indices])][:GALLERY_SIZE]
        plot_error_gallery(
            [read_grayscale(items[i].path) for i in indices],
            [f"{items[i].path.name}\nscore {100 * probabilities[i]:.1f}" for i in indices],
            out_dir / f"{name}.png",
            f"{name.replace('_', ' ').capitalize()} ({len(np.flatnonzero(wrong))}): {title}",
        )


def _markdown(report: dict, title: str, model_path: Path) -> str:
    rows = "\n".join(
        f"| {name} | {report[name]['value']} | {report[name]['ci95'][0]} - "
        f"{report[name]['ci95'][1]} |"
        for name in ("auc", "accuracy", "sensitivity", "specificity", "precision", "f1")
    )
    c = report["confusion"]
    return (
        f"# Evaluation: {title}\n\nModel: `{Path(model_path).name}`; {report['n']} images "
        f"({report['n_positive']} pneumonia, {report['n_negative']} normal); calibration: "
        f"{report['calibration']}; threshold (probability) {report['threshold']}.\n\n"
        f"| metric | value | 95% bootstrap CI |\n|---|---|---|\n{rows}\n\n"
        f"Confusion: TP {c['tp']}, FN {c['fn']}, TN {c['tn']}, FP {c['fp']}. "
        f"Expected calibration error: {report['ece']}.\n\n"
        "![ROC](roc.png) ![Reliability](reliability.png) ![Confusion](confusion.png)\n\n"
        "![False negatives](false_negatives.png)\n\n![False positives](false_positives.png)\n"
    )


def items_from_split(split_file: Path, part: str) -> list[LabeledImage]:
    """The images of one part ("train" or "validation") of a run's `split.json`."""
    split = json.loads(Path(split_file).read_text())
    data_dir = Path(split["data_dir"])
    wanted = set(split[part])
    return [
        item for item in list_images(data_dir) if str(item.path.relative_to(data_dir)) in wanted
    ]
