"""Turning the paths a user gives (files and folders) into the files to screen."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Folders are opened relative to their parent's descriptor where the system allows it (POSIX),
#: so a tree deeper than the longest path the system accepts (PATH_MAX) is still listed to its
#: last file; each such file then gets its own error row instead of its folder failing whole.
_RELATIVE_WALK = os.scandir in os.supports_fd and os.open in os.supports_dir_fd
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield each given file, and every file under each given folder (recursively, sorted).

    Symbolic links to folders are followed once: a folder already visited is skipped, so link
    loops in a dropped folder end instead of recursing forever. Hidden files (".DS_Store",
    "._x.jpg" from macOS) are skipped inside folders, but a hidden file named directly is
    screened. Paths that do not exist, and paths the system cannot even look at (a name longer
    than it allows, a folder it may not enter), are yielded so the screener gives each its own
    error row: looking at one path never raises and never stops the others.
    """
    visited: set[object] = set()
    for path in paths:
        path = Path(path).absolute()
        if _is_folder(path):
            yield from _walk(path, visited, None)
        else:
            yield path


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False when it cannot be looked at (ENAMETOOLONG, EACCES...),
    since `Path.is_dir` raises for those instead of answering."""
    try:
        return path.is_dir()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False


def _walk(folder: Path, visited: set[object], parent: int | None) -> Iterator[Path]:
    """The files under `folder`; `parent` is the open descriptor of its parent folder, if any."""
    if not _RELATIVE_WALK:
        yield from _walk_by_name(folder, visited)
        return
    try:
        descriptor = os.open(
            folder if parent is None else folder.name, _FOLDER_FLAGS, dir_fd=parent
        )
    except (OSError, ValueError):
        yield folder  # an unreadable folder becomes one error row, not a crash
        return
    try:
        found = os.fstat(descriptor)
        if (found.st_dev, found.st_ino) in visited:
            return
        visited.add((found.st_dev, found.st_ino))
        try:
            entries = sorted(os.scandir(descriptor), key=lambda entry: entry.name)
        except OSError:
            yield folder
            return
        for entry in entries:
            if not entry.name.startswith("."):
                if _entry_is_folder(entry):
                    yield from _walk(folder / entry.name, visited, descriptor)
                else:
                    yield folder / entry.name
    finally:
        os.close(descriptor)


def _walk_by_name(folder: Path, visited: set[object]) -> Iterator[Path]:
    """`_walk` where folders cannot be opened by descriptor (Windows)."""
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (OSError, ValueError):
        yield folder
        return
    for entry in entries:
        if not entry.name.startswith("."):
            if _entry_is_folder(entry):
                yield from _walk_by_name(Path(entry.path), visited)
            else:
                yield Path(entry.path)


def _entry_is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False
