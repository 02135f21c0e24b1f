"""Checking where a CSV export may go before anything is screened or written.

Writing the CSV replaces whatever file has its name. Pointed at an X-ray being screened, at the
result log, or at anything else in the data folder, it would destroy data the clinic cannot get
back; pointed at a missing or read-only folder, it would fail only after a long batch, naming a
hidden temporary file. So the destination is checked first, and refused with a sentence that
names the path the user gave.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from core.csv_export import temporary_sibling_prefix
from core.errors import ScreeningError
from core.plain_problems import os_reason


class CsvDestinationError(ScreeningError):
    """The CSV destination would destroy data or cannot be written: a usage error (exit 2)."""

    def __init__(self, destination: str | os.PathLike[str], reason: str) -> None:
        super().__init__(destination, reason)
        self.destination = Path(destination)
        self.reason = reason

    def __str__(self) -> str:
        return f"Cannot write the CSV file {self.destination}: {self.reason}."


def check_csv_destination(
    destination: str | os.PathLike[str],
    sources: Iterable[str | os.PathLike[str]],
    data_folder: Path,
) -> Path:
    """The absolute path to write the CSV to, once it is known to be safe and writable.

    `sources` are the image files whose results go into the CSV (the files being screened, or
    the files the exported rows came from); none of them may be replaced.

    Raises:
        CsvDestinationError: the destination is a folder, is not a regular file, lies in the data
            folder, is one of `sources`, or its folder is missing or cannot be written to.
    """
    given = os.fspath(destination)
    if not given.strip():
        raise CsvDestinationError(given, "no file name was given")
    target = Path(os.path.abspath(given))
    existing = _stat(given, target)
    if _inside(target, data_folder):
        raise CsvDestinationError(
            given,
            f"it is in PneumoScreen's data folder ({data_folder}), which holds the result log; "
            "writing there could destroy it. Choose a file in another folder",
        )
    if given.endswith(("/", os.sep)) or (existing and stat.S_ISDIR(existing.st_mode)):
        raise CsvDestinationError(
            given, f"it is a folder; give a file name, such as {target / 'results.csv'}"
        )
    if existing and not stat.S_ISREG(existing.st_mode):
        raise CsvDestinationError(given, "it exists and is not an ordinary file")
    if _is_a_source(target, existing, sources):
        raise CsvDestinationError(
            given,
            "it is one of the image files whose results it would hold, and writing the CSV "
            "there would replace that file. Choose another file name, such as results.csv",
        )
    _check_folder_writable(given, target.parent)
    return target


def _stat(given: str, target: Path) -> os.stat_result | None:
    """The destination's status (following links), None if there is no such file yet."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except NotADirectoryError as exc:
        raise CsvDestinationError(
            given, f"{_first_file_on_the_way(target)} is not a folder"
        ) from exc
    except OSError as exc:  # ENAMETOOLONG too: "the name is longer than the system allows"
        raise CsvDestinationError(given, os_reason(exc)) from exc
    except ValueError as exc:  # a NUL byte in the name
        raise CsvDestinationError(
            given, "the name holds a character no file name may hold"
        ) from exc


def _first_file_on_the_way(target: Path) -> Path:
    for parent in reversed(target.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return target.parent


def _inside(target: Path, folder: Path) -> bool:
    """Whether `target` is `folder` or lies under it, by name or through links."""
    pairs = (
        (os.path.abspath(target), os.path.abspath(folder)),
        (os.path.realpath(target), os.path.realpath(folder)),
    )
    for path, base in pairs:
        path, base = os.path.normcase(path), os.path.normcase(base)
        if path == base or path.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False


def _is_a_source(
    target: Path, existing: os.stat_result | None, sources: Iterable[str | os.PathLike[str]]
) -> bool:
    """Whether `target` names one of `sources`: the same path, or (if it exists) the same file
    under another name (a link, another spelling of the path)."""
    wanted = os.path.normcase(str(target))
    identity = None if existing is None else (existing.st_dev, existing.st_ino)
    for source in sources:
        if os.path.normcase(os.path.abspath(source)) == wanted:
            return True
        if identity is not None:
            with contextlib.suppress(OSError, ValueError):
                found = os.stat(source)
                if (found.st_dev, found.st_ino) == identity:
                    return True
    return False


def _check_folder_writable(given: str, folder: Path) -> None:
    """Create and remove a file in `folder`, as writing the CSV will: the only sure test (access
    rights, read-only disks, a full disk and network shares all show up here)."""
    if not folder.is_dir():
        reason = (
            f"the folder {folder} does not exist"
            if not folder.exists()
            else f"{_first_file_on_the_way(folder / 'x')} is not a folder"
        )
        raise CsvDestinationError(given, reason)
    try:
        handle, name = tempfile.mkstemp(
            prefix=temporary_sibling_prefix(Path(given)), suffix=".tmp", dir=folder
        )
    except OSError as exc:
        reason = f"the folder {folder} cannot be written to ({os_reason(exc)})"
        raise CsvDestinationError(given, reason) from exc
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
