"""Model 2 (issue 15): figures per source, per view and per label set, for any score.

One table layout serves the shipped int8 model (through the app's own reading, quality gate, view
gate and classifier), a Keras run, and the trivial baselines (mean brightness, contrast, view,
source), so a reader sees beside each model how much of its AUC a shortcut alone would give.

The sets (`named_sets`):
- `test-dev`: kermany-test-dev (children, Guangzhou, other patients);
- `adult, NIH labels`: the NIH films, pneumonia as NIH's report says (noisy), also per view;
- `adult, RSNA-agreeing`: NIH pneumonias read "Lung Opacity" by RSNA against NIH normals read
  "Normal" and the `rsna-normal-adult` films (all read "Normal");
- `adult, confirmed vs NIH normals`: those pneumonias against the NIH normals only: one source, so
  the resizing history of `rsna-normal-adult` cannot help;
- `adult, all`: every NIH pneumonia against every adult normal;
- `children + adults`: all of the above pooled, where the source is a feature.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from training.adult_data import NIH, RSNA, AdultImage, adult_part
from training.data import LabeledImage, list_images, load_arrays, read_grayscale
from training.evaluate import model_tone
from training.metrics import bootstrap_ci, confusion, roc_auc

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CHILD = "kermany"
AUC_RESAMPLES = 500


@dataclass(frozen=True)
class Film:
    """What the tables need to know of one film."""

    path: Path
    label: int
    source: str
    view: str = ""
    confirmed: bool = False  # the RSNA re-read agrees with the label


def films_from(children: list[LabeledImage], adults: list[AdultImage]) -> list[Film]:
    """Children first, then adults, each with its source, view and RSNA agreement."""
    films = [Film(i.path, i.label, CHILD, confirmed=True) for i in children]
    films += [Film(i.path, i.label, i.source, i.view, i.rsna_agrees) for i in adults]
    return films


def evaluation_films(part: str = "held_out", data: Path = SHARED_DATA) -> list[Film]:
    """kermany-test-dev and one part of the adults' recorded split."""
    adults = adult_part(part, data / "nih-adult", data / "rsna-normal-adult")
    return films_from(list_images(data / "kermany-test-dev"), adults)


def named_sets(films: list[Film]) -> dict[str, np.ndarray]:
    """Boolean masks over `films` for each set the tables report (module docstring)."""
    source = np.array([f.source for f in films])
    label = np.array([f.label for f in films])
    view = np.array([f.view for f in films])
    confirmed = np.array([f.confirmed for f in films])
    nih, rsna, child = source == NIH, source == RSNA, source == CHILD
    sets = {
        "test-dev": child,
        "adult, NIH labels": nih,
        "adult, NIH labels, PA": nih & (view == "PA"),
        "adult, NIH labels, AP": nih & (view == "AP"),
        "adult, RSNA-agreeing": (nih & confirmed) | rsna,
        "adult, confirmed vs NIH normals": nih & ((label == 0) | confirmed),
        "adult, confirmed vs NIH normals, PA": nih & ((label == 0) | confirmed) & (view == "PA"),
        "adult, confirmed vs NIH normals, AP": nih & ((label == 0) | confirmed) & (view == "AP"),
        "adult, all": nih | rsna,
        "children + adults": np.ones(len(films), bool),
    }
    return {name: mask for name, mask in sets.items() if mask.any()}


def operating_groups(films: list[Film]) -> dict[str, np.ndarray]:
    """The groups whose share called "pneumonia" (sensitivity) or not (specificity) is reported."""
    source = np.array([f.source for f in films])
    label = np.array([f.label for f in films])
    view = np.array([f.view for f in films])
    confirmed = np.array([f.confirmed for f in films])
    nih = source == NIH
    groups = {
        "sensitivity, test-dev pneumonias": (source == CHILD) & (label == 1),
        "specificity, test-dev normals": (source == CHILD) & (label == 0),
        "sensitivity, adult confirmed pneumonias": nih & (label == 1) & confirmed,
        "sensitivity, adult NIH pneumonias": nih & (label == 1),
        "sensitivity, adult NIH pneumonias, PA": nih & (label == 1) & (view == "PA"),
        "sensitivity, adult NIH pneumonias, AP": nih & (label == 1) & (view == "AP"),
        "specificity, rsna-normal-adult": source == RSNA,
        "specificity, adult NIH normals": nih & (label == 0),
        "specificity, adult NIH normals, PA": nih & (label == 0) & (view == "PA"),
        "specificity, adult NIH normals, AP": nih & (label == 0) & (view == "AP"),
    }
    return {name: mask for name, mask in groups.items() if mask.any()}


def auc_table(films: list[Film], scores: np.ndarray, with_ci: bool = True) -> dict[str, dict]:
    """AUC of `scores` (higher = pneumonia) on each named set, with a 95% bootstrap interval."""
    labels = np.array([f.label for f in films])
    table = {}
    for name, mask in named_sets(films).items():
        y, s = labels[mask], np.asarray(scores, dtype=np.float64)[mask]
        row = {"n_pneumonia": int(y.sum()), "n_normal": int((y == 0).sum())}
        if y.min() == y.max():
            row["auc"] = None
        else:
            row["auc"] = round(roc_auc(y, s), 4)
            if with_ci:
                low, high = bootstrap_ci(y, s, roc_auc, AUC_RESAMPLES, 0.95, 0)
                row["ci95"] = [round(low, 4), round(high, 4)]
        table[name] = row
    return table


def operating_table(films: list[Film], calls: np.ndarray) -> dict[str, dict]:
    """Sensitivity or specificity of the calls (True = "pneumonia likely") in each group."""
    calls = np.asarray(calls, dtype=bool)
    labels = np.array([f.label for f in films])
    table = {}
    for name, mask in operating_groups(films).items():
        counts = confusion(labels[mask], calls[mask])
        value = counts.sensitivity if name.startswith("sensitivity") else counts.specificity
        table[name] = {"n": int(mask.sum()), "value": round(float(value), 3)}
    return table


def rejection_table(films: list[Film], rejected: np.ndarray) -> dict[str, dict]:
    """How many films of each source, class and view a gate refused."""
    rejected = np.asarray(rejected, dtype=bool)
    table = {}
    keys = sorted({(f.source, f.label, f.view) for f in films})
    for source, label, view in keys:
        mask = np.array([(f.source, f.label, f.view) == (source, label, view) for f in films])
        name = f"{source} {'pneumonia' if label else 'normal'}{' ' + view if view else ''}"
        table[name] = {"n": int(mask.sum()), "rejected": int(rejected[mask].sum())}
    for source in sorted({f.source for f in films}):
        mask = np.array([f.source == source for f in films])
        table[f"{source}, all"] = {"n": int(mask.sum()), "rejected": int(rejected[mask].sum())}
    return table


# ----- scorers ---------------------------------------------------------------------------------


def app_scores(card_path: Path, films: list[Film]) -> dict[str, np.ndarray]:
    """Score each film as the app does: read, quality gate and view gate, int8 classifier.

    Every film is scored, also those the gates refuse (the app would show no score for them), so
    AUCs cover every film; `rejected` says which the app would refuse.
    """
    from core.classifier import Classifier
    from core.image_reader import read_image
    from core.model_card import load_model_card
    from core.quality_gate import DEFAULT_CHECKS, GateCheck, rejection
    from core.reason_codes import ReasonCode
    from core.view_gate import ViewGate, load_view_gate_card

    card = load_model_card(card_path)
    classifier = Classifier(card)
    gate = ViewGate(load_view_gate_card(card))
    checks = (*DEFAULT_CHECKS, GateCheck(ReasonCode.NOT_FRONTAL_CXR, gate))  # as the screener
    out: dict[str, list] = {"score": [], "logit": [], "gate_score": [], "rejected": []}
    for film in films:
        image = read_image(film.path, min_side=card.input_size)
        found = classifier.classify(image.pixels)
        out["score"].append(found.score)
        out["logit"].append(found.logit)
        out["gate_score"].append(gate.frontal_score(image.pixels))
        out["rejected"].append(rejection(image, checks) is not None)
    return {key: np.array(values) for key, values in out.items()}


def baseline_features(films: list[Film], size: int = 192, cache_dir: Path | None = None):
    """Trivial scores: mean and standard deviation of the file's pixels, mean of the model's
    input (after `core.preprocess`), the view (PA = 1) and the source's pneumonia share in a
    naive mix of the training data (kermany-train 0.742, nih-adult 0.5, rsna-normal-adult 0)."""
    raw = [read_grayscale(f.path).astype(np.float64) for f in films]
    prepared, _ = load_arrays(films, size, cache_dir)
    naive_share = {CHILD: 3883 / 5232, NIH: 0.5, RSNA: 0.0}
    return {
        "mean brightness (file)": np.array([r.mean() for r in raw]),
        "pixel std (file)": np.array([r.std() for r in raw]),
        "mean brightness (model input)": prepared.reshape(len(films), -1).mean(axis=1),
        "view is PA": np.array([1.0 if f.view == "PA" else 0.0 for f in films]),
        "source (naive mix's pneumonia share)": np.array([naive_share[f.source] for f in films]),
    }


def keras_scores(run_dir: Path, films: list[Film], cache_dir: Path | None = None) -> dict:
    """A run's `model.keras` (float), over each image and its mirror as the export computes it;
    calibrated and thresholded by the card's rule on the test-dev films among `films`.

    Returns logits, scores (0-100) and the score threshold."""
    import keras

    from core.threshold_rule import sensitivity_first_threshold
    from training.export import keras_logits
    from training.metrics import DEFAULT_MIN_SENSITIVITY, apply_platt, fit_platt

    model = keras.models.load_model(Path(run_dir) / "model.keras", compile=False)
    images, labels = load_arrays(
        films, int(model.input_shape[1]), cache_dir, model_tone(Path(run_dir) / "model.keras")
    )
    logits = keras_logits([model], images, mirror=True)
    child = np.array([f.source == CHILD for f in films])
    a, b = fit_platt(logits[child], labels[child])
    probabilities = apply_platt(logits, a, b)
    # The card's rule, as `training.release` applies it to the int8 file.
    threshold = sensitivity_first_threshold(
        labels[child], 100 * probabilities[child], DEFAULT_MIN_SENSITIVITY
    )
    return {
        "logit": logits,
        "score": np.round(100 * probabilities, 1),
        "threshold": threshold,
        "platt": (float(a), float(b)),
    }


def heatmap_gallery(card_path: Path, films: list[Film], path: Path, title: str, n: int = 6) -> Path:
    """The int8 model's heatmaps over a sample of adult true positives (confirmed pneumonias
    called pneumonia) and false positives (NIH and RSNA normals called pneumonia), highest score
    first, as one figure: what the model looks at when it calls an adult film."""
    from matplotlib.figure import Figure

    from core.classifier import Classifier
    from core.model_card import load_model_card
    from core.preprocess import prepare_image

    card = load_model_card(card_path)
    classifier = Classifier(card)
    rows: dict[str, list] = {
        "true positive": [],
        "false positive, NIH": [],
        "false positive, RSNA": [],
    }
    for film in films:
        if film.source == CHILD:
            continue
        gray = read_grayscale(film.path)
        found = classifier.classify(gray)
        if found.score < card.threshold:
            continue
        if film.label == 1 and film.confirmed:
            kind = "true positive"
        elif film.label == 0:
            kind = f"false positive, {'NIH' if film.source == NIH else 'RSNA'}"
        else:
            continue
        rows[kind].append((found.score, film, gray, found.heatmap))
    figure = Figure(figsize=(2 * n, 2.4 * len(rows) + 0.4))
    figure.suptitle(title)
    grid = figure.subplots(len(rows), n, squeeze=False)
    for row, (kind, found_films) in enumerate(rows.items()):
        found_films.sort(key=lambda item: -item[0])
        for column in range(n):
            axes = grid[row, column]
            axes.axis("off")
            if column >= len(found_films):
                continue
            score, film, gray, cam = found_films[column]
            image = prepare_image(gray, card.input_size, card.tone)
            axes.imshow(image, cmap="gray", vmin=0, vmax=255)
            heat = np.squeeze(np.asarray(cam, dtype=np.float32))
            size = card.input_size
            axes.imshow(heat, cmap="jet", alpha=0.35, extent=(0, size, size, 0))
            axes.set_title(f"{kind}\n{film.path.name} {film.view} {score:.0f}", fontsize="x-small")
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=80)
    return path


def adult_threshold(films: list[Film], logits: np.ndarray, min_sensitivity: float = 0.8) -> float:
    """The highest logit threshold that keeps sensitivity >= `min_sensitivity` both on the
    confirmed adult pneumonias and on all NIH pneumonias among `films` (a validation part)."""
    from core.threshold_rule import highest_threshold_keeping_sensitivity

    pneumonia = np.array([f.source == NIH and f.label == 1 for f in films])
    confirmed = pneumonia & np.array([f.confirmed for f in films])
    return min(
        highest_threshold_keeping_sensitivity(mask, logits, min_sensitivity)
        for mask in (confirmed, pneumonia)
    )


# ----- command line ----------------------------------------------------------------------------


def _markdown_auc(tables: dict[str, dict[str, dict]]) -> str:
    """One row per set, one column per score."""
    names = list(tables)
    sets = list(next(iter(tables.values())))
    lines = [
        "| set | pneumonia / normal | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for s in sets:
        first = tables[names[0]][s]
        cells = []
        for n in names:
            row = tables[n].get(s, {})
            auc = row.get("auc")
            cell = "-" if auc is None else f"{auc:.3f}"
            if "ci95" in row:
                cell += f" ({row['ci95'][0]:.2f}-{row['ci95'][1]:.2f})"
            cells.append(cell)
        lines.append(f"| {s} | {first['n_pneumonia']} / {first['n_normal']} | " + " | ".join(cells))
    return "\n".join(line if line.endswith("|") else line + " |" for line in lines) + "\n"


def _card_name(card_path: Path) -> str:
    from core.model_card import load_model_card

    card = load_model_card(card_path)
    return f"{card.raw.get('name', '')} {card.version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.sources_eval", description=__doc__)
    parser.add_argument("what", choices=["baselines", "app", "keras", "heatmaps"])
    parser.add_argument("--run", type=Path, help="run folder (keras)")
    parser.add_argument("--card", type=Path, default=REPO / "resources" / "model" / "model.json")
    parser.add_argument("--part", default="held_out", choices=["validation", "held_out"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--cache-dir", type=Path, default=REPO / ".cache")
    args = parser.parse_args(argv)
    films = evaluation_films(args.part, args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.what == "baselines":
        features = baseline_features(films, cache_dir=args.cache_dir)
        tables = {name: auc_table(films, values) for name, values in features.items()}
        report = {"part": args.part, "auc": tables}
        (args.out / "baselines.md").write_text(_markdown_auc(tables))
    elif args.what == "heatmaps":
        out = heatmap_gallery(
            args.card,
            films,
            args.out / "adult_heatmaps.png",
            f"Adult held-out films called pneumonia: {_card_name(args.card)}",
        )
        print(out)
        return 0
    elif args.what == "keras":
        scored = keras_scores(args.run, films, args.cache_dir)
        threshold = scored["threshold"]
        report = {
            "part": args.part,
            "run": str(args.run),
            "scored_as": "Keras float, image and mirror averaged; Platt and threshold on test-dev "
            "(sensitivity >= 0.96)",
            "threshold": threshold,
            "platt": scored["platt"],
            "auc": auc_table(films, scored["logit"]),
            "at_threshold": operating_table(films, scored["score"] >= threshold),
        }
        if args.part == "held_out":  # the secondary, population-aware operating point
            validation = evaluation_films("validation", args.data)
            t = adult_threshold(
                validation, keras_scores(args.run, validation, args.cache_dir)["logit"]
            )
            report["adult_threshold_logit"] = round(t, 4)
            report["at_adult_threshold"] = operating_table(films, scored["logit"] >= t)
        np.savez(
            args.out / "scores.npz",
            files=np.array([str(f.path) for f in films]),
            logit=scored["logit"],
            score=scored["score"],
        )
        (args.out / "auc.md").write_text(_markdown_auc({"model": report["auc"]}))
    else:
        scored = app_scores(args.card, films)
        from core.model_card import load_model_card

        threshold = load_model_card(args.card).threshold
        gate_not_adult = np.array([f.source == CHILD for f in films], dtype=float)
        report = {
            "part": args.part,
            "card": str(args.card),
            "threshold": threshold,
            "auc": auc_table(films, scored["logit"]),
            "at_threshold": operating_table(films, scored["score"] >= threshold),
            "rejected": rejection_table(films, scored["rejected"]),
            "gate_score_tells_child_from_adult_auc": round(
                roc_auc(gate_not_adult.astype(int), scored["gate_score"]), 4
            ),
        }
        np.savez(
            args.out / "scores.npz",
            files=np.array([str(f.path) for f in films]),
            **scored,
        )
        (args.out / "auc.md").write_text(_markdown_auc({"model": report["auc"]}))
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
