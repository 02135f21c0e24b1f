"""The result log's SQLite schema: its migrations, in order, and the column lists its queries use.

Kept apart from `core.result_log` (how the log is opened, written and read) so the schema's
history reads in one place. Migration N takes a log from `PRAGMA user_version` N to N + 1.
"""

from __future__ import annotations

from core.legacy_reason_codes import LEGACY_REASON_CODE_SQL

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
    (  # 4: the reason's stable code (issue 18); older rows get it from their sentence
        # No CHECK of the values: a newer PneumoScreen may add codes without a new schema, and
        # an older one reads a code it does not know as 'unknown' (`core.reason_codes`).
        "ALTER TABLE results ADD COLUMN reason_code TEXT",
        f"UPDATE results SET reason_code = {LEGACY_REASON_CODE_SQL}",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

#: The first schema version with reviews and `threshold_source`.
REVIEWS_VERSION = 2
#: The first schema version with the patient's name, sex, age, birth date and age warning.
PATIENT_VERSION = 3
#: The first schema version with `reason_code`.
REASON_CODE_VERSION = 4

#: The patient columns, and what a read-only log older than `PATIENT_VERSION` reads instead.
PATIENT_COLUMNS = (
    ("patient_name", "NULL"),
    ("patient_sex", "NULL"),
    ("patient_age_years", "NULL"),
    ("patient_birth_date", "NULL"),
    ("age_warning", "''"),
)

# Column order shared by the insert's values and `result_from_row`.
COLUMNS = (
    "file, sha256, status, score, label, reason, threshold, model_version, screened_at, "
    "patient_id, study_date, study_instance_uid, series_instance_uid, sop_instance_uid, "
    "heatmap, heatmap_rows, heatmap_cols, threshold_source, "
    + ", ".join(name for name, _ in PATIENT_COLUMNS)
    + ", reason_code"
)
INSERT = (
    f"INSERT INTO results ({COLUMNS}, screened_at_utc) "
    f"VALUES ({', '.join('?' * (len(COLUMNS.split(',')) + 1))})"
)
REVIEW_COLUMNS = "id, result_id, decision, reviewer, reviewed_at, note"
INSERT_REVIEW = (
    "INSERT INTO reviews (result_id, decision, reviewer, reviewed_at, reviewed_at_utc, note) "
    "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM results WHERE id = ?)"
)


def select_results(version: int) -> str:
    """The results query for a log at schema `version` (an older one is only ever read-only)."""
    columns = COLUMNS
    if version < REVIEWS_VERSION:  # every result of an older log was decided by the model's
        columns = columns.replace("threshold_source", "'model' AS threshold_source")
    if version < PATIENT_VERSION:  # an older log knows the patient's ID only
        for name, missing in PATIENT_COLUMNS:
            columns = columns.replace(f", {name}", f", {missing} AS {name}")
    if version < REASON_CODE_VERSION:  # the code told from the sentence, as migration 4 does
        columns = columns.replace(", reason_code", f", {LEGACY_REASON_CODE_SQL} AS reason_code")
    return f"SELECT id, {columns} FROM results"
