"""The `pneumoscreen` command line: a thin layer over the engine with honest exit codes.

Whatever goes wrong, the user sees one line, `pneumoscreen: error: ...`, in plain words that
name the file or value; tracebacks appear only with `--debug`, and warnings go to the debug log.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from core.calibrate_command import (
    calibrate,
    reset_site_threshold,
    target_sensitivity,
    threshold_words,
)
from core.card_integrity import release_version
from core.csv_export import write_results_csv
from core.debug_log import diagnostics_routed
from core.errors import NotEnoughEvidence, ScreeningError, SiteProfileError, UsageProblem
from core.file_walk import expand_paths
from core.local_performance import DEFAULT_TARGET_SENSITIVITY
from core.model_card import load_model_card
from core.output_guard import CsvDestinationError, check_csv_destination
from core.paths import data_dir, model_card_path
from core.plain_problems import plain_os_error
from core.result import ScreeningResult
from core.result_log import open_result_log
from core.screen_session import ScreeningStart, screen_with_progress
from core.site_profile import SiteProfile
from core.watch_command import settle_seconds, watch

if TYPE_CHECKING:
    from core.screening import Outcome


class ExitStatus(enum.IntEnum):
    """0: every input got a result; 1: nothing could be screened; 2: usage error; 130: Ctrl+C."""

    OK = 0
    FAILED = 1
    USAGE = 2
    INTERRUPTED = 130  # 128 + SIGINT, what shells report for a program stopped by Ctrl+C


class Interrupted(KeyboardInterrupt):
    """Ctrl+C during a batch, with how many of its results are safe in the log."""

    def __init__(self, saved: int, csv_requested: bool) -> None:
        super().__init__(saved, csv_requested)
        self.saved = saved
        self.csv_requested = csv_requested

    def __str__(self) -> str:
        saved = "1 result was" if self.saved == 1 else f"{self.saved} results were"
        text = f"interrupted; {saved} saved in the log"
        return text + (" (no CSV was written)" if self.csv_requested else "")


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def info() -> ExitStatus:
    """Print the model card summary, the data folder and the versions."""
    # Imported here, like the screener: every decoder child imports this module first (spawn
    # runs the parent's main module), and the view gate would load LiteRT into each of them.
    from core.view_gate import load_view_gate_card

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
    model_version = release_version(card, gate)
    print(f"results are logged as model_version {model_version}")
    try:
        in_force = SiteProfile.load().threshold_in_force(card.threshold, model_version)
    except SiteProfileError as exc:
        in_force, problem = None, exc
    if in_force is not None:
        print(f"threshold in force: {threshold_words(in_force)}")
        if in_force.notice:
            print(f"note: {in_force.notice}")
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
    if in_force is None:  # everything else is shown; the threshold cannot be told
        raise problem
    return ExitStatus.OK


def screen(
    paths: list[Path], csv_path: str | None, workers: int, deidentify: bool = False
) -> ExitStatus:
    """Screen files and folders, log every result, print a progress bar and a summary.

    The CSV destination is checked before the model is even loaded, so a batch is never screened
    only to find that its CSV cannot be written, or would replace an input or the log.
    """
    files = list(expand_paths(paths))  # once: the screener takes this list as it is
    destination = None
    if csv_path is not None:
        destination = check_csv_destination(csv_path, files, data_dir())
    start = ScreeningStart.load(model_card_path())
    start.print_notes()
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    try:
        with start.screener(workers) as screener:
            screen_with_progress(screener, files, outcomes.append)
            reviews = screener.log.latest_reviews() if destination is not None else {}
    except KeyboardInterrupt:
        raise Interrupted(len(outcomes), destination is not None) from None
    elapsed = time.perf_counter() - started
    counts = Counter(outcome.result.status.value for outcome in outcomes)
    cached = sum(outcome.from_cache for outcome in outcomes)
    rate = len(outcomes) / elapsed if elapsed > 0 else 0.0
    print(
        f"{len(outcomes)} {'file' if len(outcomes) == 1 else 'files'}: {counts['ok']} ok, "
        f"{counts['rejected']} rejected, "
        f"{counts['error']} error ({cached} from the log) in {elapsed:.1f} s, "
        f"{rate:.1f} images/s; labelled at threshold {threshold_words(start.in_force)}",
        file=sys.stderr,
    )
    if destination is not None:
        results = (outcome.result for outcome in outcomes)
        write_results_csv(results, destination, reviews, deidentify=deidentify)
    return ExitStatus.OK


def export(csv_path: str, since: date | None, deidentify: bool = False) -> ExitStatus:
    """Write the log (or its rows since a date) to a CSV file.

    The log is opened read-only, so a log on read-only media (a CD, a locked USB stick) exports.
    """
    with open_result_log(read_only=True) as log:
        results: list[ScreeningResult] = log.results(since=since)
        reviews = log.latest_reviews()
    destination = check_csv_destination(csv_path, (result.file for result in results), data_dir())
    rows = write_results_csv(results, destination, reviews, deidentify=deidentify)
    print(f"exported {rows} result{'' if rows == 1 else 's'} to {destination}", file=sys.stderr)
    return ExitStatus.OK


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error said in one line like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            ExitStatus.USAGE,
            f"pneumoscreen: error: {message} (see `{self.prog} --help`)\n",
        )


def _input_path(text: str) -> Path:
    """A PATH argument; an empty one would mean the current folder, which nobody asks for so."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "an empty path was given; name a file or folder (. is the current folder)"
        )
    return Path(text)


def _day(text: str) -> date:
    """A `--since` date, strictly YYYY-MM-DD (the form the help shows)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        with contextlib.suppress(ValueError):  # 2025-02-30 matches but is no date
            return date.fromisoformat(text)
    raise argparse.ArgumentTypeError(
        f"expected a date as YYYY-MM-DD, such as 2025-03-14; got {text!r}"
    )


_DEIDENTIFY_HELP = "in the CSV, each file's base name instead of its path, and no patient names"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pneumoscreen", description="Chest X-ray screening aid")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and warnings")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the model and screen the shipped check images; exit 0 when all is well",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("info", help="model card summary, data folder, versions")
    screen_cmd = commands.add_parser("screen", help="screen files and folders (recursively)")
    screen_cmd.add_argument("paths", type=_input_path, nargs="+", metavar="PATH")
    screen_cmd.add_argument("--csv", help="write one row per input file", metavar="FILE")
    screen_cmd.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    screen_cmd.add_argument("--deidentify", action="store_true", help=_DEIDENTIFY_HELP)
    export_cmd = commands.add_parser("export", help="export the result log as CSV")
    export_cmd.add_argument("--csv", required=True, metavar="FILE")
    export_cmd.add_argument("--since", type=_day, metavar="YYYY-MM-DD")
    export_cmd.add_argument("--deidentify", action="store_true", help=_DEIDENTIFY_HELP)
    calibrate_cmd = commands.add_parser(
        "calibrate",
        help="figures on this clinic's labelled films, and a site threshold from them",
        description="Screen a folder of films without pneumonia and one of films with "
        "pneumonia, show how the model does on them, and propose the highest threshold that "
        "keeps the target sensitivity (the model card's rule). --apply makes it this clinic's "
        "site threshold; --reset goes back to the model's threshold.",
    )
    calibrate_cmd.add_argument("--normal", type=_input_path, metavar="DIR")
    calibrate_cmd.add_argument("--pneumonia", type=_input_path, metavar="DIR")
    calibrate_cmd.add_argument(
        "--target-sensitivity",
        type=target_sensitivity,
        metavar="S",
        help="share of pneumonias the threshold must flag (default 0.95)",
    )
    calibrate_cmd.add_argument(
        "--json", action="store_true", help="print one JSON object on stdout"
    )
    calibrate_cmd.add_argument(
        "--apply", action="store_true", help="make the proposed threshold the site threshold"
    )
    calibrate_cmd.add_argument(
        "--reset", action="store_true", help="remove the site threshold (the model's applies)"
    )
    calibrate_cmd.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    watch_cmd = commands.add_parser(
        "watch", help="screen what is in folders, then every new file, until Ctrl+C"
    )
    watch_cmd.add_argument("folders", type=_input_path, nargs="+", metavar="DIR")
    watch_cmd.add_argument(
        "--settle",
        type=settle_seconds,
        metavar="SECONDS",
        help="read a new file once its size has not changed for this long (default 2)",
    )
    watch_cmd.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    # Declared for --help only: `pneumoscreen` (desktop.launcher) runs `report` before this
    # parser sees it, since rendering a PDF needs Qt, which core never imports.
    report_cmd = commands.add_parser(
        "report", help="a printable one-page PDF report per screened file, from the log"
    )
    report_cmd.add_argument("paths", nargs="+", metavar="PATH")
    report_cmd.add_argument("--pdf", required=True, metavar="FILE")
    return parser


def _print_error(exc: BaseException) -> None:
    """`exc` as one line of plain words on stderr: no errno, no temporary file, no line break."""
    text = plain_os_error(exc) if isinstance(exc, OSError) else str(exc)
    print(f"pneumoscreen: error: {' '.join(text.split())}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `pneumoscreen`; returns the process exit status."""
    multiprocessing.freeze_support()  # a bundled app runs as its own decoder child (spawn)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None and not args.self_test:
        # No subcommand: the window is desktop.launcher's to open (core never imports it).
        parser.print_usage(sys.stderr)
        return ExitStatus.USAGE
    with diagnostics_routed(show_on_stderr=args.debug, to_debug_log=not args.self_test):
        try:
            return _run(args)
        except KeyboardInterrupt as exc:
            if args.debug:
                raise
            said = str(exc) if isinstance(exc, Interrupted) else "interrupted"
            print(f"pneumoscreen: {said}", file=sys.stderr)
            return ExitStatus.INTERRUPTED
        except (CsvDestinationError, NotEnoughEvidence, UsageProblem) as exc:
            if args.debug:
                raise
            _print_error(exc)
            return ExitStatus.USAGE
        except BrokenPipeError:
            # Whoever read our output stopped (`pneumoscreen info | head -3`): nothing to tell
            # them, and Python must not complain at exit about the closed pipe either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return ExitStatus.FAILED
        except (ScreeningError, OSError) as exc:
            if args.debug:
                raise
            _print_error(exc)
            return ExitStatus.FAILED


def _run(args: argparse.Namespace) -> ExitStatus:
    if args.self_test:
        from core.self_test import run_self_test  # loads the engine: not for `--help`

        return ExitStatus.OK if run_self_test() else ExitStatus.FAILED
    if args.command == "info":
        return info()
    if args.command == "screen":
        return screen(args.paths, args.csv, max(1, args.workers), args.deidentify)
    if args.command == "calibrate":
        return _calibrate(args)
    if args.command == "watch":
        return watch(args.folders, max(1, args.workers), args.settle)
    if args.command == "report":
        raise UsageProblem("the report command is run by `pneumoscreen report`, not core.cli")
    return export(args.csv, args.since, args.deidentify)


def _calibrate(args: argparse.Namespace) -> ExitStatus:
    """`calibrate --reset`, or `calibrate --normal DIR --pneumonia DIR [...]`."""
    if args.reset:
        given = [f"--{n}" for n in ("normal", "pneumonia", "apply", "json") if getattr(args, n)]
        if args.target_sensitivity is not None:
            given.append("--target-sensitivity")
        if given:
            raise UsageProblem(f"--reset takes no other options; received {', '.join(given)}")
        reset_site_threshold()
        return ExitStatus.OK
    if args.normal is None or args.pneumonia is None:
        raise UsageProblem(
            "calibrate needs --normal DIR and --pneumonia DIR (or --reset); "
            "see `pneumoscreen calibrate --help`"
        )
    calibrate(
        args.normal,
        args.pneumonia,
        (
            DEFAULT_TARGET_SENSITIVITY
            if args.target_sensitivity is None
            else args.target_sensitivity
        ),
        as_json=args.json,
        apply=args.apply,
        workers=max(1, args.workers),
    )
    return ExitStatus.OK


if __name__ == "__main__":
    sys.exit(main())
