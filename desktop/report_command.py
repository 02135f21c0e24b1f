"""`pneumoscreen report PATH... --pdf FILE`: one printed page per screened file, from the log.

Run by `desktop.launcher` (rendering a PDF needs Qt, which `core` never imports). Nothing is
screened here: each page is the file's latest logged result. A file the log has never seen is
said in one line, exit status 1, and no PDF is written, so a half report never reaches a file.
Qt runs without a window: on a Linux machine without a display it uses the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from core.errors import ScreeningError
from core.output_guard import CsvDestinationError, check_csv_destination
from core.paths import data_dir
from core.plain_problems import plain_os_error
from core.report_lookup import latest_results
from core.result_log import open_result_log

OK, FAILED, USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line like the rest of `pneumoscreen`."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"pneumoscreen: error: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pneumoscreen report",
        description="Write a one-page report per screened file (its latest result in the log) "
        "to one PDF file, ready to print.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="screened image files")
    parser.add_argument("--pdf", required=True, metavar="FILE", help="the PDF file to write")
    return parser


def run_report(argv: list[str], debug: bool = False) -> int:
    """The `report` subcommand; returns the exit status (0, 1: nothing written, 2: usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # usage errors exit 2, --help 0
        return int(exc.code or 0)
    if any(not text.strip() for text in args.paths):
        return _say("an empty path was given; name a screened file", USAGE)
    try:
        return _write_report([Path(text) for text in args.paths], args.pdf)
    except CsvDestinationError as exc:
        if debug:
            raise
        return _say(f"Cannot write the PDF file {exc.destination}: {exc.reason}.", USAGE)
    except (ScreeningError, OSError) as exc:
        if debug:
            raise
        return _say(plain_os_error(exc) if isinstance(exc, OSError) else str(exc), FAILED)


def _write_report(paths: list[Path], pdf: str) -> int:
    if any(Path(pdf).absolute() == path.absolute() for path in paths):
        return _say(f"{pdf} is one of the files to report on; choose another PDF name", USAGE)
    destination = check_csv_destination(pdf, [], data_dir())
    with open_result_log(read_only=True) as log:
        lookup = latest_results(log, paths)
    if lookup.never_screened:
        one = len(lookup.never_screened) == 1
        names = ", ".join(str(path) for path in lookup.never_screened)
        return _say(
            f"{names} {'was' if one else 'were'} never screened, so there is nothing to report; "
            f"screen {'it' if one else 'them'} first with `pneumoscreen screen`. "
            "No PDF was written.",
            FAILED,
        )
    pages = _render(lookup.found, destination)
    print(f"wrote {pages} page{'s' if pages != 1 else ''} to {destination}", file=sys.stderr)
    return OK


def _render(found: list, destination: Path) -> int:
    """Draw the pages into a temporary file beside `destination`, then put it in place."""
    _use_offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    from desktop.report import ReportInput, read_film, report_title, result_document
    from desktop.report_pages import write_pdf
    from desktop.report_settings import clinic_name

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    printed_at = datetime.now().astimezone()
    clinic = clinic_name()
    documents = []
    for result, review in found:
        image, problem = read_film(result)
        documents.append(
            result_document(ReportInput(result, review, image, problem), clinic, printed_at)
        )
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        pages = write_pdf(partial, documents, report_title(found[0][0]), one_page_each=True)
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)
    return pages


def _use_offscreen_without_display() -> None:
    """Qt's offscreen platform where there is no display to connect to (a server, ssh, CI)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _say(message: str, status: int) -> int:
    print(f"pneumoscreen: error: {' '.join(message.split())}", file=sys.stderr)
    return status
