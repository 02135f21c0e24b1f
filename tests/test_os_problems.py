"""One explanation of each OSError (issue 18): a file that cannot be screened, and a file the
command line or the window cannot use, say the same words for the same error, with the code a
refused file is logged with."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from core.errors import UnreadableImage
from core.file_bytes import read_file_bytes, unreadable_file
from core.image_reader import read_image
from core.plain_problems import os_problem, os_reason, plain_os_error
from core.reason_codes import ReasonCode

ERRORS = [
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "/x/a.png"), "file_missing"),
    (PermissionError(errno.EACCES, "Permission denied", "/x/a.png"), "permission_denied"),
    (OSError(errno.ENAMETOOLONG, "File name too long", "/x/a.png"), "name_too_long"),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "/x/a.png"), "not_a_file"),
    (OSError(errno.ENOTDIR, "Not a directory", "/x/a.png"), "file_missing"),
    (OSError(errno.ELOOP, "Too many levels of symbolic links", "/x/a.png"), "read_failed"),
    (OSError(errno.EIO, "Input/output error", "/x/a.png"), "read_failed"),
]


@pytest.mark.parametrize(("exc", "code"), ERRORS, ids=lambda v: getattr(v, "strerror", v))
def test_the_same_oserror_gets_the_same_words_when_screening_and_when_using_a_file(exc, code):
    words = os_reason(exc)
    refused = unreadable_file(Path("/x/a.png"), exc)
    assert str(refused) == f"a.png could not be read: {words}."
    assert plain_os_error(exc) == f"Cannot use /x/a.png: {words}."
    assert refused.code == os_problem(exc).code == ReasonCode(code)


def test_words_of_the_system_follow_a_colon_in_lower_case():
    exc = OSError(errno.EIO, "Input/output error", "/x/a.png")
    assert os_reason(exc) == "input/output error"
    assert plain_os_error(OSError(errno.EIO, "Input/output error")) == "Input/output error."


def test_a_missing_file_read_for_screening_says_what_the_command_line_would(tmp_path):
    missing = tmp_path / "gone.png"
    with pytest.raises(OSError) as opened:
        missing.open("rb")
    for read in (read_file_bytes, read_image):
        with pytest.raises(UnreadableImage) as refused:
            read(missing)
        assert refused.value.reason == os_reason(opened.value) == "it does not exist"
        assert refused.value.code is ReasonCode.FILE_MISSING


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_says_permission_denied_both_ways(tmp_path):
    locked = tmp_path / "locked.png"
    locked.write_bytes(b"x")
    locked.chmod(0)
    try:
        with pytest.raises(OSError) as opened:
            locked.open("rb")
        with pytest.raises(UnreadableImage) as refused:
            read_file_bytes(locked)
    finally:
        locked.chmod(0o600)
    assert refused.value.reason == os_reason(opened.value) == "permission denied"
    assert refused.value.code is ReasonCode.PERMISSION_DENIED
