"""Plain sentences for what goes wrong with files, the data folder and the result log.

SQLite and the file system describe a failure in their own words ("disk I/O error", "[Errno 30]
Read-only file system", "file is not a database"); a clinic user needs to know what happened to
their results and what to do. This module chooses those words, once, for the command line and
the window alike.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from core.reason_codes import Reason, ReasonCode

#: Below this much free space, a failed write is put down to a full disk.
NEARLY_FULL_BYTES = 1 << 20

_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


#: What the file system's refusals mean, in words a clinic user reads, and the code a file that
#: could not be read for that reason is logged with (`core.reason_codes`). One table for every
#: OSError the app explains: a file being screened, the CSV, the site profile, the data folder.
_OS_PROBLEMS: dict[int, Reason] = {
    errno.EACCES: Reason(ReasonCode.PERMISSION_DENIED, "permission denied"),
    errno.EPERM: Reason(ReasonCode.PERMISSION_DENIED, "permission denied"),
    errno.EROFS: Reason(ReasonCode.READ_FAILED, "the disk is read-only"),
    errno.ENOSPC: Reason(ReasonCode.READ_FAILED, "the disk is full"),
    errno.ENAMETOOLONG: Reason(
        ReasonCode.NAME_TOO_LONG, "the name is longer than the system allows"
    ),
    errno.ENOENT: Reason(ReasonCode.FILE_MISSING, "it does not exist"),
    errno.ENOTDIR: Reason(ReasonCode.FILE_MISSING, "a part of the path is not a folder"),
    errno.EISDIR: Reason(ReasonCode.NOT_A_FILE, "it is a folder, not a file"),
}
if getattr(errno, "EDQUOT", None) is not None:
    _OS_PROBLEMS[errno.EDQUOT] = Reason(
        ReasonCode.READ_FAILED, "the disk is full (your share of it is used up)"
    )


def os_problem(exc: OSError) -> Reason:
    """What `exc` means, in words ("it does not exist"), with the code of a file that could not
    be read because of it; an error without words of ours says the system's own, lower-cased to
    follow a colon ("too many levels of symbolic links")."""
    known = _OS_PROBLEMS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        return known
    words = exc.strerror or type(exc).__name__
    return Reason(ReasonCode.READ_FAILED, words[:1].lower() + words[1:])


def os_reason(exc: OSError) -> str:
    """The file system's reason for `exc`, in words a clinic user reads ("the disk is full")."""
    return os_problem(exc).text


def plain_os_error(exc: OSError) -> str:
    """One sentence for an OSError that reached the command line or the window, naming its file.

    "Cannot use /media/usb/day.csv: the disk is full." rather than "[Errno 28] No space left on
    device: '/media/usb/.day.csv.x1y2.tmp'".
    """
    reason = os_reason(exc)
    if exc.filename is None:
        return reason[:1].upper() + reason[1:] + "."
    return f"Cannot use {exc.filename}: {reason}."


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of `exc` (SQLITE_IOERR for every SQLITE_IOERR_*), if any.

    An error made by hand (a test, a wrapper) carries no code; it has only its message.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no space left for this user."""
    for place in (folder, *folder.parents):
        try:
            return shutil.disk_usage(place).free < NEARLY_FULL_BYTES
        except OSError:
            continue
    return False


def plain_log_problem(verb: str, path: Path, exc: BaseException) -> str:
    """One or two sentences: what went wrong with the result log at `path`, and what to do.

    `verb` says what was being done ("open", "write to", "read").
    """
    code = sqlite_code(exc)
    message = str(exc)
    number = getattr(exc, "errno", None)
    input_output = code == sqlite3.SQLITE_IOERR or "disk I/O error" in message
    if (
        code == sqlite3.SQLITE_FULL
        or number in _DISK_FULL_ERRNOS
        or "database or disk is full" in message
        or (input_output and disk_is_full(path.parent))
    ):
        return (
            f"The disk that holds the result log {path} is full, so results cannot be saved. "
            "Free some space on it (empty the recycle bin, move old files away), then try again."
        )
    if code == sqlite3.SQLITE_READONLY or number in _READ_ONLY_ERRNOS:
        denied = number in (errno.EACCES, errno.EPERM)
        why = "this user may not write there" if denied else "the disk or folder is read-only"
        return (
            f"PneumoScreen cannot save results in its result log {path}: {why}. Results can "
            "still be viewed and exported; to screen, set PNEUMOSCREEN_HOME to a folder you may "
            "write to."
        )
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return (
            f"The result log {path} is damaged or is not a PneumoScreen result log ({message}). "
            f"The file has not been changed. Move it, and any files beside it whose names start "
            f"with {path.name}, to another folder (keep them for your support contact); "
            "PneumoScreen will then start a new, empty log."
        )
    if input_output:
        return (
            f"The disk that holds the result log {path} reported a read or write error. Check "
            "that the disk or USB stick is still connected and working, then try again."
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (
            f"The result log {path} is kept busy by another PneumoScreen (the window or a "
            "command line). Wait for it to finish, then try again."
        )
    detail = getattr(exc, "strerror", None) or message
    return f"Cannot {verb} the result log {path}: {detail}."


def folder_problem(folder: Path, exc: OSError) -> str:
    """Why the data folder `folder` could not be made, in words; `exc` is what mkdir raised."""
    if isinstance(exc, FileExistsError | NotADirectoryError):
        blocker = next((place for place in folder.parents if place.is_file()), None)
        what = (
            f"The data folder {folder} is a file, not a folder."
            if blocker is None
            else f"The data folder {folder} cannot be made: {blocker} is a file, not a folder."
        )
        return (
            f"{what} PNEUMOSCREEN_HOME (or the default data folder) must name a folder: point "
            "PNEUMOSCREEN_HOME at a folder, or move that file aside."
        )
    if exc.errno in _DISK_FULL_ERRNOS:
        return f"The data folder {folder} cannot be created: the disk is full."
    if exc.errno in _READ_ONLY_ERRNOS:
        return (
            f"The data folder {folder} cannot be created: PneumoScreen may not write there. "
            "Set PNEUMOSCREEN_HOME to a folder you may write to."
        )
    return f"The data folder {folder} cannot be created: {exc.strerror or exc}."
