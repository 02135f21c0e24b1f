"""End-to-end screening speed and memory: the real pipeline over realistic radiograph files.

Usage (from the repository root; it imports `benchmarks.*`, so run it as a module):
    python -m benchmarks.throughput [--count 500] [--workers 2] [--corpus DIR] [--card model.json]
                                    [--kinds jpeg dicom] [--latency-runs 200] [--json FILE]

For each file kind (quality-90 JPEG, 12-bit DICOM; see `benchmarks.make_radiographs`) it screens
`--count` files twice: with our shipped model through the real `Screener`, and, as the comparison
row, with the reference notebook's seed-final architecture (int8, untrained: its speed does not
depend on its weights). Then it times each model alone. Printed per row:
- img/s once started: (files - 1) / (last result - first result), the steady rate;
- total s: from launching the process to the last result;
- first result s: from launching the process to the first result (interpreter start, imports,
  model load and the first file), what a user waits for before anything appears;
- peak MB: the process's peak resident memory plus that of its decoder children (VmHWM, each
  process's own peak, summed: an upper bound of what they held at once; 1 MB = 10^6 bytes).

Why it is built this way:
- Each configuration runs in a fresh child process, so its peak memory is its own (a peak only
  ever grows) and its start-up time is real, not hidden by modules the parent already imported.
- Each child writes a fresh result log in a temporary folder: the engine serves files it has seen
  from the log (keyed by sha256), so a reused log would measure the cache. Cache hits are counted
  and must be 0; the corpus files all differ for the same reason.
- The seed-final model cannot go through `Screener`: the Screener needs a model card and a model
  with a CAM (heatmap) output, and the notebook's models have only a logit. So
  `screen_with_plain_model` repeats the Screener's steps (sha256, read_image, quality gate,
  prepare_image, LiteRT, one log row per file, synced) on a thread pool of the same size with the
  same window of files in flight; only the heatmap is missing from it.

Timings are only meaningful on an otherwise idle machine; the load average at start is printed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import numpy as np

from benchmarks.make_radiographs import CORPUS_VERSION, KINDS, corpus_files, make_corpus
from benchmarks.model_latency import measure
from core.errors import ScreeningError
from core.image_reader import DECODERS, read_image
from core.litert_model import LiteRTModel
from core.model_card import load_model_card
from core.paths import model_card_path
from core.preprocess import prepare_image
from core.quality_gate import rejection
from core.result import Label, ScreeningResult, Status
from core.result_log import ResultLog
from core.screening import Screener, file_sha256

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "benchmarks" / ".cache"  # ignored by git (.gitignore: .cache/)
SEED_FINAL_MODEL = CACHE / "seed-final-untrained-int8.tflite"
SEED_FINAL_VERSION = "seed-final-untrained"
SEED_FINAL_REPRESENTATIVE = 20  # calibration images; the ranges matter little for a speed figure
PIPELINES = ("pneumoscreen", "seed-final")
TARGET_IMAGES_PER_S = 100.0  # JPEG, our model, once started (the target)
TARGET_PEAK_MB = 300.0


class ChildFailed(Exception):  # noqa: N818 - reads as the event, like the engine's errors
    """A measured configuration's process failed; its stderr is in the message."""


# --- the comparison pipeline ------------------------------------------------------------------


def screen_with_plain_model(
    paths: Iterable[Path], model_path: Path, log: ResultLog, workers: int
) -> Iterator[ScreeningResult]:
    """The Screener's steps with a logit-only `.tflite` and no model card; yields logged results.

    Not `Screener`: that needs a card and a model with a CAM output, which the reference
    notebook's models lack. Same pool size, same bound on files in flight, one interpreter per
    thread (LiteRT interpreters are not thread-safe), results logged one by one in input order.
    """
    local = threading.local()

    def screen_one(path: Path) -> ScreeningResult:
        model = getattr(local, "model", None)
        if model is None:
            model = local.model = LiteRTModel(model_path, num_threads=1)
        sha256 = file_sha256(path)
        image = read_image(path, min_side=model.input_size)
        reason = rejection(image)
        if reason is not None:
            return _plain_result(
                path, sha256, Status.REJECTED, reason=reason.text, reason_code=reason.code
            )
        logit, _ = model.predict(prepare_image(image.pixels, model.input_size))
        score = round(100.0 / (1.0 + math.exp(-min(max(logit, -50.0), 50.0))), 1)
        label = Label.PNEUMONIA if score >= 50.0 else Label.NORMAL
        return _plain_result(path, sha256, Status.OK, score=score, label=label)

    with ThreadPoolExecutor(workers, thread_name_prefix="plain") as pool:
        pending: deque[Future[ScreeningResult]] = deque()
        for path in paths:
            pending.append(pool.submit(screen_one, path))
            if len(pending) >= 4 * workers:  # the Screener's window
                yield log.add(pending.popleft().result())
        while pending:
            yield log.add(pending.popleft().result())


def _plain_result(path: Path, sha256: str, status: Status, **fields: object) -> ScreeningResult:
    return ScreeningResult(
        file=str(path),
        sha256=sha256,
        status=status,
        score=fields.get("score"),
        label=fields.get("label"),
        reason=str(fields.get("reason", "")),
        reason_code=fields.get("reason_code"),
        threshold=50.0,
        model_version=SEED_FINAL_VERSION,
        screened_at=datetime.now().astimezone(),
    )


def seed_final_model(path: Path = SEED_FINAL_MODEL) -> Path:
    """The seed-final int8 `.tflite` (untrained weights), built once and cached at `path`.

    TensorFlow is imported only here, and only when the file is missing: the measured children
    never load it, as the app never does.
    """
    if path.exists():
        return path
    print(f"building {path.name} (once; needs TensorFlow) ...", file=sys.stderr)
    from training.export import convert_to_int8
    from training.models import build_seed_final

    model = build_seed_final()
    size = model.input_shape[1]
    rng = np.random.default_rng(0)
    representative = rng.integers(0, 256, (SEED_FINAL_REPRESENTATIVE, size, size), dtype=np.uint8)
    flatbuffer = convert_to_int8(model, representative)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(flatbuffer)
    os.replace(partial, path)
    return path


# --- the child: one configuration, measured -----------------------------------------------------


def run_child(pipeline: str, files: list[Path], model: Path, workers: int) -> dict[str, object]:
    """Screen `files` with one pipeline in this (fresh) process; return times and counts.

    Times are absolute (`time.time()`), so the parent can subtract its launch time. `ready` is
    when screening begins: after the Screener has loaded and checked the model (seed-final: its
    threads load the model on their first file).
    """
    with (
        tempfile.TemporaryDirectory(prefix="pneumoscreen-bench-") as folder,
        ResultLog(Path(folder) / "results.sqlite") as log,
    ):
        if pipeline == "pneumoscreen":
            screener = Screener(load_model_card(model), log, workers)
            ready = time.time()
            results = ((o.result.status, o.from_cache) for o in screener.screen(files))
        else:
            ready = time.time()
            plain = screen_with_plain_model(files, model, log, workers)
            results = ((result.status, False) for result in plain)
        figures = _timed(results)
    return {**figures, "ready": ready, "peak_mb": peak_memory_mb() + decoder_children_peak_mb()}


def decoder_children_peak_mb() -> float:
    """The summed peak resident memory of the decoder children still running (Linux VmHWM, MB),
    0 elsewhere: since files are decoded in child processes, their memory is the batch's too."""
    total = 0.0
    for pid in DECODERS.pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except (OSError, TypeError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) * 1024 / 1e6
    return total


def peak_memory_mb() -> float:
    """This process's peak resident memory, in MB (10^6 bytes).

    Linux's VmHWM, not `ru_maxrss`: Linux carries `ru_maxrss` over fork and exec, so a child
    launched by a large parent (say one that has just run TensorFlow) reports the parent's peak.
    VmHWM belongs to the process's own address space, made afresh by exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6  # given in KiB
    except OSError:
        pass
    import resource  # POSIX only; the fallback off Linux

    unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6


def _timed(results: Iterable[tuple[str, bool]]) -> dict[str, object]:
    """Stamp each result as it arrives; count statuses and cache hits."""
    stamps: list[float] = []
    statuses: Counter[str] = Counter()
    cached = 0
    for status, from_cache in results:
        stamps.append(time.time())
        statuses[str(status)] += 1
        cached += from_cache
    return {
        "first": stamps[0],
        "last": stamps[-1],
        "files": len(stamps),
        "statuses": dict(statuses),
        "cached": cached,
    }


# --- the parent: corpus, children, table ---------------------------------------------------------


def measure_configuration(
    pipeline: str, kind: str, args: argparse.Namespace, model: Path
) -> dict[str, object]:
    """Run one configuration in a fresh child process and turn its stamps into figures."""
    command = [sys.executable, "-m", "benchmarks.throughput", "--child", pipeline, "--kinds", kind]
    command += ["--count", str(args.count), "--workers", str(args.workers)]
    command += ["--corpus", str(args.corpus), "--model", str(model)]
    launched = time.time()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ChildFailed(f"{pipeline}/{kind} child failed ({done.returncode}):\n{done.stderr}")
    child = json.loads(done.stdout.strip().splitlines()[-1])
    started = child["last"] - child["first"]
    return {
        "kind": kind,
        "pipeline": pipeline,
        "files": child["files"],
        "statuses": child["statuses"],
        "cached": child["cached"],
        "images_per_s": (child["files"] - 1) / started if started > 0 else float("nan"),
        "total_s": child["last"] - launched,
        "ready_s": child["ready"] - launched,
        "first_result_s": child["first"] - launched,
        "peak_mb": child["peak_mb"],
    }


def print_rows(rows: Sequence[dict[str, object]]) -> None:
    header = (
        f"{'kind':<6} {'pipeline':<13} {'files':>5} {'ok/rej/err':>11} {'img/s started':>14} "
        f"{'total s':>8} {'first result s':>15} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        counts = row["statuses"]
        outcome = "/".join(str(counts.get(status, 0)) for status in ("ok", "rejected", "error"))
        print(
            f"{row['kind']:<6} {row['pipeline']:<13} {row['files']:>5} {outcome:>11} "
            f"{row['images_per_s']:>14.1f} {row['total_s']:>8.2f} {row['first_result_s']:>15.2f} "
            f"{row['peak_mb']:>8.0f}"
        )


def print_latency(latency: dict[str, dict[str, float]], runs: int) -> None:
    print(f"\nModel alone: one image, one thread, median of {runs} runs (benchmarks.model_latency)")
    print(f"{'model':<13} {'bytes':>12} {'input':>5} {'median ms':>10} {'p90 ms':>8}")
    for name, figures in latency.items():
        print(
            f"{name:<13} {figures['bytes']:>12,} {figures['input']:>5} "
            f"{figures['median_ms']:>10.2f} {figures['p90_ms']:>8.2f}"
        )


def check_targets(rows: Sequence[dict[str, object]]) -> list[str]:
    """Lines saying whether our model on JPEG meets the issue's speed and memory targets."""
    lines = []
    for row in rows:
        if row["pipeline"] == "pneumoscreen" and row["kind"] == "jpeg":
            fast = row["images_per_s"] >= TARGET_IMAGES_PER_S
            small = row["peak_mb"] <= TARGET_PEAK_MB
            lines.append(
                f"target JPEG >= {TARGET_IMAGES_PER_S:.0f} img/s once started: "
                f"{'met' if fast else 'NOT met'}; peak <= {TARGET_PEAK_MB:.0f} MB: "
                f"{'met' if small else 'NOT met'}"
            )
    bad = [r for r in rows if r["cached"] or set(r["statuses"]) - {"ok"}]
    lines += [
        f"warning: {r['pipeline']}/{r['kind']}: {r['cached']} cache hits, statuses "
        f"{r['statuses']}: the figures do not measure {r['files']} screenings"
        for r in bad
    ]
    return lines


def run_parent(args: argparse.Namespace) -> int:
    card = load_model_card(args.card)
    card.verify_model_file()
    load = os.getloadavg()[0]
    make_corpus(args.corpus, args.count, args.kinds)
    seed_final = seed_final_model()
    models = {"pneumoscreen": card.path, "seed-final": seed_final}
    print(
        f"{args.count} files per kind, {args.workers} workers, {os.cpu_count()} CPUs, "
        f"load average {load:.2f} at start; ours: {card.name} {card.version} "
        f"({card.input_size} px); corpus: {args.corpus}"
    )
    if load > 0.5:
        print(f"warning: the machine is busy (load {load:.2f}): timings are not final figures")
    rows = [
        measure_configuration(pipeline, kind, args, models[pipeline])
        for kind in args.kinds
        for pipeline in PIPELINES
    ]
    print()
    print_rows(rows)
    latency = {
        "pneumoscreen": measure(card.model_file, args.latency_runs),
        "seed-final": measure(seed_final, args.latency_runs),
    }
    print_latency(latency, args.latency_runs)
    for line in check_targets(rows):
        print(line)
    if args.json:
        _save(args, rows, latency, load, card.version)
    return 0


def _save(
    args: argparse.Namespace, rows: list, latency: dict, load: float, card_version: str
) -> None:
    report = {
        "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(),
            "load_average_at_start": load,
        },
        "config": {
            "count": args.count,
            "workers": args.workers,
            "card": str(args.card),
            "model_version": card_version,
            "latency_runs": args.latency_runs,
        },
        "rows": rows,
        "latency": latency,
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"saved {args.json}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=CACHE / f"radiographs-v{CORPUS_VERSION}")
    parser.add_argument("--card", type=Path, default=model_card_path(), help="our model card")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--latency-runs", type=int, default=200)
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    # Internal: run one configuration; --model is its card (pneumoscreen) or .tflite (seed-final).
    parser.add_argument("--child", choices=PIPELINES, help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.count < 2:
        parser.error(
            f"--count must be at least 2 (a rate needs two results). Received: {args.count}"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child is None:
        try:
            return run_parent(args)
        except (ScreeningError, ChildFailed) as exc:
            print(f"throughput: error: {exc}", file=sys.stderr)
            return 1
    (kind,) = args.kinds
    files = corpus_files(args.corpus, args.count, kind)
    print(json.dumps(run_child(args.child, files, args.model, args.workers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
