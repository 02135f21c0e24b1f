"""The app's local result log: one SQLite row per screening, in the data folder.

Why it is built this way:
- Each result is committed (and synced to disk) before `add` returns, so a batch cut short by a
  crash, a closed lid or a power cut keeps every result finished before it.
- WAL mode, a 30-second busy timeout and short `BEGIN IMMEDIATE` write transactions let the GUI
  and a command line (two processes) write the same log at once, each waiting its turn.
- The file is created readable by its owner only (0600 on POSIX): it holds patient IDs on a shared
  laptop. SQLite gives its -wal and -shm files the same mode.
- Any str a result holds can be logged, even a Linux file name that is not valid UTF-8 (stored
  as a blob, read back as the same str), so one odd name never stops a batch.
- `PRAGMA user_version` counts the migrations that have run, so a log written by an older version
  is upgraded in place, and one written by a newer version is refused rather than misread. Opened
  read-only (a log on a CD), an older log is read as it is: no reviews, every threshold the model's.
- Reviews (`core.review`) are append-only: a correction adds a row, and triggers refuse any UPDATE
  or DELETE of a review, so who decided what and when can always be shown. The latest review of a
  result is the one added last (highest row id), whatever the clocks said.
- Patient details typed for a film without them (a JPEG or PNG: `set_patient`) update the result's
  own patient columns: they describe the film, not a decision, so a corrected typo replaces the
  typo; every later screening of the same bytes is served from the log with them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from core.errors import ResultLogError
from core.log_rows import result_from_row, review_from_row, storable, timestamp
from core.log_schema import (
    INSERT,
    INSERT_REVIEW,
    MIGRATIONS,
    REVIEW_COLUMNS,
    REVIEWS_VERSION,
    SCHEMA_VERSION,
    select_results,
)
from core.paths import ensure_folder, result_log_path
from core.patient import PatientDetails
from core.plain_problems import folder_problem, plain_log_problem, sqlite_code
from core.result import ScreeningResult
from core.review import Review

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 30.0


class ResultLog:
    """The result log at `path`, opened (and created or upgraded) on construction.

    Safe to share between threads (calls are serialised by a lock) and between processes (SQLite
    locking). Every method raises `ResultLogError` when SQLite fails, with a sentence that says
    what went wrong and what to do (`core.plain_problems`).

    `read_only=True` opens without writing anything (no folder, file, migration or WAL switch):
    for exporting and viewing a log on read-only media. `add`, `add_review` and `set_patient`
    then raise `ResultLogError`.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.Lock()
        # What a read-only log holds may be older; 0 is a log with no tables (never set up, or
        # none at all), which holds no results.
        self._version = SCHEMA_VERSION
        with self._errors("open"):
            if read_only:
                self._db = _connect_read_only(self.path)
            else:
                ensure_folder(self.path.parent)
                _create_private_file(self.path)
                self._db = sqlite3.connect(
                    self.path,
                    timeout=BUSY_TIMEOUT_S,
                    isolation_level=None,
                    check_same_thread=False,
                )
        try:
            with self._errors("open"):
                _retry_while_busy(self._check_read_only if read_only else self._prepare)
        except BaseException:
            self._db.close()
            raise

    def __enter__(self) -> ResultLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; SQLite checkpoints the WAL back into the log file."""
        with self._lock:
            self._db.close()

    def add(self, result: ScreeningResult) -> ScreeningResult:
        """Log `result` and return it with its row `id`; it is on disk when this returns."""
        if result.id is not None:
            raise ValueError(f"This result is already logged. Received: id={result.id}")
        self._refuse_if_read_only(f"the result of {result.file}")
        heatmap = result.heatmap
        blob = None if heatmap is None else heatmap.astype("<f4").tobytes()
        rows, cols = (None, None) if heatmap is None else heatmap.shape
        values = (
            storable(result.file),
            result.sha256,
            str(result.status),
            result.score,
            None if result.label is None else str(result.label),
            storable(result.reason),
            result.threshold,
            result.model_version,
            timestamp(result.screened_at),
            storable(result.patient_id),
            storable(result.study_date),
            storable(result.study_instance_uid),
            storable(result.series_instance_uid),
            storable(result.sop_instance_uid),
            blob,
            rows,
            cols,
            str(result.threshold_source),
            storable(result.patient_name),
            result.patient_sex,
            result.patient_age_years,
            result.patient_birth_date,
            storable(result.age_warning),
            None if result.reason_code is None else str(result.reason_code),
            timestamp(result.screened_at.astimezone(UTC)),
        )
        with self._errors("write to"), self._transaction() as db:
            row_id = db.execute(INSERT, values).lastrowid
        return replace(result, id=row_id)

    def cached(self, sha256: str, model_version: str) -> ScreeningResult | None:
        """The latest ok or rejected result for these bytes and this model, else None.

        Errors are never returned: an error means the bytes could not be read or decoded this time
        (a file still being copied, a reader added in a newer version), so trying again may work.
        The record is returned as logged: its `file` is the path it was logged under.
        """
        if not sha256:
            return None
        rows = self._query(
            f"{select_results(self._version)} WHERE sha256 = ? AND model_version = ? "
            "AND status IN ('ok', 'rejected') ORDER BY screened_at_utc DESC, id DESC LIMIT 1",
            (sha256, model_version),
        )
        return rows[0] if rows else None

    def results(
        self, since: date | None = None, ids: Sequence[int] | None = None
    ) -> list[ScreeningResult]:
        """Logged results, oldest first (by time, then row id).

        `since` keeps results screened on or after that calendar date, as dated where and when
        they were screened (the clinic's local date). `ids` keeps only those rows.
        """
        where, params = [], []
        if since is not None:
            if isinstance(since, datetime):
                raise TypeError(f"since must be a date, not a datetime. Received: {since!r}")
            where.append("screened_at >= ?")
            params.append(since.isoformat())
        if ids is not None:
            # json_each binds any number of ids as one parameter (no SQLite variable limit).
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append("[" + ",".join(str(int(i)) for i in ids) + "]")
        sql = select_results(self._version) + (" WHERE " + " AND ".join(where) if where else "")
        return self._query(sql + " ORDER BY screened_at_utc, id", tuple(params))

    def add_review(self, review: Review) -> Review:
        """Log `review` (a new row: earlier reviews of the result stay) and return it with its id.

        Raises:
            ResultLogError: the log holds no result `review.result_id`, or cannot be written.
        """
        if review.id is not None:
            raise ValueError(f"This review is already logged. Received: id={review.id}")
        self._refuse_if_read_only(f"the review of result {review.result_id}")
        values = (
            review.result_id,
            str(review.decision),
            storable(review.reviewer),
            timestamp(review.reviewed_at),
            timestamp(review.reviewed_at.astimezone(UTC)),
            storable(review.note),
            review.result_id,
        )
        with self._errors("write to"), self._transaction() as db:
            cursor = db.execute(INSERT_REVIEW, values)
        if cursor.rowcount != 1:
            raise ResultLogError(
                f"There is no result {review.result_id} in the result log {self.path}, so its "
                "review cannot be saved."
            )
        return replace(review, id=cursor.lastrowid)

    def set_patient(
        self, result_id: int, details: PatientDetails, age_warning: str = ""
    ) -> ScreeningResult:
        """Store what the user typed about the patient of result `result_id` (a film without
        patient data) and return the result as now logged. `age_warning` is
        `core.patient.age_warning` for the typed age and the model card's validated ages.

        Raises:
            ResultLogError: the log holds no result `result_id`, or cannot be written.
        """
        self._refuse_if_read_only(f"the patient details of result {result_id}")
        values = (
            storable(details.patient_id),
            storable(details.name),
            details.sex,
            details.age_years,
            storable(age_warning),
            int(result_id),
        )
        with self._errors("write to"), self._transaction() as db:
            cursor = db.execute(
                "UPDATE results SET patient_id = ?, patient_name = ?, patient_sex = ?, "
                "patient_age_years = ?, age_warning = ? WHERE id = ?",
                values,
            )
        if cursor.rowcount != 1:
            raise ResultLogError(
                f"There is no result {result_id} in the result log {self.path}, so its patient "
                "details cannot be saved."
            )
        return self.results(ids=[int(result_id)])[0]

    def review_history(self, result_id: int) -> list[Review]:
        """Every review of the result `result_id`, oldest first; the last one is in force."""
        return self._reviews(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE result_id = ? ORDER BY id",
            (int(result_id),),
        )

    def latest_reviews(self) -> dict[int, Review]:
        """result id -> its latest review (the one added last), for every reviewed result."""
        reviews = self._reviews(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE id IN "
            "(SELECT max(id) FROM reviews GROUP BY result_id) ORDER BY id",
            (),
        )
        return {review.result_id: review for review in reviews}

    def count(self) -> int:
        """How many results the log holds."""
        if self._version == 0:
            return 0
        with self._errors("read"), self._lock:
            return self._db.execute("SELECT count(*) FROM results").fetchone()[0]

    def integrity_ok(self) -> bool:
        """Whether SQLite's full integrity check finds the log sound."""
        with self._errors("check"), self._lock:
            return self._db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    def _prepare(self) -> None:
        """Check the schema version, switch to WAL and run the migrations this log lacks."""
        # FULL syncs the WAL on every commit: a power cut loses no committed result.
        self._db.execute("PRAGMA synchronous = FULL")
        if self._checked_version() == SCHEMA_VERSION:
            return  # the common case takes no write lock, so a read-only log still opens
        if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._db.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as db:
            version = self._checked_version()  # another process may have migrated meanwhile
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_read_only(self) -> None:
        """What `_prepare` checks, without writing: a read-only log is never migrated.

        An older log is read as it is (`select_results`), so a log on a CD written by an older
        PneumoScreen still exports: it holds no reviews, and the model decided every result.
        """
        # 0: created but never set up (no table, as `_checked_version` makes sure): no results yet
        self._version = self._checked_version()

    def _checked_version(self) -> int:
        """The log's schema version; a log from a newer PneumoScreen is refused, not misread,
        and one whose version mark is damaged is left as it is, not set up a second time."""
        # One statement, so one snapshot: read apart, another process creating the log could
        # commit between the two reads, and a new log would look like a version 0 with results.
        version, has_results_table = self._db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'results')"
        ).fetchone()
        if version > SCHEMA_VERSION:
            raise ResultLogError(
                f"The result log {self.path} was written by a newer PneumoScreen (schema "
                f"version {version}; this version reads up to {SCHEMA_VERSION}). Update "
                "PneumoScreen, or set PNEUMOSCREEN_HOME to use another data folder."
            )
        if version < 0 or (version == 0 and has_results_table):
            raise ResultLogError(
                f"The result log {self.path} holds results, but its version mark is damaged "
                f"(it reads {version}), so PneumoScreen cannot tell how to read it safely. The "
                f"file has not been changed. Move it, and any files beside it whose names start "
                f"with {self.path.name}, to another folder (keep them: they hold your results); "
                "PneumoScreen will then start a new, empty log."
            )
        return version

    def _refuse_if_read_only(self, what: str) -> None:
        """Raise a plain `ResultLogError` before any write to a log open for reading only, which
        says that `what` (the result, review or details being saved) cannot be saved. SQLite's
        own error would blame the media, or for a log not created yet say "no such table"."""
        if self.read_only:
            raise ResultLogError(
                f"The result log {self.path} is open for reading only, so {what} cannot be saved. "
                "Open PneumoScreen where the log can be written to."
            )

    def _query(self, sql: str, params: tuple[object, ...]) -> list[ScreeningResult]:
        if self._version == 0:
            return []
        with self._errors("read"), self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [result_from_row(row) for row in rows]

    def _reviews(self, sql: str, params: tuple[object, ...]) -> list[Review]:
        if self._version < REVIEWS_VERSION:
            return []  # an older log opened read-only has no reviews table (version 0: no tables)
        with self._errors("read"), self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [review_from_row(row) for row in rows]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction: BEGIN IMMEDIATE takes the write lock up front, so a busy
        log is waited for (busy timeout) instead of failing when a read turns into a write."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _errors(self, verb: str) -> Iterator[None]:
        """Turn SQLite's and the file system's errors into a ResultLogError a user can read."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise ResultLogError(plain_log_problem(verb, self.path, exc)) from exc


def _retry_while_busy(action: Callable[[], None]) -> None:
    """Run `action`, retrying while another process holds the lock, up to the busy timeout.

    Needed when opening: switching a new log to WAL takes an exclusive lock for which SQLite
    does not call its busy handler, so two processes creating the log at once would otherwise
    see "database is locked" at once.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            busy = sqlite_code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _create_private_file(path: Path) -> None:
    """Create the log file with mode 0600 before SQLite does (SQLite would use 0644).

    An existing log is never opened here: closing any descriptor of a file drops every POSIX
    lock this process holds on it, so opening and closing the log while another connection of
    this process has it open (the window's, say) would silently release that connection's locks,
    and other processes would then delete or reset the WAL under it ("disk I/O error").
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    if sys.platform != "win32":
        os.chmod(path, 0o600)  # a log made by an older version, or under a loose umask


def open_result_log(read_only: bool = False) -> ResultLog:
    """The app's result log in the data folder (`core.paths.result_log_path`).

    `read_only` is for exporting and viewing: it writes nothing, so it works on read-only media,
    and a log that does not exist yet reads as empty.
    """
    return ResultLog(result_log_path(), read_only=read_only)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes: "mode=ro", or "immutable=1" where SQLite could not even
    create the WAL's shared-memory file (a log on a CD, a locked USB stick, a read-only share).

    Immutable is safe there: nobody can change a file on media that cannot be written.
    """
    folder = path.parent
    if any(place.is_file() for place in (folder, *folder.parents)):
        raise ResultLogError(folder_problem(folder, FileExistsError(folder)))
    if not path.exists():  # nothing screened yet: an empty log, and nothing is created
        return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    uri = path.absolute().as_uri()
    try:
        return _connect_and_read(uri + "?mode=ro")
    except sqlite3.OperationalError as exc:
        if sqlite_code(exc) not in _NEEDS_IMMUTABLE:
            raise
    return _connect_and_read(uri + "?mode=ro&immutable=1")


def _connect_and_read(uri: str) -> sqlite3.Connection:
    """A connection to `uri` that has read the schema, so a failure to open shows here."""
    db = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        db.close()
        raise
    return db


#: What opening a WAL log with mode=ro answers when its -shm file cannot be created.
_NEEDS_IMMUTABLE = (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
