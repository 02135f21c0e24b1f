"""Logged results and reviews for the window's review tests, made without running the model.

The results point at real sample films (so the detail pane has an image to show) and carry the
shipped model's release version and threshold, so the window treats them as its own; scores are
chosen by each test. Everything goes through the real `ResultLog` in the test's data folder.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from core.reason_codes import ReasonCode
from core.result import Label, ScreeningResult, Status
from core.result_log import open_result_log
from core.review import Review, ReviewDecision
from desktop.threshold_state import model_identity

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "samples"
EAT = timezone(timedelta(hours=3))  # a clinic in East Africa
T0 = datetime(2026, 11, 20, 9, 30, tzinfo=EAT)


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*/*.png"))


#: The reason and reason code of a result of each status (`core.reason_codes`). Both refusals
#: share one sentence, which the window's tests search for.
REASONS: dict[Status, tuple[str, ReasonCode | None]] = {
    Status.OK: ("", None),
    Status.REJECTED: ("The image is too small to judge.", ReasonCode.TOO_SMALL),
    Status.ERROR: ("The image is too small to judge.", ReasonCode.DAMAGED_DATA),
}


def make_result(index: int, score: float | None, status: Status = Status.OK) -> ScreeningResult:
    """Result number `index` (distinct file and sha256), screened a minute after the one before."""
    identity = model_identity()
    files = sample_files()
    label = None
    if status is Status.OK:
        label = Label.PNEUMONIA if score >= identity.threshold else Label.NORMAL
    return ScreeningResult(
        file=str(files[index % len(files)]),
        sha256=f"{index + 1:064x}",
        status=status,
        score=score,
        label=label,
        reason=REASONS[status][0],
        reason_code=REASONS[status][1],
        threshold=identity.threshold,
        model_version=identity.version,
        screened_at=T0 + timedelta(minutes=index),
    )


def log_results(results: Sequence[ScreeningResult]) -> list[ScreeningResult]:
    """Add `results` to the data folder's log (PNEUMOSCREEN_HOME set); returns them with ids."""
    with open_result_log() as log:
        return [log.add(result) for result in results]


def log_reviews(
    reviews: Sequence[tuple[ScreeningResult, ReviewDecision]], reviewer: str = "Dr Achieng"
) -> None:
    """One review per (logged result, decision), a minute apart."""
    with open_result_log() as log:
        for step, (result, decision) in enumerate(reviews):
            log.add_review(
                Review(
                    result_id=result.id,
                    decision=decision,
                    reviewer=reviewer,
                    reviewed_at=T0 + timedelta(hours=2, minutes=step),
                )
            )


def reviewed_set(
    pneumonia: Sequence[float], normal: Sequence[float], other: int = 0, not_assessable: int = 0
) -> list[ScreeningResult]:
    """Log films with these scores reviewed as pneumonia / no pneumonia, plus `other` and
    `not_assessable` films reviewed so (left out of the figures); returns the logged results."""
    scores = [*pneumonia, *normal, *([50.0] * other), *([50.0] * not_assessable)]
    decisions = [
        *[ReviewDecision.PNEUMONIA] * len(pneumonia),
        *[ReviewDecision.NO_PNEUMONIA] * len(normal),
        *[ReviewDecision.OTHER_FINDING] * other,
        *[ReviewDecision.NOT_ASSESSABLE] * not_assessable,
    ]
    results = log_results([make_result(i, score) for i, score in enumerate(scores)])
    log_reviews(list(zip(results, decisions, strict=True)))
    return results
