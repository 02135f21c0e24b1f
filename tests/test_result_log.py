"""The result log keeps every finished result, answers re-screens from itself, and stays private."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from core.errors import ResultLogError, ScreeningError
from core.log_schema import SCHEMA_VERSION
from core.reason_codes import ReasonCode
from core.result import Label, ScreeningResult, Status
from core.result_log import ResultLog
from tests.conftest import REPO

WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=3)))


def ok_result(name: str = "a.png", sha256: str = "ab" * 32, **changes) -> ScreeningResult:
    result = ScreeningResult(
        file=f"/clinic/xrays/{name}",
        sha256=sha256,
        status=Status.OK,
        score=87.25,
        label=Label.PNEUMONIA,
        reason="",
        threshold=50.0,
        model_version="compact-1.0",
        screened_at=WHEN,
    )
    return replace(result, **changes)


def error_result(sha256: str = "ab" * 32) -> ScreeningResult:
    return ScreeningResult(
        file="/clinic/xrays/broken.png",
        sha256=sha256,
        status=Status.ERROR,
        score=None,
        label=None,
        reason="broken.png could not be read: the file is truncated.",
        reason_code=ReasonCode.DAMAGED_DATA,
        threshold=None,
        model_version="compact-1.0",
        screened_at=WHEN,
    )


def _add_rows(path: Path, prefix: str, count: int, barrier) -> None:
    """Runs in a spawned process: one writer of the concurrency test, from creating the log on."""
    barrier.wait()
    with ResultLog(path) as log:
        for i in range(count):
            log.add(ok_result(f"{prefix}-{i}.png", sha256=f"{prefix}{i}"))


def test_rows_survive_closing_and_reopening(tmp_path):
    path = tmp_path / "data" / "results.sqlite"
    with ResultLog(path) as log:
        first = log.add(ok_result("one.png"))
        second = log.add(error_result())
    with ResultLog(path) as log:
        assert log.count() == 2
        assert log.results() == [first, second]
    assert first.id is not None and second.id == first.id + 1


def test_the_log_uses_wal_and_its_schema_is_the_latest_migration(tmp_path):
    path = tmp_path / "results.sqlite"
    ResultLog(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_opening_a_log_written_by_a_newer_version_raises_result_log_error(tmp_path):
    path = tmp_path / "results.sqlite"
    ResultLog(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(ResultLogError, match="newer PneumoScreen"):
        ResultLog(path)
    assert issubclass(ResultLogError, ScreeningError)


def test_cached_returns_the_logged_result_for_the_same_bytes_and_model_version(tmp_path):
    with ResultLog(tmp_path / "results.sqlite") as log:
        logged = log.add(ok_result())
        assert log.cached(logged.sha256, "compact-1.0") == logged
        assert log.cached(logged.sha256, "compact-2.0") is None
        assert log.cached("cd" * 32, "compact-1.0") is None


def test_cached_ignores_error_rows_because_a_file_may_become_readable(tmp_path):
    with ResultLog(tmp_path / "results.sqlite") as log:
        log.add(error_result(sha256="ef" * 32))
        assert log.cached("ef" * 32, "compact-1.0") is None
        log.add(error_result(sha256=""))
        assert log.cached("", "compact-1.0") is None


def test_results_since_a_date_keeps_later_rows_in_time_order(tmp_path):
    with ResultLog(tmp_path / "results.sqlite") as log:
        late = log.add(ok_result("late.png", screened_at=WHEN + timedelta(days=2)))
        early = log.add(ok_result("early.png", screened_at=WHEN - timedelta(days=2)))
        today = log.add(ok_result("today.png"))
        assert log.results() == [early, today, late]
        assert log.results(since=WHEN.date()) == [today, late]
        assert log.results(since=date(2030, 1, 1)) == []
        assert log.results(ids=[late.id, early.id]) == [early, late]
        assert log.results(since=WHEN.date(), ids=[early.id, today.id]) == [today]
        assert log.results(ids=[]) == []


def test_results_since_uses_the_date_where_the_result_was_screened(tmp_path):
    # 00:30 on the 15th in Nairobi is still the 14th in UTC: the clinic means the 15th.
    local = datetime(2025, 3, 15, 0, 30, tzinfo=timezone(timedelta(hours=3)))
    with ResultLog(tmp_path / "results.sqlite") as log:
        logged = log.add(ok_result(screened_at=local))
        assert log.results(since=date(2025, 3, 15)) == [logged]
        assert logged.screened_at.astimezone(UTC).date() == date(2025, 3, 14)


def test_heatmap_and_timestamps_round_trip(tmp_path):
    heatmap = np.linspace(-2, 3, 36, dtype=np.float32).reshape(6, 6)
    moment = datetime(2025, 3, 14, 1, 2, 3, 123456, tzinfo=UTC)  # before WHEN
    with ResultLog(tmp_path / "results.sqlite") as log:
        log.add(ok_result(heatmap=heatmap, screened_at=moment))
        log.add(ok_result("no-map.png"))
    with ResultLog(tmp_path / "results.sqlite") as log:
        with_map, without_map = log.results()
    assert with_map.heatmap.dtype == np.float32
    np.testing.assert_array_equal(with_map.heatmap, heatmap)
    assert without_map.heatmap is None
    assert with_map.screened_at == moment and with_map.screened_at.utcoffset() == timedelta(0)


def test_a_file_name_that_is_not_utf8_is_logged_and_read_back_unchanged(tmp_path):
    # What Python makes of the Linux name b"scan-\xff.png": a lone surrogate, which SQLite
    # refuses as text. The batch that met it used to stop with a UnicodeEncodeError.
    name = os.fsdecode(b"scan-\xff.png") if os.name == "posix" else "scan-\udcff.png"
    failed = error_result()
    failed = replace(failed, file=f"/usb/{name}", reason=f"{name} could not be read: damaged.")
    with ResultLog(tmp_path / "results.sqlite") as log:
        logged = [log.add(ok_result(name, patient_id="P-\udcfe")), log.add(failed)]
    with ResultLog(tmp_path / "results.sqlite") as log:
        assert log.results() == logged
        assert log.cached(logged[0].sha256, "compact-1.0") == logged[0]
        assert log.integrity_ok()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_log_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "results.sqlite"
    path.touch(mode=0o644)  # a log left by an older version with loose permissions
    path.chmod(0o644)
    with ResultLog(path) as log:
        log.add(ok_result())
        for file in (path, Path(f"{path}-wal")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_a_result_added_before_the_process_is_killed_is_kept_and_the_log_is_sound(tmp_path):
    path = tmp_path / "results.sqlite"
    code = (
        "import os, sys\n"
        "from core.result_log import ResultLog\n"
        "from tests.test_result_log import ok_result\n"
        "log = ResultLog(sys.argv[1])\n"
        "log.add(ok_result('kept.png'))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, check=True, timeout=60)
    with ResultLog(path) as log:
        assert [r.file for r in log.results()] == ["/clinic/xrays/kept.png"]
        assert log.integrity_ok()


def test_two_processes_writing_at_once_both_keep_all_their_rows(tmp_path):
    path = tmp_path / "results.sqlite"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    writers = [
        context.Process(target=_add_rows, args=(path, prefix, 200, barrier)) for prefix in "xy"
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    with ResultLog(path) as log:
        assert log.count() == 400
        assert len({r.sha256 for r in log.results()}) == 400
        assert log.integrity_ok()


#: A child process asks for a write lock on SQLite's SHARED byte range of the log: it is refused
#: while any connection of this process has the log open (WAL keeps a shared lock for that).
_LOCK_PROBE = """
import fcntl, sys
with open(sys.argv[1], "r+b") as file:
    try:
        fcntl.lockf(file, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 0x40000002)
        print("free")
    except OSError:
        print("held")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
def test_opening_a_second_log_in_the_process_keeps_the_first_ones_locks(tmp_path):
    # Closing any descriptor of a file drops all of this process's POSIX locks on it. Opening
    # (and closing) the file by hand on every open did that to the window's connection: another
    # process then reset the WAL under it, and the window got "disk I/O error".
    path = tmp_path / "results.sqlite"

    def lock_seen_by_another_process() -> str:
        probe = [sys.executable, "-c", _LOCK_PROBE, str(path)]
        return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()

    with ResultLog(path) as first:
        first.add(ok_result())
        assert lock_seen_by_another_process() == "held"
        ResultLog(path).close()
        assert lock_seen_by_another_process() == "held"
        first.add(ok_result("two.png", sha256="cd" * 32))


def test_an_unwritable_location_raises_result_log_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(ResultLogError, match="is a file, not a folder"):
        ResultLog(blocker / "results.sqlite")


def test_a_file_that_is_not_a_database_raises_result_log_error(tmp_path):
    path = tmp_path / "results.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ResultLogError, match="not a database"):
        ResultLog(path)


def test_a_result_must_be_consistent_with_its_status():
    with pytest.raises(ValueError, match="needs a score and a label"):
        ok_result(score=None)
    with pytest.raises(ValueError, match="needs a reason"):
        replace(error_result(), reason="")
    with pytest.raises(ValueError, match="label must be NORMAL"):
        ok_result(score=12.0)
    with pytest.raises(ValueError, match="timezone-aware"):
        ok_result(screened_at=datetime(2025, 3, 14, 9, 30))
