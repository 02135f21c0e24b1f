"""Turning the paths a user gives (files and folders) into the files to screen."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield each given file, and every file under each given folder (recursively, sorted).

    Symbolic links to folders are followed once: a folder already visited (by its real path) is
    skipped, so link loops in a dropped folder end instead of recursing forever. Hidden files
    (".DS_Store", "._x.jpg" from macOS) are skipped inside folders, but a hidden file named
    directly is screened. Paths that do not exist are yielded so the caller reports them.
    """
    visited: set[str] = set()
    for path in paths:
        path = Path(path).absolute()
        if path.is_dir():
            yield from _walk(path, visited)
        else:
            yield path


def _walk(folder: Path, visited: set[str]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # an unreadable folder becomes one error row, not a crash
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_path = Path(entry.path)
        try:
            is_folder = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_folder = False
        if is_folder:
            yield from _walk(entry_path, visited)
        else:
            yield entry_path
