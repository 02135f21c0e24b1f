"""Screening metrics checked against values worked out by hand on tiny arrays."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PIL import Image

from training import metrics, plots

# Six cases used throughout. Positives score 0.9, 0.8, 0.4; negatives 0.6, 0.3, 0.1.
LABELS = np.array([1, 1, 1, 0, 0, 0])
SCORES = np.array([0.9, 0.8, 0.4, 0.6, 0.3, 0.1])


def _simulated(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Half positive, scores separated by one standard deviation, squashed into (0, 1)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    return labels, 1 / (1 + np.exp(-(rng.normal(size=n) + labels)))


# --- confusion -----------------------------------------------------------------------------


def test_confusion_counts_and_rates_by_hand():
    # At t = 0.5 the calls are 1, 1, 0 | 1, 0, 0: tp 2, fn 1, fp 1, tn 2.
    counts = metrics.confusion(LABELS, SCORES >= 0.5)
    assert counts == metrics.Confusion(tp=2, fp=1, tn=2, fn=1)
    assert counts.accuracy == pytest.approx(4 / 6)
    assert counts.sensitivity == pytest.approx(2 / 3)  # 2 of 3 positives flagged
    assert counts.recall == counts.sensitivity
    assert counts.specificity == pytest.approx(2 / 3)  # 2 of 3 negatives cleared
    assert counts.precision == pytest.approx(2 / 3)  # 2 of 3 flags right
    assert counts.f1 == pytest.approx(2 / 3)  # 2*2 / (2*2 + 1 + 1)


def test_undefined_rates_are_nan_not_an_error():
    # Nothing called positive: precision is 0/0. No negatives: specificity is 0/0.
    assert math.isnan(metrics.confusion([1, 0], [0, 0]).precision)
    assert math.isnan(metrics.confusion([1, 1], [1, 0]).specificity)


def test_confusion_refuses_non_binary_input():
    with pytest.raises(ValueError, match="Received"):
        metrics.confusion([0, 2], [0, 1])


# --- ROC -----------------------------------------------------------------------------------


def test_auc_by_hand():
    # 0.9 and 0.8 beat all three negatives (3 + 3); 0.4 beats 0.3 and 0.1 (2): 8 of 9 pairs.
    assert metrics.roc_auc(LABELS, SCORES) == pytest.approx(8 / 9)


def test_auc_counts_ties_as_half():
    assert metrics.roc_auc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]) == 0.5
    # Positive 0.8 beats both negatives (2); positive 0.5 ties 0.5 (0.5) and beats 0.2 (1).
    assert metrics.roc_auc([1, 0, 1, 0], [0.5, 0.5, 0.8, 0.2]) == pytest.approx(3.5 / 4)


def test_roc_curve_by_hand():
    fpr, tpr, thresholds = metrics.roc_curve(LABELS, SCORES)
    np.testing.assert_array_equal(thresholds, [np.inf, 0.9, 0.8, 0.6, 0.4, 0.3, 0.1])
    np.testing.assert_allclose(fpr, [0, 0, 0, 1 / 3, 1 / 3, 2 / 3, 1])
    np.testing.assert_allclose(tpr, [0, 1 / 3, 2 / 3, 2 / 3, 1, 1, 1])


def test_roc_curve_runs_from_origin_to_corner():
    labels, scores = _simulated(200, seed=1)
    fpr, tpr, thresholds = metrics.roc_curve(labels, scores)
    assert (fpr[0], tpr[0], thresholds[0]) == (0.0, 0.0, np.inf)
    assert (fpr[-1], tpr[-1]) == (1.0, 1.0)
    assert (np.diff(thresholds) < 0).all()
    assert (np.diff(fpr) >= 0).all() and (np.diff(tpr) >= 0).all()


def test_roc_curve_takes_ties_as_one_diagonal_step():
    fpr, tpr, thresholds = metrics.roc_curve([1, 0, 1, 0], [0.5, 0.5, 0.8, 0.2])
    np.testing.assert_array_equal(thresholds, [np.inf, 0.8, 0.5, 0.2])
    np.testing.assert_allclose(fpr, [0, 0, 0.5, 1])
    np.testing.assert_allclose(tpr, [0, 0.5, 1, 1])
    # So the trapezoidal area agrees with the half-credit AUC.
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    assert area == pytest.approx(metrics.roc_auc([1, 0, 1, 0], [0.5, 0.5, 0.8, 0.2]))


def test_roc_needs_both_classes():
    with pytest.raises(ValueError, match="both classes"):
        metrics.roc_curve([1, 1], [0.2, 0.3])


# --- bootstrap -----------------------------------------------------------------------------


def test_bootstrap_interval_contains_the_estimate_and_narrows_with_more_data():
    widths = []
    for n in (60, 600):
        labels, scores = _simulated(n, seed=2)
        low, high = metrics.bootstrap_ci(labels, scores, metrics.roc_auc, n_resamples=300)
        assert low <= metrics.roc_auc(labels, scores) <= high
        widths.append(high - low)
    assert widths[1] < widths[0] / 2  # width shrinks like 1/sqrt(n): about 1/3.2 here


def test_bootstrap_is_stratified_so_auc_is_defined_with_one_positive():
    labels = np.r_[1, np.zeros(49, dtype=int)]
    scores = np.linspace(1, 0, 50)
    # An unstratified resample would miss the lone positive in about 1 of 3 draws.
    assert metrics.bootstrap_ci(labels, scores, metrics.roc_auc, n_resamples=100) == (1.0, 1.0)


def test_bootstrap_is_reproducible_from_its_seed():
    labels, scores = _simulated(100, seed=3)
    first = metrics.bootstrap_ci(labels, scores, metrics.roc_auc, n_resamples=50, seed=7)
    again = metrics.bootstrap_ci(labels, scores, metrics.roc_auc, n_resamples=50, seed=7)
    assert first == again


# --- calibration ---------------------------------------------------------------------------


def test_reliability_bins_by_hand():
    # 0.05 and 0.15 fall in bins 0 and 1; 1.0 belongs to the last bin, not an eleventh.
    bins = metrics.reliability_bins([0, 1, 1, 1], [0.05, 0.15, 0.15, 1.0])
    np.testing.assert_array_equal(bins.counts, [1, 2, 0, 0, 0, 0, 0, 0, 0, 1])
    np.testing.assert_allclose(bins.mean_predicted[[0, 1, 9]], [0.05, 0.15, 1.0])
    np.testing.assert_allclose(bins.observed_fraction[[0, 1, 9]], [0.0, 1.0, 1.0])
    assert np.isnan(bins.mean_predicted[2])


def test_ece_is_zero_when_predictions_match_frequencies():
    # Four cases at 0.25 with one positive, four at 0.75 with three.
    labels = [1, 0, 0, 0, 1, 1, 1, 0]
    probabilities = [0.25] * 4 + [0.75] * 4
    assert metrics.expected_calibration_error(labels, probabilities) == pytest.approx(0.0)


def test_ece_of_an_over_confident_model_by_hand():
    # Says 0.95 where 7 of 10 are positive (gap 0.25) and 0.05 where 3 of 10 are (gap 0.25).
    labels = [1] * 7 + [0] * 3 + [1] * 3 + [0] * 7
    probabilities = [0.95] * 10 + [0.05] * 10
    assert metrics.expected_calibration_error(labels, probabilities) == pytest.approx(0.25)


def test_calibration_refuses_logits_for_probabilities():
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        metrics.expected_calibration_error([0, 1], [-2.0, 3.0])


def test_platt_recovers_the_scale_and_bias_it_was_simulated_with():
    rng = np.random.default_rng(4)
    logits = rng.normal(scale=2.0, size=20_000)
    labels = (rng.random(logits.size) < 1 / (1 + np.exp(-(2 * logits - 1)))).astype(int)
    a, b = metrics.fit_platt(logits, labels)
    assert a == pytest.approx(2.0, abs=0.1)
    assert b == pytest.approx(-1.0, abs=0.1)


def test_platt_stays_finite_on_separable_data():
    a, b = metrics.fit_platt([-3.0, -1.0, 1.0, 3.0], [0, 0, 1, 1])
    assert math.isfinite(a) and math.isfinite(b) and a > 0
    probabilities = metrics.apply_platt([-3.0, 3.0], a, b)
    assert probabilities[0] < 0.5 < probabilities[1]


def test_apply_platt_is_the_sigmoid_of_the_affine_logit():
    # 2 * 0 - 1 = -1 and 2 * 0.5 - 1 = 0.
    np.testing.assert_allclose(metrics.apply_platt([0.0, 0.5], 2.0, -1.0), [1 / (1 + math.e), 0.5])


# --- threshold -----------------------------------------------------------------------------


def test_choose_threshold_is_the_highest_that_keeps_sensitivity():
    # Positives at 0.9, 0.7, 0.6, 0.2. Three of four (0.75) need t <= 0.6; all four need 0.2.
    labels = [1, 1, 1, 1, 0, 0]
    probabilities = [0.9, 0.7, 0.6, 0.2, 0.5, 0.1]
    assert metrics.choose_threshold(labels, probabilities, 0.75) == 0.6
    assert metrics.choose_threshold(labels, probabilities, 0.70) == 0.6
    assert metrics.choose_threshold(labels, probabilities, 1.0) == 0.2


@pytest.mark.parametrize("target", [0.8, 0.9, 0.95, 0.99])
def test_chosen_threshold_meets_the_target_and_one_step_higher_does_not(target):
    labels, probabilities = _simulated(500, seed=5)
    t = metrics.choose_threshold(labels, probabilities, target)
    assert metrics.confusion(labels, probabilities >= t).sensitivity >= target
    higher = np.nextafter(t, 2.0)
    assert metrics.confusion(labels, probabilities >= higher).sensitivity < target


def test_choose_threshold_with_tied_positives_calls_them_all():
    # Two positives tie at 0.6: t = 0.6 flags both, so sensitivity jumps from 1/3 to 1.
    t = metrics.choose_threshold([1, 1, 1, 0], [0.9, 0.6, 0.6, 0.6], 0.5)
    assert t == 0.6
    assert metrics.confusion([1, 1, 1, 0], np.array([0.9, 0.6, 0.6, 0.6]) >= t).sensitivity == 1


# --- report --------------------------------------------------------------------------------


def test_screening_report_is_json_ready_with_intervals():
    labels, probabilities = _simulated(120, seed=6)
    report = metrics.screening_report(labels, probabilities, threshold=0.5, n_resamples=100)
    assert set(report) == {
        "n",
        "n_positive",
        "n_negative",
        "threshold",
        "accuracy",
        "sensitivity",
        "specificity",
        "precision",
        "f1",
        "auc",
        "confusion",
        "ece",
    }
    assert (report["n"], report["n_positive"], report["n_negative"]) == (120, 60, 60)
    assert set(report["confusion"]) == {"tp", "fp", "tn", "fn"}
    assert sum(report["confusion"].values()) == 120
    for name in ("accuracy", "sensitivity", "specificity", "precision", "f1", "auc"):
        value, (low, high) = report[name]["value"], report[name]["ci95"]
        assert low <= value <= high
        assert value == round(value, 4)
    assert report["auc"]["value"] == round(metrics.roc_auc(labels, probabilities), 4)
    json.dumps(report, allow_nan=False)


def test_screening_report_writes_undefined_precision_as_null():
    report = metrics.screening_report([1, 0, 1, 0], [0.1, 0.2, 0.3, 0.4], 0.9, n_resamples=20)
    assert report["precision"] == {"value": None, "ci95": [None, None]}


def test_screening_report_calls_films_on_the_scores_the_app_decides_on():
    """The boundary pneumonia of the 1.3.0 candidate: probability 0.50679, shown as 50.7 and
    called at threshold 50.7 by the app; the card must count it, while AUC keeps the
    probabilities."""
    labels = [1, 1, 0, 0]
    probabilities = [0.50679, 0.9, 0.2, 0.4]
    shown = [0.507, 0.9, 0.2, 0.4]
    report = metrics.screening_report(
        labels, probabilities, 0.507, n_resamples=20, decided_on=shown
    )
    assert report["sensitivity"]["value"] == 1.0
    assert report["confusion"] == {"tp": 2, "fp": 0, "tn": 2, "fn": 0}
    assert report["auc"]["value"] == round(metrics.roc_auc(labels, probabilities), 4)
    raw = metrics.screening_report(labels, probabilities, 0.507, n_resamples=20)
    assert raw["sensitivity"]["value"] == 0.5


# --- plots ---------------------------------------------------------------------------------


def _is_png(path) -> bool:
    with Image.open(path) as image:
        return image.format == "PNG" and image.size[0] > 0


def test_plot_roc_draws_several_curves_with_operating_points(tmp_path):
    validation, test_dev = _simulated(80, seed=7), _simulated(60, seed=8)
    path = plots.plot_roc(
        {"validation": validation, "test-dev": test_dev},
        tmp_path / "roc.png",
        "ROC",
        operating_points={"validation": (0.95, 0.6)},
    )
    assert path == tmp_path / "roc.png" and _is_png(path)


def test_plot_reliability(tmp_path):
    labels, probabilities = _simulated(80, seed=9)
    assert _is_png(plots.plot_reliability(labels, probabilities, tmp_path / "rel.png", "Rel"))


def test_plot_confusion(tmp_path):
    counts = metrics.Confusion(tp=40, fp=9, tn=30, fn=2)
    assert _is_png(plots.plot_confusion(counts, tmp_path / "sub" / "cm.png", "Confusion"))


def test_plot_error_gallery_with_images_and_when_empty(tmp_path):
    images = [np.full((32, 32), 40 * i, dtype=np.uint8) for i in range(7)]
    captions = [f"case {i}" for i in range(7)]
    assert _is_png(plots.plot_error_gallery(images, captions, tmp_path / "fn.png", "FN"))
    assert _is_png(plots.plot_error_gallery([], [], tmp_path / "fp.png", "FP"))
