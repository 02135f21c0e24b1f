"""Finding what to report: the latest logged result of each file a user names.

The log stores each file under the absolute path it was screened as (`core.file_walk`), so a
name given now is made absolute the same way; a spelling with `..` or `.` in it is matched on its
normalised form too. A file screened several times is reported as last screened.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from core.result import ScreeningResult
from core.result_log import ResultLog
from core.review import Review


@dataclass(frozen=True)
class ReportLookup:
    """The latest result (and its latest review) of each path found, in the order given, and
    the paths the log has never seen."""

    found: list[tuple[ScreeningResult, Review | None]]
    never_screened: list[Path]


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def latest_results(log: ResultLog, paths: Sequence[Path]) -> ReportLookup:
    """The latest logged result of each of `paths`, with its latest review."""
    latest: dict[str, ScreeningResult] = {}
    for result in log.results():  # oldest first: a later screening replaces an earlier one
        latest[result.file] = result
        latest[_key(result.file)] = result
    reviews = log.latest_reviews()
    found, missing = [], []
    for path in paths:
        result = latest.get(str(Path(path).absolute())) or latest.get(_key(path))
        if result is None:
            missing.append(Path(path))
        else:
            found.append((result, reviews.get(result.id) if result.id is not None else None))
    return ReportLookup(found, missing)
