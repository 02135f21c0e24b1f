"""The population check: is this film from the validated population (Kermany's children)?

Issue 15's fallback. The screening model cannot be trusted on adults, so the app must not give an
adult's film a confident label; where the age is not known, `core.population_check` decides from
the film. Its candidates (the rule in the model card, "The population check"):

- a logistic regression on the screening model's input averaged over blocks of 6, 8 or 12 pixels
  (`core.population_check.pooled_input`), trained on the Kermany training patients against the
  adults' `train` part, each with its threshold flagging at most `MAX_CHILDREN_FLAGGED` of the
  Kermany validation children; the one flagging most of the adults' `validation` part wins;
- measured beside it: the shipped view gate's score, and (`--cnn`) the view gate's network
  retrained for the task.

Only the chosen candidate is scored on kermany-test-dev (children wrongly flagged) and the adults'
held-out part (adult films flagged). `--install` writes its card into `resources/model`:

    nice -n 19 python -m training.population --out runs/model2/population-check --install
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from core.population_check import CARD_FIELD, pooled_arrays, pooled_input
from core.preprocess import Tone
from training.adult_data import adult_part
from training.data import list_images, load_arrays, patient_split
from training.export import name_in_screening_card, write_card
from training.metrics import roc_auc

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SHIPPED_MODEL_DIR = REPO / "resources" / "model"
CHECK_CARD = "population-check.json"
CHECK_VERSION = "1.0.0"
INPUT_SIZE = 192  # the screening model's input size: the check reads the same pixels
POOLS = (6, 8, 12)  # 32, 24 and 16 cells a side: the rule's candidates
MAX_CHILDREN_FLAGGED = 0.01


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


def fit_candidate(
    features: dict[str, np.ndarray], n_children: int, n_adults: int
) -> tuple[LogisticRegression, dict[str, np.ndarray], float]:
    """Fit one candidate on the training children against the training adults (balanced); its
    scores on every set and its threshold (at most `MAX_CHILDREN_FLAGGED` of the validation
    children flagged)."""
    x = np.concatenate([features["child_train"], features["adult_train"]])
    y = np.r_[np.zeros(n_children), np.ones(n_adults)]
    weight = np.where(y == 1, n_children / n_adults, 1.0)  # balanced
    model = LogisticRegression().fit(x, y, weight)
    scores = {name: model.decision_function(f) for name, f in features.items()}
    return model, scores, flag_threshold(scores["child_val"])


def choose_pool(adult_validation_flagged: dict[int, float]) -> int:
    """The rule's step 2: the pool flagging the most adult validation films; within 0.5
    percentage points, the one with fewer inputs (the larger pool)."""
    best = max(adult_validation_flagged.values())
    close = [pool for pool, share in adult_validation_flagged.items() if share >= best - 0.005]
    return max(close)


def check_card(
    model: LogisticRegression,
    pool: int,
    threshold: float,
    report: dict,
    seconds: float,
    tone: Tone = Tone.STRETCH,
) -> dict:
    """The population check's card (`core.population_check`): the regression folded into one
    weight per pooled input and a bias, on the inputs as the app computes them."""
    weights = model.coef / model.scale
    bias = float(model.bias - model.mean @ weights)
    return {
        "format_version": 1,
        "name": "PneumoScreen population check",
        "version": CHECK_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "training_seconds": round(seconds, 1),
        "purpose": (
            "Flags a film that looks unlike the children aged 1-5 the screening model was "
            "validated on (in practice: an adult's film). Used only when the patient's age is "
            "not known; a flagged film gets no score and no label."
        ),
        "method": (
            "logistic regression on core.preprocess.prepare_image(gray, input_size, tone) averaged "
            "over pool x pool blocks, values 0-1 (core.population_check.pooled_input); "
            "score = weights . inputs + bias; flagged when score > threshold"
        ),
        "input_size": INPUT_SIZE,
        "tone": tone.value,
        "pool": pool,
        "weights": [float(w) for w in weights],
        "bias": bias,
        "threshold": float(threshold),
        "threshold_rule": (
            f"flags at most {MAX_CHILDREN_FLAGGED:.0%} of the Kermany validation children "
            "(patient split of kermany-train, 20%, seed 42)"
        ),
        "trained_on": (
            "children: the Kermany training patients (80%, seed 42); adults: the train part of "
            "training/adult_split.json (nih-adult by patient, rsna-normal-adult by image)"
        ),
        "performance": report,
    }


@dataclass
class PopulationData:
    """The films the check is fitted, chosen and measured on, and their model inputs."""

    child_train: list
    child_val: list
    test_dev: list
    adults: dict[str, list]
    arrays: dict[str, np.ndarray]
    tone: Tone = Tone.STRETCH  # the check's own pixels, as all the arrays are prepared

    @classmethod
    def load(cls, data: Path, cache: Path | None, tone: Tone = Tone.STRETCH) -> PopulationData:
        nih, rsna = data / "nih-adult", data / "rsna-normal-adult"
        child_train, child_val = patient_split(list_images(data / "kermany-train"), 0.2, 42)
        test_dev = list_images(data / "kermany-test-dev")
        adults = {part: adult_part(part, nih, rsna) for part in ("train", "validation", "held_out")}
        films = cls(child_train, child_val, test_dev, adults, arrays={}, tone=tone)
        films.arrays = films.inputs(INPUT_SIZE, cache)
        return films

    def inputs(self, size: int, cache: Path | None) -> dict[str, np.ndarray]:
        """Every set's films prepared as a model of `size` pixels reads them (cached)."""
        return {
            "child_train": load_arrays(self.child_train, size, cache, self.tone)[0],
            "child_val": load_arrays(self.child_val, size, cache, self.tone)[0],
            "test_dev": load_arrays(self.test_dev, size, cache, self.tone)[0],
            **{
                f"adult_{p}": load_arrays(i, size, cache, self.tone)[0]
                for p, i in self.adults.items()
            },
        }

    def held_out_names(self) -> list[str]:
        return [
            f"{i.source} {'pneumonia' if i.label else 'normal'}" for i in self.adults["held_out"]
        ]


def fit_check(films: PopulationData, samples: Path) -> tuple[dict, dict]:
    """The rule in the model card, applied: the candidates fitted, one chosen on the validation
    parts, then measured once on test-dev and the adults' held-out part. Returns the check's card
    and the chosen candidate's report. Deterministic: the same data gives the same card (but for
    `created` and `training_seconds`)."""
    started = time.monotonic()
    n_children, n_adults = len(films.child_train), len(films.adults["train"])
    candidates = {}
    for pool in POOLS:  # steps 1-2: candidates chosen on the validation parts only
        features = {name: pooled_arrays(images, pool) for name, images in films.arrays.items()}
        candidates[pool] = fit_candidate(features, n_children, n_adults)
    adult_validation_flagged = {
        pool: round(float(np.mean(scores["adult_validation"] > threshold)), 4)
        for pool, (_model, scores, threshold) in candidates.items()
    }
    pool = choose_pool(adult_validation_flagged)
    model, scores, threshold = candidates[pool]
    # Step 3: the test sets, once, for the chosen candidate.
    report = detector_report(
        scores["child_val"], scores["test_dev"], scores["adult_held_out"], films.held_out_names()
    )
    report["adults_flagged_validation"] = adult_validation_flagged[pool]
    flagged = [i for i, s in zip(films.test_dev, scores["test_dev"], strict=True) if s > threshold]
    report["children_flagged_test_dev_files"] = sorted(item.path.name for item in flagged)
    report["children_flagged_test_dev_by_label"] = {
        "normal": sum(item.label == 0 for item in flagged),
        "pneumonia": sum(item.label == 1 for item in flagged),
    }
    report["selection"] = {
        "adults_flagged_validation_by_pool": {
            str(p): share for p, share in adult_validation_flagged.items()
        },
        "chosen_pool": pool,
    }
    report["samples_flagged"] = _samples_flagged(samples, model, pool, threshold, films.tone)
    seconds = time.monotonic() - started
    return check_card(model, pool, threshold, report, seconds, films.tone), report


def release_check(data: Path, cache: Path | None, run_dir: Path, model_dir: Path) -> dict:
    """Fit the check (`fit_check`), keep its card and report in `run_dir`, and install it
    beside the screening model in `model_dir` (`install`); returns the card. What
    `python -m training reproduce` runs after the view gate."""
    run_dir.mkdir(parents=True, exist_ok=True)
    card, report = fit_check(PopulationData.load(data, cache), data / "samples")
    write_card(card, run_dir / CHECK_CARD)
    (run_dir / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    install(card, model_dir)
    return card


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.population", description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--cache-dir", type=Path, default=REPO / ".cache")
    parser.add_argument("--cnn", action="store_true", help="also train the small CNN detector")
    parser.add_argument(
        "--tone",
        choices=[tone.value for tone in Tone],
        default=Tone.STRETCH.value,
        help="the pixels the check reads (its own, whatever the screening model's; the shipped "
        "check: the stretch, which refused fewer children than equalisation)",
    )
    parser.add_argument(
        "--install",
        action="store_true",
        help="write the chosen check into resources/model, name it in model.json and record "
        "the cards as the release",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    films = PopulationData.load(args.data, args.cache_dir, Tone(args.tone))
    card, report = fit_check(films, args.data / "samples")
    full = {"pixels": report, "max_children_flagged_rule": MAX_CHILDREN_FLAGGED}
    full["view gate"] = detector_report(
        _gate_scores([i.path for i in films.child_val]),
        _gate_scores([i.path for i in films.test_dev]),
        _gate_scores([i.path for i in films.adults["held_out"]]),
        films.held_out_names(),
    )
    if args.cnn:
        full.update(_cnn_report(films, args.cache_dir, args.out))
    write_card(card, args.out / CHECK_CARD)
    (args.out / "report.json").write_text(json.dumps(full, indent=1) + "\n")
    if args.install:
        from core.card_integrity import write_released_models

        install(card, SHIPPED_MODEL_DIR)
        write_released_models(SHIPPED_MODEL_DIR)
    print(json.dumps(full, indent=1))
    return 0


def install(card: dict, model_dir: Path) -> None:
    """Write the check beside the screening model in `model_dir` and name it, with its digest,
    in that `model.json` (the screening card's digest changes with the field: where `model_dir`
    is the shipped folder, the caller records the cards as the release)."""
    write_card(card, model_dir / CHECK_CARD)
    name_in_screening_card(model_dir, CARD_FIELD, check_entry(card))


def check_entry(card: dict) -> dict:
    """The screening card's `population_check` for the check `card`: its file and its digest."""
    from core.card_integrity import card_digest

    return {"card": CHECK_CARD, "digest": card_digest(card)}


def _samples_flagged(
    samples: Path, model: LogisticRegression, pool: int, threshold: float, tone: Tone
) -> list[str]:
    """The demo samples (training films at their natural aspect ratio) the check flags, read as
    the app reads them: the check must not depend on the training split's squashing."""
    from training.data import read_grayscale

    flagged = []
    for item in list_images(samples):
        features = pooled_input(read_grayscale(item.path), INPUT_SIZE, pool, tone)[None]
        if model.decision_function(features)[0] > threshold:
            flagged.append(item.path.name)
    return flagged


def _cnn_report(films: PopulationData, cache: Path | None, out: Path) -> dict:
    """The small CNN detector, measured beside (never shipped)."""
    small = films.inputs(128, cache)
    cnn = train_cnn(small["child_train"], small["adult_train"])
    cnn_scores = {name: _cnn_scores(cnn, images) for name, images in small.items()}
    cnn.save(out / "cnn.keras")
    threshold = flag_threshold(cnn_scores["child_val"])
    names = films.held_out_names()
    return {
        "cnn": detector_report(
            cnn_scores["child_val"], cnn_scores["test_dev"], cnn_scores["adult_held_out"], names
        ),
        "cnn_adult_validation_flagged": round(
            float(np.mean(cnn_scores["adult_validation"] > threshold)), 4
        ),
    }


if __name__ == "__main__":
    raise SystemExit(main())
