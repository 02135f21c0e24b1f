"""Per-image latency of int8 `.tflite` models through ai-edge-litert on one CPU thread.

Usage (from the repository root):
    python -m benchmarks.model_latency MODEL.tflite [MODEL.tflite ...] [--runs 200]

Prints, per model: file size, input size, median and 90th-percentile milliseconds per image
(the model alone: preprocessing and file reading are not included).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from core.litert_model import LiteRTModel


def measure(model_path: Path, runs: int, warmup: int = 10) -> dict[str, float]:
    """Time `runs` single-image invocations after `warmup` untimed ones."""
    model = LiteRTModel(model_path, num_threads=1)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (8, model.input_size, model.input_size), dtype=np.uint8)
    for index in range(warmup):
        model.predict(images[index % len(images)])
    timings = []
    for index in range(runs):
        start = time.perf_counter()
        model.predict(images[index % len(images)])
        timings.append(time.perf_counter() - start)
    milliseconds = np.array(timings) * 1000
    return {
        "bytes": model_path.stat().st_size,
        "input": model.input_size,
        "median_ms": float(np.median(milliseconds)),
        "p90_ms": float(np.percentile(milliseconds, 90)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(f"{'model':<45} {'bytes':>11} {'input':>5} {'median ms':>10} {'p90 ms':>8}")
    for path in args.models:
        figures = measure(path, args.runs)
        print(
            f"{path.name:<45} {figures['bytes']:>11,} {figures['input']:>5} "
            f"{figures['median_ms']:>10.2f} {figures['p90_ms']:>8.2f}"
        )


if __name__ == "__main__":
    main()
