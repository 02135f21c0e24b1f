"""Screening metrics in plain numpy, so they can be checked against hand-computed values."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from core.model_card import platt_probability
from core.threshold_rule import highest_threshold_keeping_sensitivity, shown_score

Statistic = Callable[[np.ndarray, np.ndarray], float]

_PLATT_L2 = 1e-4  # Keeps a and b finite when the logits separate the classes perfectly.


def _binary_labels(labels: Any) -> np.ndarray:
    """Labels as a bool array; anything but 0/1 is a caller's bug and is refused, not coerced."""
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D. Received shape: {labels.shape}")
    if not np.isin(labels, (0, 1)).all():
        raise ValueError(f"labels must be 0 or 1. Received: {np.unique(labels)[:10]}")
    return labels.astype(bool)


def _matching(labels: np.ndarray, values: Any, name: str) -> np.ndarray:
    """`values` as float64, checked to pair one-to-one with `labels`."""
    values = np.asarray(values, dtype=np.float64)
    if values.shape != labels.shape:
        raise ValueError(f"{name} must match labels {labels.shape}. Received shape: {values.shape}")
    return values


def _probabilities(labels: np.ndarray, probabilities: Any) -> np.ndarray:
    """Probabilities checked to lie in [0, 1]; logits passed by mistake would bin silently."""
    probabilities = _matching(labels, probabilities, "probabilities")
    if probabilities.size and not ((probabilities >= 0) & (probabilities <= 1)).all():
        raise ValueError(
            "probabilities must lie in [0, 1]. "
            f"Received range: [{probabilities.min()}, {probabilities.max()}]"
        )
    return probabilities


def _ratio(numerator: int, denominator: int) -> float:
    """0/0 is NaN: an undefined rate (e.g. precision with no positive calls) is not 0 or 1."""
    return numerator / denominator if denominator else float("nan")


@dataclass(frozen=True)
class Confusion:
    """Counts of a binary decision against the truth; PNEUMONIA is the positive class."""

    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def accuracy(self) -> float:
        return _ratio(self.tp + self.tn, self.tp + self.fp + self.tn + self.fn)

    @property
    def sensitivity(self) -> float:
        """Share of pneumonia cases flagged: the number a screening tool must keep high."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def recall(self) -> float:
        return self.sensitivity

    @property
    def specificity(self) -> float:
        """Share of normal cases left unflagged: the cost of the screening in extra reads."""
        return _ratio(self.tn, self.tn + self.fp)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def confusion(labels: Any, predictions: Any) -> Confusion:
    """Count a set of 0/1 predictions against 0/1 labels."""
    truth = _binary_labels(labels)
    called = _binary_labels(predictions)
    if called.shape != truth.shape:
        raise ValueError(f"predictions must match labels {truth.shape}. Received: {called.shape}")
    return Confusion(
        tp=int((truth & called).sum()),
        fp=int((~truth & called).sum()),
        tn=int((~truth & ~called).sum()),
        fn=int((truth & ~called).sum()),
    )


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve: the probability that a random positive outranks a random negative.

    Ties count one half (the Mann-Whitney U statistic with midranks).
    """
    labels = np.asarray(labels).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    n_pos, n_neg = int(labels.sum()), int((~labels).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError(f"AUC needs both classes. Received: {n_pos} positives, {n_neg} negatives")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    sorted_scores = scores[order]
    # Midranks for ties.
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    midranks = first + (counts + 1) / 2.0
    ranks[order] = np.repeat(midranks, counts)
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def roc_curve(labels: Any, scores: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds) for "positive when score >= threshold", thresholds descending.

    The curve starts at (0, 0) with threshold +inf and ends at (1, 1). Tied scores cannot be
    separated by any threshold, so they form one diagonal step; the trapezoidal area under this
    curve therefore equals `roc_auc` with its half-credit for ties.
    """
    truth = _binary_labels(labels)
    scores = _matching(truth, scores, "scores")
    n_pos, n_neg = int(truth.sum()), int((~truth).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError(f"ROC needs both classes. Received: {n_pos} positives, {n_neg} negatives")
    order = np.argsort(-scores, kind="mergesort")
    sorted_scores, sorted_truth = scores[order], truth[order]
    # The last index of each run of equal scores: where a threshold can sit.
    last = np.flatnonzero(np.r_[sorted_scores[1:] != sorted_scores[:-1], True])
    tps = np.cumsum(sorted_truth)[last]
    fps = (last + 1) - tps
    fpr = np.r_[0.0, fps / n_neg]
    tpr = np.r_[0.0, tps / n_pos]
    thresholds = np.r_[np.inf, sorted_scores[last]]
    return fpr, tpr, thresholds


def bootstrap_ci(
    labels: Any,
    scores: Any,
    statistic: Statistic,
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile interval of `statistic(labels, scores)` over case resamples.

    Positives and negatives are resampled separately, each with replacement and at its own
    count, so every resample holds both classes and AUC, sensitivity and specificity are always
    defined; the class balance of a test set is fixed by design, not by chance. Resamples where
    the statistic is NaN (e.g. precision with no positive calls) are left out; if all are,
    the interval is (nan, nan).
    """
    truth = _binary_labels(labels)
    scores = _matching(truth, scores, "scores")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie in (0, 1). Received: {confidence}")
    positives, negatives = np.flatnonzero(truth), np.flatnonzero(~truth)
    if positives.size == 0 or negatives.size == 0:
        raise ValueError(
            "A stratified bootstrap needs both classes. "
            f"Received: {positives.size} positives, {negatives.size} negatives"
        )
    rng = np.random.default_rng(seed)
    values = np.empty(n_resamples, dtype=np.float64)
    for i in range(n_resamples):
        index = np.r_[
            rng.choice(positives, positives.size, replace=True),
            rng.choice(negatives, negatives.size, replace=True),
        ]
        values[i] = statistic(truth[index], scores[index])
    values = values[~np.isnan(values)]
    if values.size == 0:
        return float("nan"), float("nan")
    tail = (1 - confidence) / 2
    low, high = np.quantile(values, [tail, 1 - tail])
    return float(low), float(high)


class ReliabilityBins(NamedTuple):
    """Per-bin mean predicted probability, observed positive fraction and case count.

    Empty bins have count 0 and NaN means, so the arrays always have `n_bins` entries and line
    up with the bin edges `np.linspace(0, 1, n_bins + 1)`.
    """

    mean_predicted: np.ndarray
    observed_fraction: np.ndarray
    counts: np.ndarray


def reliability_bins(labels: Any, probabilities: Any, n_bins: int = 10) -> ReliabilityBins:
    """Equal-width probability bins on [0, 1]; p = 1 falls in the last bin.

    Shared by `expected_calibration_error` and the reliability plot, so the number in the report
    and the picture beside it cannot disagree.
    """
    truth = _binary_labels(labels)
    probabilities = _probabilities(truth, probabilities)
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1. Received: {n_bins}")
    bins = np.minimum((probabilities * n_bins).astype(np.int64), n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins)
    sum_predicted = np.bincount(bins, weights=probabilities, minlength=n_bins)
    sum_observed = np.bincount(bins, weights=truth.astype(np.float64), minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        return ReliabilityBins(sum_predicted / counts, sum_observed / counts, counts)


def expected_calibration_error(labels: Any, probabilities: Any, n_bins: int = 10) -> float:
    """Count-weighted mean gap between predicted probability and observed frequency per bin.

    A screening threshold is a probability; ECE says how far that probability can be trusted.
    """
    bins = reliability_bins(labels, probabilities, n_bins)
    filled = bins.counts > 0
    if not filled.any():
        raise ValueError("ECE needs at least one case. Received: 0")
    gaps = np.abs(bins.mean_predicted[filled] - bins.observed_fraction[filled])
    return float((gaps * bins.counts[filled]).sum() / bins.counts.sum())


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function without overflow for large |z|."""
    return np.exp(-np.logaddexp(0.0, -z))


def fit_platt(logits: Any, labels: Any) -> tuple[float, float]:
    """Fit p = sigmoid(a * logit + b) to validation labels by penalised log loss.

    Temperature scaling with a bias: a rescales the model's confidence, b shifts it, and the
    ranking (hence AUC) is unchanged for a > 0. Newton's method on a two-parameter convex
    problem, with step halving as a guard; a small L2 penalty on a and b keeps them finite when
    the logits separate the classes perfectly.
    """
    truth = _binary_labels(labels)
    x = _matching(truth, logits, "logits")
    if x.size == 0:
        raise ValueError("fit_platt needs at least one case. Received: 0")
    y = truth.astype(np.float64)
    design = np.column_stack([x, np.ones_like(x)])

    def loss(w: np.ndarray) -> float:
        z = design @ w
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + _PLATT_L2 / 2 * w @ w)

    w = np.zeros(2)
    for _ in range(50):
        p = _sigmoid(design @ w)
        gradient = design.T @ (p - y) / x.size + _PLATT_L2 * w
        hessian = (design.T * (p * (1 - p))) @ design / x.size + _PLATT_L2 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        current, scale = loss(w), 1.0
        while loss(w - scale * step) > current and scale > 1e-8:
            scale /= 2
        w = w - scale * step
        if np.abs(scale * step).max() < 1e-10:
            break
    return float(w[0]), float(w[1])


def apply_platt(logits: Any, a: float, b: float) -> np.ndarray:
    """Calibrated probabilities sigmoid(a * logit + b) from a `fit_platt` result."""
    return _sigmoid(a * np.asarray(logits, dtype=np.float64) + b)


#: Sensitivity first: the target is >= 0.95; choosing the threshold for 0.96 on test-dev leaves a
#: margin for new patients (one missed case of 182 moves sensitivity by 0.0055).
DEFAULT_MIN_SENSITIVITY = 0.96


def shown_scores(logits: Any, a: float, b: float) -> np.ndarray:
    """0-100 scores as the app shows and decides them with Platt's `a` and `b`: the app's own
    `platt_probability`, then one decimal (`core.threshold_rule.shown_score`)."""
    return np.array([shown_score(100 * platt_probability(a, b, float(x))) for x in logits])


def choose_threshold(labels: Any, probabilities: Any, min_sensitivity: float) -> float:
    """The highest t such that calling p >= t positive keeps sensitivity >= min_sensitivity.

    The rule itself lives in `core.threshold_rule` (the app proposes a clinic's site threshold
    with it too); this checks that the values are probabilities, since logits passed by mistake
    would give a threshold on the wrong scale.
    """
    truth = _binary_labels(labels)
    return highest_threshold_keeping_sensitivity(
        truth, _probabilities(truth, probabilities), min_sensitivity
    )


def _rounded(value: float) -> float | None:
    """4 decimals for the report; NaN becomes None so the dict is strict JSON."""
    return None if math.isnan(value) else round(float(value), 4)


def screening_report(
    labels: Any,
    probabilities: Any,
    threshold: float,
    n_resamples: int = 1000,
    seed: int = 0,
    decided_on: Any = None,
) -> dict[str, Any]:
    """Everything a model card states about one split at one threshold, JSON-ready.

    Each headline metric comes as {"value": v, "ci95": [lo, hi]} from a stratified bootstrap;
    undefined values (0/0) are None. AUC and calibration use the probabilities, the others the
    calls `decided_on >= t`: `decided_on` is what the app decides on (its shown scores, / 100),
    the probabilities when None. Every bootstrap draws the same resamples (one seed), so the
    two stay paired.
    """
    truth = _binary_labels(labels)
    probabilities = _probabilities(truth, probabilities)
    decided = probabilities if decided_on is None else _probabilities(truth, decided_on)
    counts = confusion(truth, decided >= threshold)

    def at_threshold(name: str) -> Statistic:
        return lambda y, p: getattr(confusion(y, p >= threshold), name)

    statistics: dict[str, Statistic] = {
        name: at_threshold(name)
        for name in ("accuracy", "sensitivity", "specificity", "precision", "f1")
    }
    statistics["auc"] = roc_auc
    report: dict[str, Any] = {
        "n": int(truth.size),
        "n_positive": int(truth.sum()),
        "n_negative": int((~truth).sum()),
        "threshold": _rounded(threshold),
    }
    for name, statistic in statistics.items():
        scores = probabilities if name == "auc" else decided
        low, high = bootstrap_ci(truth, scores, statistic, n_resamples, 0.95, seed)
        report[name] = {
            "value": _rounded(statistic(truth, scores)),
            "ci95": [_rounded(low), _rounded(high)],
        }
    report["confusion"] = {"tp": counts.tp, "fp": counts.fp, "tn": counts.tn, "fn": counts.fn}
    report["ece"] = _rounded(expected_calibration_error(truth, probabilities))
    return report
