"""The clinician's decision on a result, recorded beside the model's.

A review is a fact about a moment: who decided what, when, about which logged result. It is never
changed or deleted; a correction is a newer review of the same result (`core.result_log` keeps
them all), so who decided what and when can always be shown.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from core.result import Label, ScreeningResult, Status


class ReviewDecision(enum.StrEnum):
    """What the reviewing clinician decided; the values are the CSV's `review_decision` column."""

    PNEUMONIA = "pneumonia_confirmed"
    NO_PNEUMONIA = "no_pneumonia"
    OTHER_FINDING = "other_finding"
    NOT_ASSESSABLE = "not_assessable"


#: The truth a decision gives for measuring the model: pneumonia or not; None when the review
#: says neither (another finding, or the film cannot be judged), so it is left out of the figures.
TRUTH: dict[ReviewDecision, bool | None] = {
    ReviewDecision.PNEUMONIA: True,
    ReviewDecision.NO_PNEUMONIA: False,
    ReviewDecision.OTHER_FINDING: None,
    ReviewDecision.NOT_ASSESSABLE: None,
}


@dataclass(frozen=True)
class Review:
    """One clinician's decision on the logged result `result_id`.

    `reviewer` is one line of text, stripped, never empty (the name typed in the window, or
    `calibrate` for the command line); `reviewed_at` is timezone-aware, like `screened_at`.
    `id` is the log's row id, set once the review is logged.
    """

    result_id: int
    decision: ReviewDecision
    reviewer: str
    reviewed_at: datetime
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "decision", ReviewDecision(self.decision))
        # One line: a name with a line break in it would break the table and the CSV cell.
        reviewer = " ".join(str(self.reviewer).split())
        if not reviewer:
            raise ValueError(
                f"A review needs the reviewer's name. Received: reviewer={self.reviewer!r}"
            )
        object.__setattr__(self, "reviewer", reviewer)
        object.__setattr__(self, "note", str(self.note).strip())
        if self.reviewed_at.tzinfo is None or self.reviewed_at.utcoffset() is None:
            raise ValueError(
                f"reviewed_at must be timezone-aware. Received: {self.reviewed_at.isoformat()}"
            )

    @property
    def truth(self) -> bool | None:
        """Whether the reviewer found pneumonia; None for another finding or not assessable."""
        return TRUTH[self.decision]


def disagrees(result: ScreeningResult, review: Review) -> bool:
    """Whether the reviewer contradicts the model: an ok result labelled PNEUMONIA reviewed as no
    pneumonia, or one labelled NORMAL reviewed as pneumonia confirmed.

    Another finding or "not assessable" neither agrees nor disagrees on pneumonia, and a rejected
    or unreadable file has no label to disagree with.
    """
    if result.status is not Status.OK or review.truth is None:
        return False
    return (result.label is Label.PNEUMONIA) != review.truth
