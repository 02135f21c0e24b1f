"""The view gate on real side views and CT slices, as the app sees them (issue 17).

Usage: python -m benchmarks.gate_on_laterals [--data DIR] [--kinds lateral ct]
(DIR defaults to ../shared/data/not-frontal-cxr, one folder of PNGs per kind.)

A clinic user screened a lateral film: it passed the gate and was labelled "Pneumonia likely". This
reads every image of each kind the way the screener does (`core.image_reader.read_image` at the
screening model's input size), runs the quality gate's checks in the app's order (size, blank,
colour, then `core.view_gate.ViewGate` with the shipped gate card) and, for an image that passes,
the shipped screening model, so the label printed is the label the window would show.

Prints one line per image (gate score, whether the gate saw the case in training, what the app
decides) and a summary per kind: how many pass the gate's threshold, among all images and among
the cases the gate never trained on (`training.gate_data.split_cases`, the split its card's
held-out figures use). Nothing is logged and nothing is changed: the gate's threshold is the
released card's.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from core.classifier import Classifier
from core.errors import UnreadableImage
from core.image_reader import read_image
from core.model_card import load_model_card
from core.paths import model_card_path
from core.quality_gate import DEFAULT_CHECKS, rejection
from core.result import format_score, label_for
from core.view_gate import ViewGate, load_view_gate_card
from training.gate_data import split_cases

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "not-frontal-cxr"


@dataclass(frozen=True)
class GateFigure:
    """What the app does with one image."""

    file: str
    gate_score: float | None  # None: refused before the view gate (or unreadable)
    trained_on: bool  # the gate's training used this case
    decision: str  # "refused: ..." or the label the window shows with its score


def measure_kind(folder: Path, gate: ViewGate, classifier: Classifier) -> list[GateFigure]:
    """Every PNG of `folder` through the app's checks, gate and model."""
    paths = sorted(folder.glob("*.png"))
    trained, _ = split_cases(paths)
    figures = []
    for path in paths:
        try:
            image = read_image(path, min_side=classifier.card.input_size)
        except UnreadableImage as exc:
            figures.append(GateFigure(path.name, None, path in trained, f"unreadable: {exc}"))
            continue
        early = rejection(image, DEFAULT_CHECKS)
        if early is not None:
            figures.append(GateFigure(path.name, None, path in trained, f"refused: {early.text}"))
            continue
        score = gate.frontal_score(image.pixels)
        refusal = gate(image)
        if refusal is not None:
            decision = f"refused: {refusal.code}"  # the kind the gate names, where it can tell
        else:
            found = classifier.classify(image.pixels)
            label = label_for(found.score, classifier.card.threshold)
            decision = f"PASSED, screened: {label.value} (score {format_score(found.score)})"
        figures.append(GateFigure(path.name, score, path in trained, decision))
    return figures


def summary(kind: str, figures: list[GateFigure], threshold: float) -> str:
    """`kind`: n images, how many pass the gate (all / never trained on), how many get a label."""
    passed = [f for f in figures if f.gate_score is not None and f.gate_score >= threshold]
    unseen = [f for f in figures if not f.trained_on]
    unseen_passed = [f for f in passed if not f.trained_on]
    pneumonia = [f for f in passed if "PNEUMONIA" in f.decision]
    return (
        f"{kind}: {len(passed)} of {len(figures)} pass the gate (threshold {threshold}); "
        f"{len(unseen_passed)} of {len(unseen)} among cases the gate never trained on; "
        f"{len(pneumonia)} labelled Pneumonia likely"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--kinds", nargs="+", default=["lateral", "ct"])
    args = parser.parse_args(argv)
    card = load_model_card(model_card_path())
    card.verify_model_file()
    gate_card = load_view_gate_card(card)
    if gate_card is None:
        parser.error("the shipped model card names no view gate")
    gate_card.verify_model_file()
    gate, classifier = ViewGate(gate_card, verified=True), Classifier(card, verified=True)
    lines = []
    for kind in args.kinds:
        folder = args.data / kind
        if not folder.is_dir():
            parser.error(f"no folder {folder}")
        figures = measure_kind(folder, gate, classifier)
        print(f"\n{kind} ({folder})")
        print(f"{'file':<62} {'gate':>6}  {'trained':<7}  decision")
        for figure in sorted(figures, key=lambda f: -(f.gate_score or -1)):
            score = "-" if figure.gate_score is None else f"{figure.gate_score:.1f}"
            seen = "yes" if figure.trained_on else "no"
            print(f"{figure.file[:62]:<62} {score:>6}  {seen:<7}  {figure.decision}")
        lines.append(summary(kind, figures, gate_card.threshold))
    print()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
