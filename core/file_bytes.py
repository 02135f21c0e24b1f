"""Reading a file's bytes once, bounded in size, for hashing and decoding alike.

The screener hashes and decodes the same bytes: a file rewritten while it is being screened can
no longer be logged with one version's sha256 and the other version's score. Reading happens
here and only here, so every reason a file cannot be read is worded once (`unreadable_file`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from core.errors import UnreadableImage
from core.plain_problems import os_problem
from core.reason_codes import ReasonCode

#: The largest file read. An uncompressed 4300 x 4300 radiograph at 16 bits, the largest single
#: frame a chest detector writes, is a 37 MB DICOM file; 48 MiB (50 MB) leaves room for overlays
#: and headers. A larger file is refused before any of it is read: the screener holds each file
#: in memory while its decoder child receives a copy, so this limit is part of the memory bound
#: (docs/performance.md, `benchmarks/peak_memory.py`).
MAX_FILE_BYTES = 48 * 2**20

#: The reason given for a named pipe, a device or a socket found among the files.
NOT_A_FILE = "it is not an ordinary file (it is a named pipe, a device or a socket)"
#: The reason given for a folder: the words `os_problem` has for the system's EISDIR.
FOLDER = os_problem(IsADirectoryError(errno.EISDIR, "")).text
EMPTY = "the file is empty"


def read_file_bytes(path: Path, before_read: Callable[[int], None] | None = None) -> bytearray:
    """All bytes of the regular file at `path`, read through one open.

    A bytearray, so that a caller that hands the bytes on can free them: the decoder pool empties
    it once its child has its own copy (`core.isolated_decoder.IsolatedDecoder.run`).

    The open does not block (a named pipe would wait for a writer), and only a regular file is
    read (a link to /dev/zero would never end). A file over `MAX_FILE_BYTES` is refused by its
    size, unread; one that grows past the limit while being read is refused too.
    `before_read(size)` is called once the size is known, before any byte is read (to book
    memory for it).

    Raises:
        UnreadableImage: missing, a folder, not a regular file, empty, too large, or the
            operating system refused to open or read it.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _BINARY)
    except OSError as exc:
        raise unreadable_file(path, exc) from exc
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableImage(path, FOLDER, ReasonCode.NOT_A_FILE)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableImage(path, NOT_A_FILE, ReasonCode.NOT_A_FILE)
        if status.st_size > MAX_FILE_BYTES:
            raise UnreadableImage(path, too_large_file_reason(status.st_size), ReasonCode.TOO_LARGE)
        if before_read is not None:
            before_read(status.st_size)
        data = _read_all(descriptor, status.st_size)
    except OSError as exc:
        raise unreadable_file(path, exc) from exc
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:  # it grew after the size was checked
        raise UnreadableImage(path, too_large_file_reason(len(data)), ReasonCode.TOO_LARGE)
    if not data:
        raise UnreadableImage(path, EMPTY, ReasonCode.EMPTY_FILE)
    return data


def _read_all(descriptor: int, size: int) -> bytearray:
    """The file's bytes, at most `MAX_FILE_BYTES` + 1 of them, read into one buffer sized from the
    `size` the system gave (and grown if the file has grown since)."""
    data = bytearray(min(size, MAX_FILE_BYTES) + 1)
    filled = 0
    with open(descriptor, "rb", buffering=0, closefd=False) as stream:
        with memoryview(data) as view:
            while filled < len(data) and (count := stream.readinto(view[filled:])):
                filled += count
        if filled == len(data):  # more than `size`: the file grew while being read
            data += stream.read(MAX_FILE_BYTES + 1 - filled)
            return data
    del data[filled:]
    return data


def too_large_file_reason(size: int) -> str:
    """Why a file of `size` bytes is not read."""
    return (
        f"the file is too large ({size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)"
    )


def unreadable_file(path: Path, exc: OSError) -> UnreadableImage:
    """The `UnreadableImage` that says, in plain words, why the system refused `path`: the words
    and code of `core.plain_problems.os_problem`, which explains every OSError the app meets."""
    if isinstance(exc, PermissionError) and os.path.isdir(path):  # Windows opens no folder
        return UnreadableImage(path, FOLDER, ReasonCode.NOT_A_FILE)
    problem = os_problem(exc)
    return UnreadableImage(path, problem.text, problem.code)


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
