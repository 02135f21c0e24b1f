"""What goes wrong with the data folder or the result log is said in one plain line that names
the file and what to do: never an errno, a SQLite phrase or a traceback (issue 14, section 7)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from core import cli
from core import result_log as result_log_module
from core.paths import result_log_path
from core.result_log import ResultLog
from tests.media_mounts import IS_ROOT, read_only_folder, tmpfs

INTERNALS = (
    "Traceback",
    "Errno",
    "OperationalError",
    "table results already exists",
    "database or disk is full",
    "disk I/O error",
)


pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


@pytest.fixture
def xrays(shared_data, tmp_path) -> Path:
    folder = tmp_path / "xrays"
    folder.mkdir()
    for index, sample in enumerate(sorted((shared_data / "samples").glob("*/*.png"))[:6]):
        shutil.copy(sample, folder / f"{index}.png")
    return folder


def one_plain_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    line = err[0]
    assert line.startswith("pneumoscreen: error: "), line
    assert not [word for word in INTERNALS if word in line], line
    return line


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_data_folder_that_is_a_file_is_named_and_said_to_need_a_folder(
    xrays, tmp_path, capsys, monkeypatch
):
    blocker = tmp_path / "pneumoscreen-home"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(blocker))
    assert cli.main(["screen", str(xrays)]) == 1
    line = one_plain_line(capsys)
    assert str(blocker) in line and "is a file, not a folder" in line
    assert "PNEUMOSCREEN_HOME" in line
    assert cli.main(["export", "--csv", str(tmp_path / "out.csv")]) == 1
    assert "is a file, not a folder" in one_plain_line(capsys)
    assert blocker.read_text() == "not a folder"


def log_with_version_mark(home: Path, version: int) -> Path:
    """A log holding one result, its `PRAGMA user_version` then set to `version`."""
    from tests.test_result_log import ok_result

    home.mkdir()
    path = home / "results.sqlite3"
    with ResultLog(path) as log:
        log.add(ok_result())
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("version", [0, -1, -2_000_000])
def test_a_damaged_version_mark_is_explained_and_the_log_left_as_it_is(
    xrays, tmp_path, capsys, home, version
):
    path = log_with_version_mark(home, version)
    before = digest(path)
    assert cli.main(["screen", str(xrays)]) == 1
    line = one_plain_line(capsys)
    assert str(path) in line and "version mark is damaged" in line and "Move it" in line
    assert cli.main(["export", "--csv", str(tmp_path / "out.csv")]) == 1
    assert "version mark is damaged" in one_plain_line(capsys)
    assert digest(path) == before
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM results").fetchone() == (1,)
    assert db.execute("PRAGMA user_version").fetchone() == (version,)
    db.close()


class _FullDisk(sqlite3.Connection):
    """A connection to a log on a disk that has just filled up: every new row is refused."""

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


class _FailingDisk(sqlite3.Connection):
    """A disk that answers writes with an I/O error while it still has room."""

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


def connect_with(monkeypatch, factory: type[sqlite3.Connection]) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        result_log_module.sqlite3,
        "connect",
        lambda *args, **kwargs: real_connect(*args, factory=factory, **kwargs),
    )


def test_a_full_disk_is_said_plainly_with_what_to_do(xrays, capsys, monkeypatch):
    connect_with(monkeypatch, _FullDisk)
    assert cli.main(["screen", str(xrays)]) == 1
    line = one_plain_line(capsys)
    assert "disk" in line and "is full" in line and "Free some space" in line
    assert str(result_log_path()) in line
    assert "database or disk is full" not in line


def test_a_disk_that_fails_with_room_left_is_not_called_full(xrays, capsys, monkeypatch):
    connect_with(monkeypatch, _FailingDisk)
    assert cli.main(["screen", str(xrays)]) == 1
    line = one_plain_line(capsys)
    assert "read or write error" in line and "is full" not in line
    assert "disk I/O error" not in line


def test_a_really_full_disk_is_said_plainly(xrays, tmp_path, capsys, monkeypatch, shared_data):
    many = tmp_path / "many"
    many.mkdir()
    sample = sorted((shared_data / "samples").glob("*/*.png"))[0].read_bytes()
    for index in range(120):  # distinct bytes: none is answered from the log
        (many / f"{index:03d}.png").write_bytes(sample + index.to_bytes(4, "big"))
    with tmpfs(tmp_path / "small-disk", "96k") as small:
        monkeypatch.setenv("PNEUMOSCREEN_HOME", str(small))
        assert cli.main(["screen", str(many)]) == 1
    line = one_plain_line(capsys)
    assert "is full" in line and "Free some space" in line


def fill_with_a_log(folder: Path) -> None:
    from tests.test_result_log import ok_result

    with ResultLog(folder / "results.sqlite3") as log:
        for index in range(3):
            log.add(ok_result(f"{index}.png", sha256=f"{index:064d}"))


def test_a_log_on_read_only_media_exports(tmp_path, capsys, monkeypatch):
    out = tmp_path / "export.csv"
    with read_only_folder(tmp_path / "cdrom", fill_with_a_log) as folder:
        monkeypatch.setenv("PNEUMOSCREEN_HOME", str(folder))
        assert cli.main(["export", "--csv", str(out)]) == 0
        assert "exported 3 results" in capsys.readouterr().err
        assert sorted(path.name for path in folder.iterdir()) == ["results.sqlite3"]
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 4


@pytest.mark.skipif(not IS_ROOT, reason="a read-only disk (not only a folder) needs a mount")
def test_screening_onto_read_only_media_says_so(xrays, tmp_path, capsys, monkeypatch):
    with read_only_folder(tmp_path / "cdrom", fill_with_a_log) as folder:
        monkeypatch.setenv("PNEUMOSCREEN_HOME", str(folder))
        assert cli.main(["screen", str(xrays)]) == 1
    line = one_plain_line(capsys)
    assert "read-only" in line and "exported" in line


def test_export_with_no_log_yet_writes_the_header_and_creates_no_log(tmp_path, home):
    out = tmp_path / "export.csv"
    assert cli.main(["export", "--csv", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("file,status,score")
    assert not (home / "results.sqlite3").exists()
