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

import numpy as np

from core.errors import ResultLogError
from core.paths import ensure_folder, result_log_path
from core.patient import PatientDetails
from core.plain_problems import folder_problem, plain_log_problem, sqlite_code
from core.result import ScreeningResult
from core.review import Review

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 30.0

#: Migration N (0-based) takes a log from user_version N to N + 1. Append only: never edit one
#: that has shipped. Statements, not scripts, because `executescript` would commit mid-migration.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE results (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'rejected', 'error')),
            score REAL,
            label TEXT CHECK (label IN ('PNEUMONIA', 'NORMAL')),
            reason TEXT NOT NULL,
            threshold REAL,
            model_version TEXT NOT NULL,
            screened_at TEXT NOT NULL,      -- ISO 8601 with the offset it was screened in
            screened_at_utc TEXT NOT NULL,  -- the same instant in UTC, fixed width: sorts as time
            patient_id TEXT,
            study_date TEXT,
            study_instance_uid TEXT,
            series_instance_uid TEXT,
            sop_instance_uid TEXT,
            heatmap BLOB,                   -- little-endian float32, row-major
            heatmap_rows INTEGER,
            heatmap_cols INTEGER
        )""",
        "CREATE INDEX results_by_sha256 ON results (sha256, model_version)",
        "CREATE INDEX results_by_screened_at ON results (screened_at)",
    ),
    (  # 2: the threshold's source, and the clinicians' reviews (issue 16)
        """ALTER TABLE results ADD COLUMN threshold_source TEXT NOT NULL DEFAULT 'model'
            CHECK (threshold_source IN ('model', 'site'))""",
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            result_id INTEGER NOT NULL REFERENCES results (id),
            decision TEXT NOT NULL CHECK (decision IN
                ('pneumonia_confirmed', 'no_pneumonia', 'other_finding', 'not_assessable')),
            reviewer TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,      -- ISO 8601 with the offset it was reviewed in
            reviewed_at_utc TEXT NOT NULL,  -- the same instant in UTC
            note TEXT NOT NULL
        )""",
        "CREATE INDEX reviews_by_result ON reviews (result_id, id)",
        """CREATE TRIGGER reviews_are_never_changed BEFORE UPDATE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only: add a newer review'); END""",
        """CREATE TRIGGER reviews_are_never_deleted BEFORE DELETE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only: add a newer review'); END""",
    ),
    (  # 3: the patient's name, sex, age and birth date, and the age warning (issue 17)
        "ALTER TABLE results ADD COLUMN patient_name TEXT",
        "ALTER TABLE results ADD COLUMN patient_sex TEXT CHECK (patient_sex IN ('F', 'M', 'O'))",
        "ALTER TABLE results ADD COLUMN patient_age_years REAL",
        "ALTER TABLE results ADD COLUMN patient_birth_date TEXT",  # ISO YYYY-MM-DD
        "ALTER TABLE results ADD COLUMN age_warning TEXT NOT NULL DEFAULT ''",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

#: The first schema version with reviews and `threshold_source`.
REVIEWS_VERSION = 2
#: The first schema version with the patient's name, sex, age, birth date and age warning.
PATIENT_VERSION = 3

#: The patient columns, and what a read-only log older than `PATIENT_VERSION` reads instead.
_PATIENT_COLUMNS = (
    ("patient_name", "NULL"),
    ("patient_sex", "NULL"),
    ("patient_age_years", "NULL"),
    ("patient_birth_date", "NULL"),
    ("age_warning", "''"),
)

# Column order shared by the insert's values and `_from_row`.
_COLUMNS = (
    "file, sha256, status, score, label, reason, threshold, model_version, screened_at, "
    "patient_id, study_date, study_instance_uid, series_instance_uid, sop_instance_uid, "
    "heatmap, heatmap_rows, heatmap_cols, threshold_source, "
    + ", ".join(name for name, _ in _PATIENT_COLUMNS)
)
_INSERT = (
    f"INSERT INTO results ({_COLUMNS}, screened_at_utc) "
    f"VALUES ({', '.join('?' * (len(_COLUMNS.split(',')) + 1))})"
)
_REVIEW_COLUMNS = "id, result_id, decision, reviewer, reviewed_at, note"
_INSERT_REVIEW = (
    "INSERT INTO reviews (result_id, decision, reviewer, reviewed_at, reviewed_at_utc, note) "
    "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM results WHERE id = ?)"
)


def _select(version: int) -> str:
    """The results query for a log at schema `version` (an older one is only ever read-only)."""
    columns = _COLUMNS
    if version < REVIEWS_VERSION:  # every result of an older log was decided by the model's
        columns = columns.replace("threshold_source", "'model' AS threshold_source")
    if version < PATIENT_VERSION:  # an older log knows the patient's ID only
        for name, missing in _PATIENT_COLUMNS:
            columns = columns.replace(f", {name}", f", {missing} AS {name}")
    return f"SELECT id, {columns} FROM results"


class ResultLog:
    """The result log at `path`, opened (and created or upgraded) on construction.

    Safe to share between threads (calls are serialised by a lock) and between processes (SQLite
    locking). Every method raises `ResultLogError` when SQLite fails, with a sentence that says
    what went wrong and what to do (`core.plain_problems`).

    `read_only=True` opens without writing anything (no folder, file, migration or WAL switch):
    for exporting and viewing a log on read-only media. `add` then fails.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.Lock()
        self._has_results = True
        self._version = SCHEMA_VERSION  # what a read-only log holds may be older
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
        heatmap = result.heatmap
        blob = None if heatmap is None else heatmap.astype("<f4").tobytes()
        rows, cols = (None, None) if heatmap is None else heatmap.shape
        values = (
            _storable(result.file),
            result.sha256,
            str(result.status),
            result.score,
            None if result.label is None else str(result.label),
            _storable(result.reason),
            result.threshold,
            result.model_version,
            _timestamp(result.screened_at),
            _storable(result.patient_id),
            _storable(result.study_date),
            _storable(result.study_instance_uid),
            _storable(result.series_instance_uid),
            _storable(result.sop_instance_uid),
            blob,
            rows,
            cols,
            str(result.threshold_source),
            _storable(result.patient_name),
            result.patient_sex,
            result.patient_age_years,
            result.patient_birth_date,
            _storable(result.age_warning),
            _timestamp(result.screened_at.astimezone(UTC)),
        )
        with self._errors("write to"), self._transaction() as db:
            row_id = db.execute(_INSERT, values).lastrowid
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
            f"{_select(self._version)} WHERE sha256 = ? AND model_version = ? "
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
        sql = _select(self._version) + (" WHERE " + " AND ".join(where) if where else "")
        return self._query(sql + " ORDER BY screened_at_utc, id", tuple(params))

    def add_review(self, review: Review) -> Review:
        """Log `review` (a new row: earlier reviews of the result stay) and return it with its id.

        Raises:
            ResultLogError: the log holds no result `review.result_id`, or cannot be written.
        """
        if review.id is not None:
            raise ValueError(f"This review is already logged. Received: id={review.id}")
        if self.read_only:
            raise ResultLogError(
                f"The result log {self.path} is open for reading only, so the review of result "
                f"{review.result_id} cannot be saved. Open PneumoScreen where the log can be "
                "written to."
            )
        values = (
            review.result_id,
            str(review.decision),
            _storable(review.reviewer),
            _timestamp(review.reviewed_at),
            _timestamp(review.reviewed_at.astimezone(UTC)),
            _storable(review.note),
            review.result_id,
        )
        with self._errors("write to"), self._transaction() as db:
            cursor = db.execute(_INSERT_REVIEW, values)
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
        if self.read_only:
            raise ResultLogError(
                f"The result log {self.path} is open for reading only, so the patient details of "
                f"result {result_id} cannot be saved. Open PneumoScreen where the log can be "
                "written to."
            )
        values = (
            _storable(details.patient_id),
            _storable(details.name),
            details.sex,
            details.age_years,
            _storable(age_warning),
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
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE result_id = ? ORDER BY id",
            (int(result_id),),
        )

    def latest_reviews(self) -> dict[int, Review]:
        """result id -> its latest review (the one added last), for every reviewed result."""
        reviews = self._reviews(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id IN "
            "(SELECT max(id) FROM reviews GROUP BY result_id) ORDER BY id",
            (),
        )
        return {review.result_id: review for review in reviews}

    def count(self) -> int:
        """How many results the log holds."""
        if not self._has_results:
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

        An older log is read as it is (`_select`), so a log on a CD written by an older
        PneumoScreen still exports: it holds no reviews, and the model decided every result.
        """
        version = self._checked_version()
        self._version = version
        if version == 0:  # created but never set up (no table, as checked): no results yet
            self._has_results = False

    def _checked_version(self) -> int:
        """The log's schema version; a log from a newer PneumoScreen is refused, not misread,
        and one whose version mark is damaged is left as it is, not set up a second time."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ResultLogError(
                f"The result log {self.path} was written by a newer PneumoScreen (schema "
                f"version {version}; this version reads up to {SCHEMA_VERSION}). Update "
                "PneumoScreen, or set PNEUMOSCREEN_HOME to use another data folder."
            )
        if version < 0 or (version == 0 and self._holds_a_results_table()):
            raise ResultLogError(
                f"The result log {self.path} holds results, but its version mark is damaged "
                f"(it reads {version}), so PneumoScreen cannot tell how to read it safely. The "
                f"file has not been changed. Move it, and any files beside it whose names start "
                f"with {self.path.name}, to another folder (keep them: they hold your results); "
                "PneumoScreen will then start a new, empty log."
            )
        return version

    def _holds_a_results_table(self) -> bool:
        found = self._db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'results'"
        ).fetchone()[0]
        return bool(found)

    def _query(self, sql: str, params: tuple[object, ...]) -> list[ScreeningResult]:
        if not self._has_results:
            return []
        with self._errors("read"), self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [_from_row(row) for row in rows]

    def _reviews(self, sql: str, params: tuple[object, ...]) -> list[Review]:
        if not self._has_results or self._version < REVIEWS_VERSION:
            return []  # an older log opened read-only has no reviews table
        with self._errors("read"), self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [_review_from_row(row) for row in rows]

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


def _timestamp(moment: datetime) -> str:
    """ISO 8601 with microseconds always present, so equal-offset stamps sort as text."""
    return moment.isoformat(timespec="microseconds")


def _storable(text: str | None) -> str | bytes | None:
    """`text` as SQLite can store it: a str that cannot be UTF-8 encoded becomes a blob.

    On Linux a file name may be any bytes; Python keeps those that are not UTF-8 as lone
    surrogates ("scan-\udcff.png"), which SQLite refuses as text. Such a value (the path, and a
    reason that names the file) is stored as its "surrogatepass" bytes, which `_readable` turns
    back into the very same str, so the file can still be found and shown after a restart.
    """
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")
    return text


def _readable(value: str | bytes | None) -> str | None:
    """The str that `_storable` stored."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogatepass")
    return value


def _from_row(row: tuple) -> ScreeningResult:
    (row_id, file, sha256, status, score, label, reason, threshold, model_version, screened_at,
     patient_id, study_date, study_uid, series_uid, sop_uid, blob, rows, cols,
     threshold_source, name, sex, age, birth_date, age_warning) = row  # fmt: skip
    heatmap = None
    if blob is not None:
        heatmap = np.frombuffer(blob, dtype="<f4").reshape(rows, cols)
    return ScreeningResult(
        file=_readable(file),
        sha256=sha256,
        status=status,
        score=score,
        label=label,
        reason=_readable(reason),
        threshold=threshold,
        model_version=model_version,
        screened_at=datetime.fromisoformat(screened_at),
        patient_id=_readable(patient_id),
        study_date=_readable(study_date),
        study_instance_uid=_readable(study_uid),
        series_instance_uid=_readable(series_uid),
        sop_instance_uid=_readable(sop_uid),
        threshold_source=threshold_source,
        patient_name=_readable(name),
        patient_sex=sex,
        patient_age_years=age,
        patient_birth_date=birth_date,
        age_warning=_readable(age_warning) or "",
        heatmap=heatmap,
        id=row_id,
    )


def _review_from_row(row: tuple) -> Review:
    row_id, result_id, decision, reviewer, reviewed_at, note = row
    return Review(
        result_id=result_id,
        decision=decision,
        reviewer=_readable(reviewer),
        reviewed_at=datetime.fromisoformat(reviewed_at),
        note=_readable(note),
        id=row_id,
    )


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
