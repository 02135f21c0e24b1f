"""The threshold rule, once: the model card's and the clinic's thresholds are chosen the same way.

Screening puts sensitivity first: the threshold is the highest score that still calls at least the
target share of the pneumonia films positive, and then takes all the specificity that is left. It
is rounded down to one decimal, because scores are shown (and decided) with one decimal: rounding
down never calls fewer pneumonias than the fitted threshold does.

`training` fits the shipped threshold with this module (`training.release`), and the app proposes a
site threshold with it (`core.local_performance.propose_threshold`), so "the same rule" is one
function, not two kept in step by hand.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def highest_threshold_keeping_sensitivity(
    has_pneumonia: Any, scores: Any, min_sensitivity: float
) -> float:
    """The highest t such that calling score >= t positive keeps sensitivity >= min_sensitivity.

    Works on any scale (probabilities or 0-100 scores): t is always one of the pneumonia films'
    own scores, since raising t above it would lose that film. Ties: every film scoring exactly t
    is called positive, so tied pneumonias may lift sensitivity above the target, and tied
    normals are called positive too.

    Raises:
        ValueError: labels are not 0/1 (or bool), scores do not pair with them or are not
            finite, the target is outside (0, 1], or there is no pneumonia film.
    """
    truth = np.asarray(has_pneumonia)
    if truth.ndim != 1:
        raise ValueError(f"labels must be 1-D. Received shape: {truth.shape}")
    if not np.isin(truth, (0, 1)).all():
        raise ValueError(f"labels must be 0 or 1. Received: {np.unique(truth)[:10]}")
    truth = truth.astype(bool)
    values = np.asarray(scores, dtype=np.float64)
    if values.shape != truth.shape:
        raise ValueError(f"scores must match labels {truth.shape}. Received shape: {values.shape}")
    if not np.isfinite(values).all():
        raise ValueError("scores must be finite numbers. Received: NaN or infinity")
    if not 0 < min_sensitivity <= 1:
        raise ValueError(f"min_sensitivity must lie in (0, 1]. Received: {min_sensitivity}")
    n_pos = int(truth.sum())
    if n_pos == 0:
        raise ValueError("A threshold needs at least one pneumonia film. Received: 0")
    descending = np.sort(values[truth])[::-1]
    # At t = descending[k], at least k + 1 pneumonias are called; the same division as the
    # reported sensitivity (tp / (tp + fn)), so the comparison agrees with it to the last bit.
    reached = np.arange(1, n_pos + 1) / n_pos >= min_sensitivity
    return float(descending[np.argmax(reached)])


def shown_score(score: float) -> float:
    """A 0-100 score as the app shows and decides it: one decimal (`core.classifier`)."""
    return round(score, 1)


def round_down_to_tenth(score: float) -> float:
    """`score` rounded down to one decimal: 42.07 -> 42.0, 42.1 -> 42.1.

    The product with 10 is rounded to 6 decimals first, so a score that is a tenth in decimal
    but not in binary (42.1 * 10 = 421.00000000000006, 0.421 * 1000 = 420.99999999999994) is not
    pushed down a whole tenth by the float's last bit.
    """
    return math.floor(round(score * 10, 6)) / 10


def sensitivity_first_threshold(has_pneumonia: Any, scores: Any, min_sensitivity: float) -> float:
    """The model card's rule on 0-100 scores: the highest threshold keeping sensitivity >=
    `min_sensitivity`, rounded down to one decimal."""
    return round_down_to_tenth(
        highest_threshold_keeping_sensitivity(has_pneumonia, scores, min_sensitivity)
    )
