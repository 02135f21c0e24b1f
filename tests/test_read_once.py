"""A result always describes the bytes that were scored, and every listed file gets one row
(issue 14, sections 2 and 4): each file is read once, bounded in size, and its sha256 and its
pixels come from those same bytes; the screener screens exactly the files it is given.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from core import screening
from core.file_bytes import MAX_FILE_BYTES
from core.model_card import load_model_card
from core.reason_codes import ReasonCode
from core.result_log import ResultLog
from tests.conftest import SHIPPED_MODEL_DIR

NORMAL = "samples/NORMAL/IM-0279-0001.png"
PNEUMONIA = "samples/PNEUMONIA/person507_virus_1019.png"


@pytest.fixture
def screener(tmp_path):
    log = ResultLog(tmp_path / "log.sqlite3")
    yield screening.Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
    log.close()


def screened_alone(path: Path, folder: Path) -> float | None:
    """The score `path` gets in a fresh log (no cache)."""
    with ResultLog(folder / f"alone-{path.name}.sqlite3") as log:
        fresh = screening.Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        (outcome,) = fresh.screen([path])
    return outcome.result.score


class _RewritingDigest:
    """A sha256 that, when its hex digest is taken, replaces the file with other bytes: the
    moment between hashing a file and decoding it, when a writer may strike."""

    def __init__(self, digest, path: Path, replacement: bytes) -> None:
        self._digest, self._path, self._replacement = digest, path, replacement

    def update(self, data) -> None:
        self._digest.update(data)

    def hexdigest(self) -> str:
        value = self._digest.hexdigest()
        self._path.write_bytes(self._replacement)
        return value


def test_a_file_rewritten_after_hashing_is_logged_with_the_hash_of_the_pixels_scored(
    screener, shared_data, tmp_path, monkeypatch
):
    original = (shared_data / NORMAL).read_bytes()
    replacement = (shared_data / PNEUMONIA).read_bytes()
    path = tmp_path / "being-written.png"
    path.write_bytes(original)
    expected_score = screened_alone(shared_data / NORMAL, tmp_path)
    other_score = screened_alone(shared_data / PNEUMONIA, tmp_path)
    assert expected_score != other_score  # else the test could not tell them apart

    def sha256(*data):
        return _RewritingDigest(hashlib.sha256(*data), path, replacement)

    monkeypatch.setattr(screening, "hashlib", SimpleNamespace(sha256=sha256))
    (outcome,) = screener.screen([path])

    assert outcome.result.sha256 == hashlib.sha256(original).hexdigest()
    assert outcome.result.score == expected_score


def test_a_file_over_the_size_limit_gets_an_error_row_without_being_read(screener, tmp_path):
    path = tmp_path / "huge.png"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, nothing worth reading

    (outcome,) = screener.screen([path])

    assert str(outcome.result.status) == "error"
    assert "the file is too large" in outcome.result.reason
    assert outcome.result.sha256 == ""


def test_a_file_name_longer_than_the_system_allows_gets_a_plain_reason(screener, tmp_path):
    path = tmp_path / ("x" * 300 + ".png")

    (outcome,) = screener.screen([path])

    assert str(outcome.result.status) == "error"
    assert outcome.result.reason.endswith(
        "could not be read: the name is longer than the system allows."
    )
    assert outcome.result.reason_code is ReasonCode.NAME_TOO_LONG


def test_each_listed_file_gets_exactly_one_row_even_one_that_became_a_folder(
    screener, shared_data, tmp_path
):
    first, second = tmp_path / "first.png", tmp_path / "second.png"
    shutil.copy(shared_data / NORMAL, first)
    shutil.copy(shared_data / PNEUMONIA, second)
    listed = [first, second]
    second.unlink()
    second.mkdir()  # it was a file when the batch was listed
    shutil.copy(shared_data / NORMAL, second / "inside.png")

    outcomes = list(screener.screen(listed))

    assert [o.result.file for o in outcomes] == [str(first), str(second)]
    assert str(outcomes[1].result.status) == "error"
    assert outcomes[1].result.reason == "second.png could not be read: it is a folder, not a file."
    assert outcomes[1].result.reason_code is ReasonCode.NOT_A_FILE


def test_a_folder_given_to_the_screener_is_one_error_row_not_its_contents(
    screener, shared_data, tmp_path
):
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(shared_data / NORMAL, folder / "a.png")

    outcomes = list(screener.screen([folder]))

    assert [(o.result.file, str(o.result.status)) for o in outcomes] == [(str(folder), "error")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_reading_refuses_what_is_not_a_regular_file_with_the_same_words_everywhere(tmp_path):
    from core.file_bytes import read_file_bytes
    from core.image_reader import read_image

    pipe = tmp_path / "pipe.png"
    os.mkfifo(pipe)
    reasons = set()
    for read in (read_file_bytes, read_image, screening.file_sha256):
        with pytest.raises(screening.UnreadableImage) as caught:
            read(pipe)
        reasons.add(caught.value.reason)

    assert reasons == {"it is not an ordinary file (it is a named pipe, a device or a socket)"}
