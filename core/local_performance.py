"""How the model does at this clinic, from films whose truth is known here, and the threshold the
clinic's own evidence proposes.

The truth is a clinician's review (`core.review`: "pneumonia confirmed" or "no pneumonia"), or the
folder a labelled film came from (`pneumoscreen calibrate`). The figures come with 95% confidence
intervals, because a clinic's evidence is small and a bare 0.95 from twenty films means little:

- Sensitivity and specificity: the Wilson score interval. Unlike the textbook normal ("Wald")
  interval it stays inside [0, 1], and it does not collapse to zero width at 0/n or n/n, which
  are common with small samples (Brown, Cai & DasGupta 2001 recommend it for small n).
- AUC: the Mann-Whitney estimate (ties count one half) with DeLong's variance (DeLong, DeLong &
  Clarke-Pearson 1988) and a normal interval, clipped to [0, 1]. DeLong's variance is computed
  from the data themselves (each film's share of the pairs it wins), so it holds for any score
  distribution and counts ties correctly; Hanley & McNeil's formula assumes the scores of both
  classes follow exponential distributions, which a calibrated, one-decimal score need not.
  With perfectly separated classes DeLong's variance is 0 and the interval is [AUC, AUC]: the
  evidence warning below, not the interval, is what says "too few films".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from core.errors import NotEnoughEvidence
from core.result import ScreeningResult, Status
from core.result_log import ResultLog
from core.review import Review, ReviewDecision
from core.threshold_rule import sensitivity_first_threshold

#: The evidence a site threshold needs, and below which the figures carry a warning: films of
#: each class (confirmed pneumonia, and no pneumonia).
MIN_REVIEWS_PER_CLASS = 20

#: The default target sensitivity of a site threshold (the model card's threshold aimed at 0.96
#: on its own test set, to leave a margin for new patients).
DEFAULT_TARGET_SENSITIVITY = 0.95

#: The normal quantile of a two-sided 95% interval.
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    """A figure and its 95% confidence interval [low, high]."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class LocalPerformance:
    """The model's figures on films whose truth is known here, at one threshold.

    `left_out` counts the reviewed films that say nothing about pneumonia (another finding, not
    assessable); `not_scored` counts reviewed files the model never scored (rejected or
    unreadable). Neither enters the figures. `roc` holds (false positive rate, true positive
    rate, threshold) points, from (0, 0) at threshold +inf to (1, 1) at the lowest score.
    """

    threshold: float
    n_pneumonia: int
    n_normal: int
    left_out: dict[ReviewDecision, int]
    true_positive: int
    false_negative: int
    true_negative: int
    false_positive: int
    sensitivity: Estimate | None
    specificity: Estimate | None
    auc: Estimate | None
    roc: list[tuple[float, float, float]]
    enough_evidence: bool
    warning: str
    not_scored: int = 0


@dataclass(frozen=True)
class ThresholdProposal:
    """A threshold and what it does on the evidence: the share of pneumonias it flags
    (sensitivity), of normals it clears (specificity), and of all films it flags.

    `target_sensitivity` is what the threshold was proposed for; None in a `trade_off` row.
    """

    threshold: float
    sensitivity: float
    specificity: float
    flagged_share: float
    n_pneumonia: int
    n_normal: int
    target_sensitivity: float | None


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of the proportion successes / total."""
    if total <= 0:
        raise ValueError(f"total must be positive. Received: {total}")
    p = successes / total
    z2 = z * z
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def auc_with_delong(pneumonia: np.ndarray, normal: np.ndarray, z: float = Z_95) -> Estimate:
    """AUC (the share of pneumonia-normal pairs the pneumonia film outscores, ties one half)
    with DeLong's 95% interval, clipped to [0, 1]."""
    normal_sorted = np.sort(normal)
    pneumonia_sorted = np.sort(pneumonia)
    # Each pneumonia film's wins over the normals (V10), each normal's losses to pneumonias (V01).
    below = np.searchsorted(normal_sorted, pneumonia, "left")
    tied = np.searchsorted(normal_sorted, pneumonia, "right") - below
    v10 = (below + 0.5 * tied) / normal.size
    above = pneumonia.size - np.searchsorted(pneumonia_sorted, normal, "right")
    tied = np.searchsorted(pneumonia_sorted, normal, "right") - np.searchsorted(
        pneumonia_sorted, normal, "left"
    )
    v01 = (above + 0.5 * tied) / pneumonia.size
    auc = float(v10.mean())
    if pneumonia.size < 2 or normal.size < 2:
        return Estimate(auc, 0.0, 1.0)  # no variance from one film: the interval says nothing
    variance = v10.var(ddof=1) / pneumonia.size + v01.var(ddof=1) / normal.size
    half = z * math.sqrt(variance)
    return Estimate(auc, max(0.0, auc - half), min(1.0, auc + half))


def roc_points(pneumonia: np.ndarray, normal: np.ndarray) -> list[tuple[float, float, float]]:
    """(false positive rate, true positive rate, threshold) for "positive when score >=
    threshold", thresholds descending; tied scores make one diagonal step."""
    scores = np.r_[pneumonia, normal]
    truth = np.r_[np.ones(pneumonia.size, bool), np.zeros(normal.size, bool)]
    order = np.argsort(-scores, kind="mergesort")
    ordered, ordered_truth = scores[order], truth[order]
    last = np.flatnonzero(np.r_[ordered[1:] != ordered[:-1], True])  # end of each tie run
    tps = np.cumsum(ordered_truth)[last]
    fps = (last + 1) - tps
    points = [(0.0, 0.0, math.inf)]
    for fp, tp, threshold in zip(fps, tps, ordered[last], strict=True):
        points.append((float(fp / normal.size), float(tp / pneumonia.size), float(threshold)))
    return points


def local_performance(
    pairs: Iterable[tuple[float, bool]],
    threshold: float,
    left_out: dict[ReviewDecision, int] | None = None,
    not_scored: int = 0,
) -> LocalPerformance:
    """The figures of (score, has pneumonia) pairs at `threshold` (score >= threshold flags).

    A figure that needs a class with no films is None; so is the AUC without both classes.
    """
    pneumonia, normal = _split(pairs)
    tp = int((pneumonia >= threshold).sum())
    tn = int((normal < threshold).sum())
    fn, fp = pneumonia.size - tp, normal.size - tn
    both = pneumonia.size > 0 and normal.size > 0
    enough = min(pneumonia.size, normal.size) >= MIN_REVIEWS_PER_CLASS
    return LocalPerformance(
        threshold=threshold,
        n_pneumonia=int(pneumonia.size),
        n_normal=int(normal.size),
        left_out=dict(left_out or {}),
        true_positive=tp,
        false_negative=fn,
        true_negative=tn,
        false_positive=fp,
        sensitivity=_proportion(tp, pneumonia.size),
        specificity=_proportion(tn, normal.size),
        auc=auc_with_delong(pneumonia, normal) if both else None,
        roc=roc_points(pneumonia, normal) if both else [],
        enough_evidence=enough,
        warning="" if enough else evidence_warning(pneumonia.size, normal.size),
        not_scored=not_scored,
    )


def performance_from_log(
    log: ResultLog, threshold: float, model_version: str | None = None
) -> LocalPerformance:
    """The figures of the reviewed results in `log` at `threshold`; decision = truth.

    Only results with a review count, each through its latest review. "Other finding" and "not
    assessable" are left out and counted; reviewed files that were rejected or unreadable are
    counted as `not_scored`. The same film logged more than once (screened again, relabelled after
    a threshold change) counts once, through its latest review. `model_version` keeps only the
    results of that model (scores of another model are on another footing).
    """
    evidence = _reviewed(log, model_version)
    return local_performance(evidence.pairs, threshold, evidence.left_out, evidence.not_scored)


def review_pairs(log: ResultLog, model_version: str | None = None) -> list[tuple[float, bool]]:
    """The (score, has pneumonia) pairs `performance_from_log` measures: for `propose_threshold`
    and `trade_off` on the very evidence the figures show."""
    return _reviewed(log, model_version).pairs


@dataclass(frozen=True)
class _Reviewed:
    pairs: list[tuple[float, bool]]
    left_out: dict[ReviewDecision, int]
    not_scored: int


def _reviewed(log: ResultLog, model_version: str | None) -> _Reviewed:
    reviews = log.latest_reviews()
    results = log.results(ids=list(reviews)) if reviews else []
    latest: dict[tuple[str, str], tuple[ScreeningResult, Review]] = {}
    for result in results:
        if model_version is not None and result.model_version != model_version:
            continue
        review = reviews[result.id]
        key = (result.sha256, result.model_version) if result.sha256 else ("", str(result.id))
        if key not in latest or (latest[key][1].id or 0) < (review.id or 0):
            latest[key] = (result, review)
    left_out = {ReviewDecision.OTHER_FINDING: 0, ReviewDecision.NOT_ASSESSABLE: 0}
    not_scored = 0
    pairs = []
    for result, review in latest.values():
        if result.status is not Status.OK or result.score is None:
            not_scored += 1
        elif review.truth is None:
            left_out[review.decision] += 1
        else:
            pairs.append((result.score, review.truth))
    return _Reviewed(pairs, left_out, not_scored)


def evidence_warning(n_pneumonia: int, n_normal: int) -> str:
    """Plain words for figures from too few films."""
    films = "film" if n_pneumonia == 1 else "films"
    return (
        f"These figures rest on {n_pneumonia} {films} with pneumonia and {n_normal} without; with "
        f"fewer than {MIN_REVIEWS_PER_CLASS} of either they can be far from the truth (see the "
        "ranges in brackets). Review more films before relying on them."
    )


def propose_threshold(
    pairs: Iterable[tuple[float, bool]], target_sensitivity: float = DEFAULT_TARGET_SENSITIVITY
) -> ThresholdProposal:
    """The model card's rule on this evidence: the highest score threshold keeping sensitivity
    >= `target_sensitivity`, rounded down to one decimal (`core.threshold_rule`).

    Raises:
        NotEnoughEvidence: fewer than `MIN_REVIEWS_PER_CLASS` films of either class.
        ValueError: the target is outside (0, 1].
    """
    pneumonia, normal = _split(pairs)
    if min(pneumonia.size, normal.size) < MIN_REVIEWS_PER_CLASS:
        raise NotEnoughEvidence(int(pneumonia.size), int(normal.size), MIN_REVIEWS_PER_CLASS)
    truth = np.r_[np.ones(pneumonia.size, bool), np.zeros(normal.size, bool)]
    threshold = sensitivity_first_threshold(truth, np.r_[pneumonia, normal], target_sensitivity)
    return _at(threshold, pneumonia, normal, target_sensitivity)


def trade_off(
    pairs: Iterable[tuple[float, bool]], thresholds: Sequence[float]
) -> list[ThresholdProposal]:
    """What each of `thresholds` would do on this evidence, for a table to choose from.

    Raises:
        NotEnoughEvidence: no film of one of the classes (the rates are undefined).
    """
    pneumonia, normal = _split(pairs)
    if pneumonia.size == 0 or normal.size == 0:
        raise NotEnoughEvidence(int(pneumonia.size), int(normal.size), MIN_REVIEWS_PER_CLASS)
    return [_at(float(t), pneumonia, normal, None) for t in thresholds]


def _at(
    threshold: float, pneumonia: np.ndarray, normal: np.ndarray, target: float | None
) -> ThresholdProposal:
    flagged_pneumonia = int((pneumonia >= threshold).sum())
    flagged_normal = int((normal >= threshold).sum())
    return ThresholdProposal(
        threshold=threshold,
        sensitivity=flagged_pneumonia / pneumonia.size,
        specificity=1 - flagged_normal / normal.size,
        flagged_share=(flagged_pneumonia + flagged_normal) / (pneumonia.size + normal.size),
        n_pneumonia=int(pneumonia.size),
        n_normal=int(normal.size),
        target_sensitivity=target,
    )


def _proportion(successes: int, total: int) -> Estimate | None:
    if total == 0:
        return None
    low, high = wilson_interval(successes, total)
    return Estimate(successes / total, low, high)


def _split(pairs: Iterable[tuple[float, bool]]) -> tuple[np.ndarray, np.ndarray]:
    """The pneumonia films' scores and the normal films' scores, checked to be 0-100."""
    pairs = list(pairs)
    scores = np.array([score for score, _ in pairs], dtype=np.float64)
    truth = np.array([bool(has) for _, has in pairs], dtype=bool)
    if scores.size and not (
        np.isfinite(scores).all() and (scores >= 0).all() and (scores <= 100).all()
    ):
        raise ValueError(
            f"scores must lie in 0-100. Received range: [{scores.min()}, {scores.max()}]"
        )
    return scores[truth], scores[~truth]
