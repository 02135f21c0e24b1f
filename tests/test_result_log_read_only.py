"""A log opened for reading only refuses every write with one plain error that names the log and
what could not be saved, and is left exactly as it was: a log on a CD is exported, never changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from core.errors import ResultLogError
from core.patient import PatientDetails
from core.result_log import ResultLog, open_result_log
from core.review import Review, ReviewDecision
from tests.test_result_log import WHEN, ok_result

#: Each write a reader might try, and the words its refusal uses for what was not saved.
WRITES: dict[str, tuple[Callable[[ResultLog], object], str]] = {
    "add": (
        lambda log: log.add(ok_result("b.png", sha256="cd" * 32)),
        "the result of /clinic/xrays/b.png",
    ),
    "add_review": (
        lambda log: log.add_review(
            Review(
                result_id=1,
                decision=ReviewDecision.NO_PNEUMONIA,
                reviewer="Dr Achieng",
                reviewed_at=WHEN + timedelta(minutes=5),
            )
        ),
        "the review of result 1",
    ),
    "set_patient": (
        lambda log: log.set_patient(1, PatientDetails(patient_id="K-9", name="Amina Yusuf")),
        "the patient details of result 1",
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_each_write_to_a_log_open_for_reading_only_is_refused_and_changes_nothing(home, write):
    with open_result_log() as log:
        logged = log.add(ok_result())
        review = log.add_review(
            Review(
                result_id=logged.id,
                decision=ReviewDecision.PNEUMONIA,
                reviewer="Dr Achieng",
                reviewed_at=WHEN,
            )
        )
        path = log.path
    before = path.read_bytes()
    action, what = WRITES[write]

    with open_result_log(read_only=True) as reader:
        assert reader.path == path
        with pytest.raises(ResultLogError) as refused:
            action(reader)
        assert reader.results() == [logged] and reader.latest_reviews() == {logged.id: review}

    message = str(refused.value)
    assert f"The result log {path} is open for reading only, so {what} cannot be saved" in message
    assert refused.value.__cause__ is None  # refused before SQLite was asked to write
    assert path.read_bytes() == before


@pytest.mark.parametrize("write", WRITES)
def test_a_missing_log_opened_for_reading_only_refuses_writes_and_is_not_created(tmp_path, write):
    path = tmp_path / "results.sqlite3"
    action, what = WRITES[write]
    with ResultLog(path, read_only=True) as reader, pytest.raises(ResultLogError) as refused:
        action(reader)
    message = str(refused.value)
    assert f"The result log {path} is open for reading only, so {what} cannot be saved" in message
    assert not path.exists() and list(tmp_path.iterdir()) == []
