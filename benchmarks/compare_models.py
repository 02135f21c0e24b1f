"""Side-by-side table of exported models: size, latency and validation/test-dev figures.

Usage (from the repository root): python -m benchmarks.compare_models MODEL_DIR [MODEL_DIR ...]
Each MODEL_DIR holds a `model.json` written by `python -m training export` and its `.tflite`.
Figures come from the cards (measured on the int8 files); latency is measured here, one thread.
Prints a markdown table for docs/model-card.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.model_latency import measure
from core.model_card import load_model_card


def row(model_dir: Path) -> str:
    """One markdown table row for the model in `model_dir`."""
    card = load_model_card(model_dir / "model.json")
    card.verify_model_file()
    latency = measure(card.model_file, runs=100)
    cells = [
        card.raw["architecture"],
        f"{card.raw['parameters']:,}",
        f"{card.raw['file_bytes'] / 1e6:.2f} MB",
        f"{latency['median_ms']:.2f} ms",
        f"{card.input_size}",
        str(card.raw["training"]["config"]["epochs"]),
    ]
    for split in ("validation", "test_dev"):
        figures = card.raw["performance"][split]
        cells += [f"{figures[name]['value']:.3f}" for name in ("auc", "sensitivity", "specificity")]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dirs", type=Path, nargs="+")
    args = parser.parse_args()
    print(
        "| model | parameters | int8 file | latency (1 thread) | input | epochs | val AUC "
        "| val sens | val spec | test-dev AUC | test-dev sens | test-dev spec |"
    )
    print("|" + "---|" * 12)
    for model_dir in args.model_dirs:
        print(row(model_dir))


if __name__ == "__main__":
    main()
