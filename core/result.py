"""The one record of a screening: what the engine produces, the log stores, the CSV exports and the
GUI shows.

One type for all four keeps them from drifting apart: a field added here reaches every consumer,
and the invariants of the Result CSV contract (score and label only when ok, a reason and its
code otherwise) are checked once, when the record is made, rather than by each writer.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from core.reason_codes import ERROR_CODES, REJECTION_CODES, ReasonCode


class Status(enum.StrEnum):
    """How a screening ended; the values are the CSV's `status` column."""

    OK = "ok"  # the model scored the image
    REJECTED = "rejected"  # a readable image that is not a usable frontal chest X-ray
    ERROR = "error"  # the file could not be read


class ThresholdSource(enum.StrEnum):
    """Where the threshold that decided a result came from; the values are the CSV's
    `threshold_source` column."""

    MODEL = "model"  # the model card's threshold
    SITE = "site"  # this clinic's site threshold (`core.site_profile`)


class Label(enum.StrEnum):
    """The model's decision; the values are the CSV's `label` column."""

    PNEUMONIA = "PNEUMONIA"
    NORMAL = "NORMAL"


def format_score(score: float) -> str:
    """A score as every screen and export shows it: one decimal ("87.3"), so they agree."""
    return f"{score:.1f}"


def label_for(score: float, threshold: float) -> Label:
    """The decision rule, in one place: PNEUMONIA exactly when score >= threshold."""
    return Label.PNEUMONIA if score >= threshold else Label.NORMAL


@dataclass(frozen=True)
class ScreeningResult:
    """One file screened once by one model version.

    `score` is on the 0-100 scale, as is `threshold`, the threshold in force when it was decided
    (the model card's, or the clinic's site threshold: `threshold_source` says which); `label` is
    PNEUMONIA exactly when score >= threshold. `heatmap` is a small float32 2-D
    class-activation map; it is left out of equality because it is derived from the same bytes
    and model as the score, and arrays do not compare as booleans. `reason_code` is the stable
    code of `reason` (`core.reason_codes`): None when ok, one of the status's codes otherwise
    (or `unknown`, for a result logged before codes whose reason matches no known one).
    """

    file: str
    sha256: str
    status: Status
    score: float | None
    label: Label | None
    reason: str
    threshold: float | None
    model_version: str
    screened_at: datetime
    patient_id: str | None = None
    study_date: str | None = None
    study_instance_uid: str | None = None
    series_instance_uid: str | None = None
    sop_instance_uid: str | None = None
    threshold_source: ThresholdSource = ThresholdSource.MODEL
    patient_name: str | None = None
    patient_sex: str | None = None  # "F", "M", "O" or None
    patient_age_years: float | None = None  # at the study (`core.patient.age_years`)
    patient_birth_date: str | None = None  # ISO YYYY-MM-DD
    age_warning: str = ""  # a plain sentence when the age is outside the model's validated ages
    reason_code: ReasonCode | None = None
    heatmap: np.ndarray | None = field(default=None, compare=False, repr=False)
    id: int | None = None

    def __post_init__(self) -> None:
        # Accept the plain strings a database or a caller may hand over, store the enums.
        object.__setattr__(self, "status", Status(self.status))
        object.__setattr__(self, "threshold_source", ThresholdSource(self.threshold_source))
        if self.label is not None:
            object.__setattr__(self, "label", Label(self.label))
        if self.reason_code is not None:
            object.__setattr__(self, "reason_code", ReasonCode(self.reason_code))
        if self.screened_at.tzinfo is None or self.screened_at.utcoffset() is None:
            raise ValueError(
                f"screened_at must be timezone-aware. Received: {self.screened_at.isoformat()}"
            )
        if self.status is Status.OK:
            self._check_ok()
        else:
            self._check_not_ok()
        if self.heatmap is not None:
            # A read-only float32 copy: the log stores float32, so a round trip is exact, and
            # the GUI and the log can share the array without one changing it under the other.
            heatmap = np.array(self.heatmap, dtype=np.float32)
            if heatmap.ndim != 2:
                raise ValueError(f"heatmap must be 2-D. Received: shape={heatmap.shape}")
            heatmap.setflags(write=False)
            object.__setattr__(self, "heatmap", heatmap)

    def _check_ok(self) -> None:
        if self.score is None or self.label is None:
            raise ValueError(
                "An ok result needs a score and a label. "
                f"Received: score={self.score!r}, label={self.label!r} for {self.file}"
            )
        if not (math.isfinite(self.score) and 0.0 <= self.score <= 100.0):
            raise ValueError(f"score must lie in 0-100. Received: {self.score!r} for {self.file}")
        if self.reason or self.reason_code is not None:
            raise ValueError(
                "An ok result has no reason. "
                f"Received: reason={self.reason!r}, reason_code={self.reason_code!r}"
            )
        if self.threshold is not None:
            expected = label_for(self.score, self.threshold)
            if self.label is not expected:
                raise ValueError(
                    f"label must be {expected} for score {self.score} and threshold "
                    f"{self.threshold}. Received: {self.label}"
                )

    def _check_not_ok(self) -> None:
        if not self.reason:
            raise ValueError(
                f"A {self.status} result needs a reason the user can read. "
                f"Received: reason={self.reason!r} for {self.file}"
            )
        if self.score is not None or self.label is not None:
            raise ValueError(
                f"Only an ok result has a score and a label. Received: status={self.status}, "
                f"score={self.score!r}, label={self.label!r} for {self.file}"
            )
        allowed = REJECTION_CODES if self.status is Status.REJECTED else ERROR_CODES
        if self.reason_code is not ReasonCode.UNKNOWN and self.reason_code not in allowed:
            raise ValueError(
                f"A {self.status} result needs the code of its reason, one of "
                f"{', '.join(sorted(allowed))} (core.reason_codes). "
                f"Received: reason_code={self.reason_code!r} for {self.file}"
            )
