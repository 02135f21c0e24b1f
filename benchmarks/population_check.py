"""What the population check adds per film: its time on decoded films of realistic sizes.

Usage (from the repository root):
    python -m benchmarks.population_check [--runs 50] [--card resources/model/model.json]

The check (`core.population_check`) reads the screening model's input (the decoded film resized to
192 px and stretched), pooled to 32 x 32, and takes a dot product. In the app the screener
prepares that input once for the check and the model, so what the check adds is the first row:
pooling and the dot product on a prepared input. The other rows time it from a decoded film, resize
included (what a caller without a prepared input pays; it grows with the film): the demo samples as
decoded (children's films at their natural sizes) and the same films enlarged to the sizes X-ray
units write (2,000 x 2,500 and 3,000 x 3,000 pixels). One thread; median and 90th percentile in
ms.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from core.model_card import load_model_card
from core.paths import model_card_path
from core.population_check import load_population_check
from core.preprocess import prepare_image

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples"
SIZES = ((2000, 2500), (3000, 3000))  # width x height


def timed(
    check: Callable[[np.ndarray], bool], films: list[np.ndarray], runs: int
) -> dict[str, float]:
    """Median and 90th percentile of `runs` checks cycling over `films`, after one warm-up."""
    check(films[0])
    timings = []
    for index in range(runs):
        start = time.perf_counter()
        check(films[index % len(films)])
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
    prepared = [prepare_image(film, check.input_size, check.tone) for film in films]
    rows = {
        "prepared input (app)": (check.flags_input, prepared),
        "samples as decoded": (check.flags, films),
    }
    for width, height in SIZES:
        enlarged = [np.asarray(Image.fromarray(film).resize((width, height))) for film in films[:4]]
        rows[f"{width} x {height}"] = (check.flags, enlarged)
    print(f"population check {check.version}: {check.weights.size} inputs, one thread")
    for name, (run, images) in rows.items():
        figures = timed(run, images, args.runs)
        print(f"{name:>20}: median {figures['median_ms']:.2f} ms, p90 {figures['p90_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
