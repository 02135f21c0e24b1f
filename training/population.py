"""Is this film from the validated population (Kermany's children) or not? (issue 15's fallback)

If the screening model cannot be trusted on adults, the app must not give an adult's film a
confident label. Two detectors are measured here, each with its threshold chosen on validation
data only (at most `MAX_CHILDREN_FLAGGED` of the Kermany validation children flagged):

- `pixels`: a logistic regression on the model's input reduced to 24 x 24 (576 numbers), trained
  on the Kermany training patients against the adults' `train` part. No TensorFlow: it could run
  in the app as a dot product.
- `view gate`: the shipped view gate's score (children score higher; nothing retrained).

Both are measured on kermany-test-dev (children wrongly flagged) and the adults' held-out part
(adult films flagged).

    nice -n 19 python -m training.population --out runs/model2/population
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from training.adult_data import adult_part
from training.data import list_images, load_arrays, patient_split
from training.metrics import roc_auc

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
POOL = 8  # 192 / 8 = 24 pixels a side
MAX_CHILDREN_FLAGGED = 0.01


def pooled(images: np.ndarray, pool: int = POOL) -> np.ndarray:
    """Mean over `pool` x `pool` blocks, flattened, scaled to 0-1."""
    n, h, w = images.shape
    blocks = images.reshape(n, h // pool, pool, w // pool, pool).astype(np.float32)
    return blocks.mean(axis=(2, 4)).reshape(n, -1) / 255.0


class LogisticRegression:
    """Plain L2-regularised logistic regression, fitted by full-batch gradient descent with
    standardised inputs; deterministic (zero start)."""

    def __init__(self, l2: float = 1e-2, steps: int = 2000, learning_rate: float = 0.5):
        self.l2, self.steps, self.learning_rate = l2, steps, learning_rate

    def fit(self, x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None):
        self.mean = x.mean(axis=0)
        self.scale = x.std(axis=0) + 1e-6
        z = (x - self.mean) / self.scale
        w = np.ones(len(y)) if sample_weight is None else sample_weight
        w = w / w.sum()
        self.coef = np.zeros(z.shape[1])
        self.bias = 0.0
        for _ in range(self.steps):
            p = 1.0 / (1.0 + np.exp(-(z @ self.coef + self.bias)))
            error = w * (p - y)
            self.coef -= self.learning_rate * (z.T @ error + self.l2 * self.coef)
            self.bias -= self.learning_rate * error.sum()
        return self

    def decision_function(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.bias


def flag_threshold(child_scores: np.ndarray, max_flagged: float = MAX_CHILDREN_FLAGGED) -> float:
    """The lowest score threshold (flag when score > t) that flags at most `max_flagged` of
    the children."""
    ordered = np.sort(np.asarray(child_scores))
    allowed = int(np.floor(max_flagged * len(ordered)))
    return float(ordered[len(ordered) - allowed - 1])


def detector_report(
    child_val: np.ndarray, child_test: np.ndarray, adult_test: np.ndarray, adult_names: list[str]
) -> dict:
    """Threshold from the validation children; AUC and flagged shares on the test films."""
    threshold = flag_threshold(child_val)
    labels = np.r_[np.zeros(len(child_test), int), np.ones(len(adult_test), int)]
    flagged = adult_test > threshold
    report = {
        "threshold": round(threshold, 4),
        "auc_test_dev_children_vs_adult_held_out": round(
            roc_auc(labels, np.r_[child_test, adult_test]), 4
        ),
        "children_flagged_validation": round(float(np.mean(child_val > threshold)), 4),
        "children_flagged_test_dev": round(float(np.mean(child_test > threshold)), 4),
        "adults_flagged_held_out": round(float(np.mean(flagged)), 4),
    }
    for name in sorted(set(adult_names)):
        mask = np.array([n == name for n in adult_names])
        report[f"adults_flagged_held_out, {name}"] = round(float(np.mean(flagged[mask])), 4)
    return report


def train_cnn(children: np.ndarray, adults: np.ndarray, epochs: int = 6, seed: int = 42):
    """The view gate's small network trained to tell adults (1) from children (0), balanced by
    class weights, with the gate's augmentation; returns the Keras model (logit output)."""
    import keras

    from training.gate import GateConfig, _augmenter, build_gate_model

    keras.utils.set_random_seed(seed)
    config = GateConfig(epochs=epochs, seed=seed)
    model = build_gate_model(config)
    images = np.concatenate([children, adults])[..., None].astype(np.float32)
    labels = np.r_[np.zeros(len(children)), np.ones(len(adults))].astype(np.float32)
    inputs = keras.Input(model.input_shape[1:])
    trainer = keras.Model(inputs, model(_augmenter(seed)(inputs)))
    steps = epochs * int(np.ceil(len(images) / config.batch_size))
    trainer.compile(
        optimizer=keras.optimizers.AdamW(
            keras.optimizers.schedules.CosineDecay(config.learning_rate, steps), weight_decay=1e-4
        ),
        loss=keras.losses.BinaryCrossentropy(from_logits=True),
    )
    share = float(labels.mean())
    trainer.fit(
        images,
        labels,
        batch_size=config.batch_size,
        epochs=epochs,
        shuffle=True,
        class_weight={0: 0.5 / (1 - share), 1: 0.5 / share},
        verbose=2,
    )
    return model


def _cnn_scores(model, images: np.ndarray) -> np.ndarray:
    return model.predict(images[..., None].astype(np.float32), batch_size=128, verbose=0)[:, 0]


def _gate_scores(paths: list[Path]) -> np.ndarray:
    """Minus the shipped view gate's score (so that higher = less like its training children)."""
    from core.model_card import load_model_card
    from core.view_gate import ViewGate, load_view_gate_card
    from training.data import read_grayscale

    card = load_model_card(REPO / "resources" / "model" / "model.json")
    gate = ViewGate(load_view_gate_card(card))
    return -np.array([gate.frontal_score(read_grayscale(p)) for p in paths])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.population", description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--cache-dir", type=Path, default=REPO / ".cache")
    parser.add_argument("--cnn", action="store_true", help="also train the small CNN detector")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    data, cache = args.data, args.cache_dir
    nih, rsna = data / "nih-adult", data / "rsna-normal-adult"
    child_train, child_val = patient_split(list_images(data / "kermany-train"), 0.2, 42)
    test_dev = list_images(data / "kermany-test-dev")
    adults = {part: adult_part(part, nih, rsna) for part in ("train", "validation", "held_out")}
    arrays = {
        "child_train": load_arrays(child_train, 192, cache)[0],
        "child_val": load_arrays(child_val, 192, cache)[0],
        "test_dev": load_arrays(test_dev, 192, cache)[0],
        **{f"adult_{p}": load_arrays(items, 192, cache)[0] for p, items in adults.items()},
    }
    features = {name: pooled(images) for name, images in arrays.items()}
    x = np.concatenate([features["child_train"], features["adult_train"]])
    y = np.r_[np.zeros(len(child_train)), np.ones(len(adults["train"]))]
    weight = np.where(y == 1, len(child_train) / len(adults["train"]), 1.0)  # balanced
    model = LogisticRegression().fit(x, y, weight)
    scores = {name: model.decision_function(f) for name, f in features.items()}
    names = [f"{i.source} {'pneumonia' if i.label else 'normal'}" for i in adults["held_out"]]
    report = {
        "pixels": detector_report(
            scores["child_val"], scores["test_dev"], scores["adult_held_out"], names
        ),
        "pixels_adult_validation_flagged": round(
            float(np.mean(scores["adult_validation"] > flag_threshold(scores["child_val"]))), 4
        ),
        "view gate": detector_report(
            _gate_scores([i.path for i in child_val]),
            _gate_scores([i.path for i in test_dev]),
            _gate_scores([i.path for i in adults["held_out"]]),
            names,
        ),
        "max_children_flagged_rule": MAX_CHILDREN_FLAGGED,
    }
    if args.cnn:
        small = {
            "child_train": load_arrays(child_train, 128, cache)[0],
            "child_val": load_arrays(child_val, 128, cache)[0],
            "test_dev": load_arrays(test_dev, 128, cache)[0],
            **{f"adult_{p}": load_arrays(items, 128, cache)[0] for p, items in adults.items()},
        }
        cnn = train_cnn(small["child_train"], small["adult_train"])
        cnn_scores = {name: _cnn_scores(cnn, images) for name, images in small.items()}
        report["cnn"] = detector_report(
            cnn_scores["child_val"], cnn_scores["test_dev"], cnn_scores["adult_held_out"], names
        )
        report["cnn_adult_validation_flagged"] = round(
            float(
                np.mean(cnn_scores["adult_validation"] > flag_threshold(cnn_scores["child_val"]))
            ),
            4,
        )
        cnn.save(args.out / "cnn.keras")
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    np.savez(
        args.out / "scores.npz",
        test_dev_files=np.array([i.path.name for i in test_dev]),
        test_dev=scores["test_dev"],
        adult_held_out_files=np.array([i.file for i in adults["held_out"]]),
        adult_held_out=scores["adult_held_out"],
    )
    np.savez(
        args.out / "pixels-model.npz",
        mean=model.mean,
        scale=model.scale,
        coef=model.coef,
        bias=model.bias,
    )
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
