"""The `pneumoscreen` command line: a thin layer over the engine with honest exit codes."""

from __future__ import annotations

import argparse
import enum
import multiprocessing
import sys
import time
from collections import Counter
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from core.csv_export import write_results_csv
from core.errors import ScreeningError
from core.file_walk import expand_paths
from core.model_card import load_model_card
from core.paths import data_dir, model_card_path
from core.result_log import open_result_log
from core.view_gate import load_view_gate_card


class ExitStatus(enum.IntEnum):
    """0: every input got a result; 1: nothing could be screened; 2: usage error."""

    OK = 0
    FAILED = 1
    USAGE = 2


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def info() -> ExitStatus:
    """Print the model card summary, the data folder and the versions."""
    card = load_model_card(model_card_path())
    card.verify_model_file()
    test_dev = card.raw["performance"]["test_dev"]
    print(f"model: {card.name} {card.version} ({card.model_file.name}, sha256 {card.sha256[:12]}…)")
    print(f"input: {card.input_size}x{card.input_size} grayscale; threshold: {card.threshold}")
    gate = load_view_gate_card(card)
    if gate is not None:
        gate.verify_model_file()
        print(
            f"view gate: {gate.name} {gate.version} ({gate.model_file.name}); images scoring "
            f"under {gate.threshold} are refused as not a frontal chest X-ray"
        )
    print(
        f"test-dev: AUC {test_dev['auc']['value']}, sensitivity "
        f"{test_dev['sensitivity']['value']}, specificity {test_dev['specificity']['value']}"
    )
    print(f"intended use: {card.raw['intended_use']}")
    print(f"data folder: {data_dir()}")
    print(
        f"python {sys.version.split()[0]}; "
        + "; ".join(
            f"{name} {_package_version(name)}"
            for name in ("pneumoscreen", "ai-edge-litert", "numpy", "Pillow", "pydicom")
        )
    )
    return ExitStatus.OK


def screen(paths: list[Path], csv_path: Path | None, workers: int) -> ExitStatus:
    """Screen files and folders, log every result, print a progress bar and a summary."""
    # Imported here: the window starts through this module and loads the model in the background.
    from tqdm import tqdm

    from core.screening import Screener

    card = load_model_card(model_card_path())
    files = list(expand_paths(paths))
    outcomes = []
    started = time.perf_counter()
    with open_result_log() as log:
        screener = Screener(card, log, workers)
        progress = tqdm(total=len(files), unit="image", file=sys.stderr, disable=None)
        for outcome in screener.screen(files):
            outcomes.append(outcome)
            progress.update()
        progress.close()
    elapsed = time.perf_counter() - started
    counts = Counter(outcome.result.status.value for outcome in outcomes)
    cached = sum(outcome.from_cache for outcome in outcomes)
    rate = len(outcomes) / elapsed if elapsed > 0 else 0.0
    print(
        f"{len(outcomes)} files: {counts['ok']} ok, {counts['rejected']} rejected, "
        f"{counts['error']} error ({cached} from the log) in {elapsed:.1f} s, "
        f"{rate:.1f} images/s",
        file=sys.stderr,
    )
    if csv_path is not None:
        write_results_csv((outcome.result for outcome in outcomes), csv_path)
    return ExitStatus.OK


def export(csv_path: Path, since: date | None) -> ExitStatus:
    """Write the log (or its rows since a date) to a CSV file."""
    with open_result_log() as log:
        rows = write_results_csv(log.results(since=since), csv_path)
    print(f"exported {rows} results to {csv_path}", file=sys.stderr)
    return ExitStatus.OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pneumoscreen", description="Chest X-ray screening aid")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the model and screen the shipped check images; exit 0 when all is well",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("info", help="model card summary, data folder, versions")
    screen_cmd = commands.add_parser("screen", help="screen files and folders (recursively)")
    screen_cmd.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    screen_cmd.add_argument("--csv", type=Path, help="write one row per input file")
    screen_cmd.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    export_cmd = commands.add_parser("export", help="export the result log as CSV")
    export_cmd.add_argument("--csv", type=Path, required=True)
    export_cmd.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `pneumoscreen`; returns the process exit status."""
    multiprocessing.freeze_support()  # a bundled app runs as its own decoder child (spawn)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.self_test:
            from core.self_test import run_self_test  # loads the engine: not for `--help`

            return ExitStatus.OK if run_self_test() else ExitStatus.FAILED
        if args.command == "info":
            return info()
        if args.command == "screen":
            return screen(args.paths, args.csv, max(1, args.workers))
        if args.command == "export":
            return export(args.csv, args.since)
        # No subcommand: open the window. Imported here so `core` never loads Qt on import.
        from desktop.app import run

        return run()
    except (ScreeningError, OSError) as exc:
        if args.debug:
            raise
        print(f"pneumoscreen: error: {exc}", file=sys.stderr)
        return ExitStatus.FAILED


if __name__ == "__main__":
    sys.exit(main())
