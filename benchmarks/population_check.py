"""What the population check adds per film: its time on decoded films of realistic sizes.

Usage (from the repository root):
    python -m benchmarks.population_check [--runs 50] [--card resources/model/model.json]

The check (`core.population_check`) resizes the decoded film to the model's input and takes a dot
product; the resize dominates and grows with the film. Timed on the demo samples as decoded
(children's films at their natural sizes) and on the same films enlarged to the sizes X-ray units
write (2,000 x 2,500 and 3,000 x 3,000 pixels). One thread; median and 90th percentile in ms.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from PIL import Image

from core.model_card import load_model_card
from core.paths import model_card_path
from core.population_check import PopulationCheck, load_population_check

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples"
SIZES = ((2000, 2500), (3000, 3000))  # width x height


def timed(check: PopulationCheck, films: list[np.ndarray], runs: int) -> dict[str, float]:
    """Median and 90th percentile of `runs` checks cycling over `films`, after one warm-up."""
    check.flags(films[0])
    timings = []
    for index in range(runs):
        start = time.perf_counter()
        check.flags(films[index % len(films)])
        timings.append(time.perf_counter() - start)
    milliseconds = np.array(timings) * 1000
    return {
        "median_ms": float(np.median(milliseconds)),
        "p90_ms": float(np.percentile(milliseconds, 90)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.population_check", description=__doc__
    )
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--card", type=Path, default=None, help="default: the shipped card")
    args = parser.parse_args(argv)
    check = load_population_check(load_model_card(args.card or model_card_path()))
    if check is None:
        print("the card names no population check")
        return 1
    films = [np.asarray(Image.open(path).convert("L")) for path in sorted(SAMPLES.rglob("*.png"))]
    rows = {"samples as decoded": films}
    for width, height in SIZES:
        rows[f"{width} x {height}"] = [
            np.asarray(Image.fromarray(film).resize((width, height))) for film in films[:4]
        ]
    print(f"population check {check.version}: {check.weights.size} inputs, one thread")
    for name, images in rows.items():
        figures = timed(check, images, args.runs)
        print(f"{name:>20}: median {figures['median_ms']:.2f} ms, p90 {figures['p90_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
