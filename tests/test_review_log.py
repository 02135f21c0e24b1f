"""The clinician's reviews live in the result log, append-only, and older logs upgrade in place."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from core.errors import ResultLogError
from core.log_schema import MIGRATIONS, SCHEMA_VERSION
from core.result import Label, Status, ThresholdSource
from core.result_log import ResultLog
from core.review import Review, ReviewDecision, disagrees
from tests.test_result_log import WHEN, error_result, ok_result

#: The schema PneumoScreen wrote before reviews existed (user_version 1), word for word, so this
#: test keeps proving that such a log upgrades even if someone edits the shipped migration by
#: mistake.
SCHEMA_1 = (
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
        screened_at TEXT NOT NULL,
        screened_at_utc TEXT NOT NULL,
        patient_id TEXT,
        study_date TEXT,
        study_instance_uid TEXT,
        series_instance_uid TEXT,
        sop_instance_uid TEXT,
        heatmap BLOB,
        heatmap_rows INTEGER,
        heatmap_cols INTEGER
    )""",
    "CREATE INDEX results_by_sha256 ON results (sha256, model_version)",
    "CREATE INDEX results_by_screened_at ON results (screened_at)",
)


def write_version_1_log(path: Path) -> None:
    """A log as PneumoScreen 1.x left it: two results (one ok, one error), user_version 1."""
    db = sqlite3.connect(path)
    for statement in SCHEMA_1:
        db.execute(statement)
    rows = [
        ("/clinic/a.png", "ab" * 32, "ok", 87.3, "PNEUMONIA", "", 42.0, "P-17"),
        ("/clinic/b.png", "cd" * 32, "error", None, None, "b.png could not be read.", 42.0, None),
    ]
    for file, sha, status, score, label, reason, threshold, patient in rows:
        db.execute(
            "INSERT INTO results (file, sha256, status, score, label, reason, threshold, "
            "model_version, screened_at, screened_at_utc, patient_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '1.1.0+0a1b2c3d', ?, ?, ?)",
            (file, sha, status, score, label, reason, threshold, WHEN.isoformat(), "x", patient),
        )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def review_of(result_id: int, decision: ReviewDecision, minutes: int = 0, **changes) -> Review:
    fields = {"reviewer": "Dr Achieng", "reviewed_at": WHEN + timedelta(minutes=minutes)}
    return Review(result_id=result_id, decision=decision, **(fields | changes))


@pytest.fixture
def log(tmp_path):
    with ResultLog(tmp_path / "results.sqlite3") as log:
        yield log


def test_a_review_is_stored_beside_its_result_and_read_back_whole(log):
    result = log.add(ok_result())
    saved = log.add_review(
        review_of(result.id, ReviewDecision.NO_PNEUMONIA, note="Old scar; no consolidation.")
    )
    assert saved.id is not None
    assert log.review_history(result.id) == [saved]
    assert saved.reviewed_at == WHEN and saved.reviewed_at.utcoffset() == timedelta(hours=3)
    assert log.latest_reviews() == {result.id: saved}


def test_a_correction_adds_a_review_and_the_first_one_is_kept(log):
    result = log.add(ok_result())
    first = log.add_review(review_of(result.id, ReviewDecision.NO_PNEUMONIA))
    correction = log.add_review(
        review_of(result.id, ReviewDecision.PNEUMONIA, minutes=5, reviewer="Dr Otieno")
    )
    assert log.review_history(result.id) == [first, correction]
    assert log.latest_reviews()[result.id] == correction


def test_the_latest_review_is_the_one_added_last_even_if_its_clock_says_earlier(log):
    result = log.add(ok_result())
    log.add_review(review_of(result.id, ReviewDecision.NO_PNEUMONIA, minutes=60))
    later = log.add_review(review_of(result.id, ReviewDecision.PNEUMONIA, minutes=0))
    assert log.latest_reviews()[result.id] == later


def test_reviews_cannot_be_changed_or_deleted_even_with_sql(log):
    result = log.add(ok_result())
    log.add_review(review_of(result.id, ReviewDecision.NO_PNEUMONIA))
    db = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE reviews SET decision = 'pneumonia_confirmed'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM reviews")
    db.close()
    assert len(log.review_history(result.id)) == 1


def test_reviewing_a_result_that_is_not_in_the_log_is_a_plain_error(log):
    with pytest.raises(ResultLogError, match="There is no result 42 in the result log"):
        log.add_review(review_of(42, ReviewDecision.PNEUMONIA))


def test_reviews_of_several_results_map_each_result_to_its_own_latest(log):
    a, b, c = (log.add(ok_result(f"{n}.png", sha256=n * 64)) for n in "abc")
    log.add_review(review_of(a.id, ReviewDecision.PNEUMONIA))
    latest_b = log.add_review(review_of(b.id, ReviewDecision.NOT_ASSESSABLE))
    latest_a = log.add_review(review_of(a.id, ReviewDecision.OTHER_FINDING))
    assert log.latest_reviews() == {a.id: latest_a, b.id: latest_b}
    assert log.review_history(c.id) == []


def test_a_log_written_before_reviews_existed_upgrades_in_place_with_its_rows_intact(tmp_path):
    path = tmp_path / "results.sqlite3"
    write_version_1_log(path)
    with ResultLog(path) as log:
        ok, error = log.results()
        assert (ok.file, ok.score, ok.label, ok.patient_id) == (
            "/clinic/a.png",
            87.3,
            "PNEUMONIA",
            "P-17",
        )
        assert (error.status, error.reason) == (Status.ERROR, "b.png could not be read.")
        assert ok.threshold == 42.0 and ok.threshold_source is ThresholdSource.MODEL
        assert error.threshold_source is ThresholdSource.MODEL
        assert log.latest_reviews() == {}
        review = log.add_review(review_of(ok.id, ReviewDecision.PNEUMONIA))
        assert log.review_history(ok.id) == [review]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_a_log_written_before_reviews_existed_still_exports_read_only_unchanged(tmp_path):
    path = tmp_path / "results.sqlite3"
    write_version_1_log(path)
    before = path.read_bytes()
    with ResultLog(path, read_only=True) as log:
        assert [r.file for r in log.results()] == ["/clinic/a.png", "/clinic/b.png"]
        assert all(r.threshold_source is ThresholdSource.MODEL for r in log.results())
        assert log.latest_reviews() == {} and log.review_history(1) == []
        with pytest.raises(ResultLogError, match="open for reading only"):
            log.add_review(review_of(1, ReviewDecision.PNEUMONIA))
    assert path.read_bytes() == before


def test_the_threshold_source_of_a_result_is_logged(log):
    site = log.add(ok_result(threshold=90.0, label=Label.NORMAL, threshold_source="site"))
    assert log.results(ids=[site.id])[0].threshold_source is ThresholdSource.SITE


def test_a_reviewer_name_is_one_line_and_cannot_be_empty():
    assert (
        review_of(1, ReviewDecision.PNEUMONIA, reviewer="  Dr\n Achieng ").reviewer == "Dr Achieng"
    )
    with pytest.raises(ValueError, match="reviewer's name"):
        review_of(1, ReviewDecision.PNEUMONIA, reviewer=" \t ")
    with pytest.raises(ValueError, match="timezone-aware"):
        review_of(1, ReviewDecision.PNEUMONIA, reviewed_at=WHEN.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("label", "decision", "expected"),
    [
        (Label.PNEUMONIA, ReviewDecision.NO_PNEUMONIA, True),
        (Label.NORMAL, ReviewDecision.PNEUMONIA, True),
        (Label.PNEUMONIA, ReviewDecision.PNEUMONIA, False),
        (Label.NORMAL, ReviewDecision.NO_PNEUMONIA, False),
        (Label.PNEUMONIA, ReviewDecision.OTHER_FINDING, False),
        (Label.NORMAL, ReviewDecision.NOT_ASSESSABLE, False),
    ],
)
def test_the_reviewer_disagrees_only_when_the_decisions_on_pneumonia_differ(
    label, decision, expected
):
    score = 87.3 if label is Label.PNEUMONIA else 10.0
    result = ok_result(score=score, label=label)
    assert disagrees(result, review_of(1, decision)) is expected


def test_a_file_that_was_not_scored_has_no_label_to_disagree_with():
    assert not disagrees(error_result(), review_of(1, ReviewDecision.PNEUMONIA))


def test_the_first_migration_is_still_the_schema_that_shipped():
    """Migrations are append-only: the logs in clinics were made by this SQL."""

    def words(sql: str) -> str:
        return " ".join(re.sub(r"--[^\n]*", "", sql).split())

    assert [words(s) for s in MIGRATIONS[0]] == [words(s) for s in SCHEMA_1]
