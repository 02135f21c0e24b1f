"""How the model does at this clinic: figures and 95% intervals checked against hand-computed
values, the threshold rule of the model card, and the evidence minimum."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from core.errors import NotEnoughEvidence, ScreeningError
from core.local_performance import (
    MIN_REVIEWS_PER_CLASS,
    local_performance,
    performance_from_log,
    propose_threshold,
    review_pairs,
    trade_off,
)
from core.result import Label
from core.result_log import ResultLog
from core.review import Review, ReviewDecision
from core.threshold_rule import round_down_to_tenth, sensitivity_first_threshold
from tests.test_result_log import WHEN, error_result, ok_result

#: Nine films worked by hand, threshold 50 (score >= 50 flags):
#:   pneumonia: 90, 80, 60, 40  -> flagged 90, 80, 60: TP 3, FN 1 (the 40)
#:   normal:    70, 30, 20, 10, 5 -> flagged 70: FP 1, TN 4
#: Sensitivity 3/4. Wilson, z = 1.96 (z^2 = 3.8415), n = 4, p = 0.75:
#:   centre = (p + z^2/2n) / (1 + z^2/n) = (0.75 + 0.48018) / 1.96037 = 0.62751
#:   half   = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n) = 1.96 sqrt(0.046875 + 0.060023) / 1.96037
#:          = 0.32689                                      -> [0.3006, 0.9544]
#: Specificity 4/5, n = 5, p = 0.8: centre = 1.18415 / 1.76829 = 0.66966,
#:   half = 1.96 sqrt(0.032 + 0.038415) / 1.76829 = 0.29413 -> [0.3755, 0.9638]
#: AUC: of the 4 x 5 = 20 pairs the pneumonia film wins 5 + 5 + 4 + 4 = 18 -> 0.9.
#: DeLong: each pneumonia film's share of wins V10 = [1, 1, 0.8, 0.8] (sample variance 0.013333),
#:   each normal film's share of losses V01 = [0.5, 1, 1, 1, 1] (sample variance 0.05);
#:   var = 0.013333 / 4 + 0.05 / 5 = 0.013333, se = 0.11547,
#:   0.9 -/+ 1.96 x 0.11547 = [0.6737, 1.1263] -> clipped to [0.6737, 1].
HAND_PAIRS = [(s, True) for s in (90, 80, 60, 40)] + [(s, False) for s in (70, 30, 20, 10, 5)]


def test_the_figures_and_their_intervals_match_the_hand_computed_case():
    figures = local_performance(HAND_PAIRS, threshold=50)
    assert (figures.n_pneumonia, figures.n_normal) == (4, 5)
    counts = (
        figures.true_positive,
        figures.false_negative,
        figures.true_negative,
        figures.false_positive,
    )
    assert counts == (3, 1, 4, 1)
    assert figures.sensitivity.value == 0.75
    assert (figures.sensitivity.low, figures.sensitivity.high) == pytest.approx(
        (0.3006, 0.9544), abs=1e-4
    )
    assert figures.specificity.value == 0.8
    assert (figures.specificity.low, figures.specificity.high) == pytest.approx(
        (0.3755, 0.9638), abs=1e-4
    )
    assert figures.auc.value == pytest.approx(0.9)
    assert (figures.auc.low, figures.auc.high) == pytest.approx((0.6737, 1.0), abs=1e-4)


def test_the_roc_curve_steps_through_every_score_from_corner_to_corner():
    roc = local_performance(HAND_PAIRS, threshold=50).roc
    assert roc == [
        (0.0, 0.0, math.inf),
        (0.0, 0.25, 90),
        (0.0, 0.5, 80),
        (0.2, 0.5, 70),
        (0.2, 0.75, 60),
        (0.2, 1.0, 40),
        (0.4, 1.0, 30),
        (0.6, 1.0, 20),
        (0.8, 1.0, 10),
        (1.0, 1.0, 5),
    ]


def test_a_tie_between_a_pneumonia_and_a_normal_film_counts_one_half():
    figures = local_performance([(50, True), (50, False), (70, True), (10, False)], threshold=50)
    assert figures.auc.value == pytest.approx(0.875)  # 3 pairs won, 1 tied, of 4


def test_all_right_or_all_wrong_still_gets_an_interval_inside_0_and_1():
    figures = local_performance([(90, True)] * 5 + [(10, False)] * 5, threshold=50)
    assert figures.sensitivity.value == 1.0 and figures.sensitivity.low < 1.0
    assert figures.specificity.high == 1.0
    wrong = local_performance([(10, True)] * 5 + [(90, False)] * 5, threshold=50)
    assert wrong.sensitivity.value == 0.0 and 0.0 < wrong.sensitivity.high < 1.0


def test_thin_evidence_carries_a_plain_warning_and_enough_evidence_none():
    thin = local_performance(HAND_PAIRS, threshold=50)
    assert not thin.enough_evidence
    assert "4 films with pneumonia and 5 without" in thin.warning
    enough = local_performance(
        [(90, True)] * MIN_REVIEWS_PER_CLASS + [(10, False)] * MIN_REVIEWS_PER_CLASS, 50
    )
    assert enough.enough_evidence and enough.warning == ""


def test_with_one_class_missing_the_figures_that_need_it_are_none():
    figures = local_performance([(90, True), (30, True)], threshold=50)
    assert figures.sensitivity.value == 0.5
    assert figures.specificity is None and figures.auc is None and figures.roc == []


# --- the threshold rule ------------------------------------------------------------------------

#: 20 pneumonia films and 20 normal films. Pneumonia scores 61.0 ... 79.0 (19 films) and one at
#: 35.77, which a 0.95 target may miss (19/20 = 0.95) and a 0.96 target may not (20/20 needed).
RULE_PNEUMONIA = [61.0 + i for i in range(19)] + [35.77]
RULE_NORMAL = [2.0 * i for i in range(20)]  # 0, 2, ..., 38: 36.0 and 38.0 lie above 35.77
RULE_PAIRS = [(s, True) for s in RULE_PNEUMONIA] + [(s, False) for s in RULE_NORMAL]


def test_the_proposal_is_the_highest_threshold_keeping_the_target_sensitivity():
    proposal = propose_threshold(RULE_PAIRS, target_sensitivity=0.95)
    assert proposal.threshold == 61.0  # the 19th-highest pneumonia score
    assert proposal.sensitivity == 0.95 and proposal.specificity == 1.0
    assert proposal.flagged_share == 19 / 40
    assert (proposal.n_pneumonia, proposal.n_normal, proposal.target_sensitivity) == (20, 20, 0.95)


def test_the_proposal_is_rounded_down_to_one_decimal_so_no_film_it_flags_is_lost():
    proposal = propose_threshold(RULE_PAIRS, target_sensitivity=0.96)
    assert proposal.threshold == 35.7  # 35.77 rounded down, not to 35.8
    assert proposal.sensitivity == 1.0
    assert proposal.specificity == 18 / 20  # 36.0 and 38.0 are flagged too


def test_rounding_down_is_not_fooled_by_binary_fractions():
    assert round_down_to_tenth(42.1) == 42.1  # 42.1 * 10 = 421.00000000000006
    assert round_down_to_tenth(100 * 0.421) == 42.1  # 42.099999999999994
    assert round_down_to_tenth(42.09) == 42.0
    assert sensitivity_first_threshold([1, 1, 0], [42.19, 50.0, 10.0], 1.0) == 42.1


def test_training_chooses_the_shipped_threshold_with_the_same_function():
    from training import metrics, release

    assert release.sensitivity_first_threshold is sensitivity_first_threshold
    labels, probabilities = [1, 1, 1, 1, 0, 0], [0.9, 0.7, 0.6, 0.2, 0.5, 0.1]
    assert metrics.choose_threshold(labels, probabilities, 0.75) == 0.6


@pytest.mark.parametrize(("n_pneumonia", "n_normal"), [(19, 20), (20, 19), (0, 40)])
def test_a_threshold_needs_twenty_films_of_each_class(n_pneumonia, n_normal):
    pairs = [(80.0, True)] * n_pneumonia + [(10.0, False)] * n_normal
    with pytest.raises(NotEnoughEvidence) as raised:
        propose_threshold(pairs)
    assert isinstance(raised.value, ScreeningError)
    assert f"there are {n_pneumonia} with pneumonia and {n_normal} without" in str(raised.value)


def test_the_trade_off_table_says_what_each_threshold_would_do():
    low, high = trade_off(HAND_PAIRS, [35.0, 75.0])
    assert (low.threshold, low.sensitivity, low.specificity) == (35.0, 1.0, 0.8)
    assert low.flagged_share == 5 / 9 and low.target_sensitivity is None
    assert (high.sensitivity, high.specificity, high.flagged_share) == (0.5, 1.0, 2 / 9)


# --- from the reviews in the log ---------------------------------------------------------------


def review(result_id: int, decision: ReviewDecision, minutes: int = 0) -> Review:
    return Review(result_id, decision, "Dr Achieng", WHEN + timedelta(minutes=minutes))


def test_the_figures_from_the_log_take_each_films_latest_review_as_the_truth(tmp_path):
    with ResultLog(tmp_path / "results.sqlite3") as log:
        scored = {
            name: log.add(
                ok_result(f"{name}.png", sha256=name * 64, score=score, label=label, threshold=50.0)
            )
            for name, score, label in [
                ("a", 90.0, Label.PNEUMONIA),
                ("b", 20.0, Label.NORMAL),
                ("c", 60.0, Label.PNEUMONIA),
                ("d", 70.0, Label.PNEUMONIA),
                ("e", 10.0, Label.NORMAL),
                ("f", 30.0, Label.NORMAL),
            ]
        }
        unreadable = log.add(error_result(sha256="9" * 64))
        log.add_review(review(scored["a"].id, ReviewDecision.PNEUMONIA))
        log.add_review(review(scored["b"].id, ReviewDecision.PNEUMONIA))
        log.add_review(review(scored["b"].id, ReviewDecision.NO_PNEUMONIA, 5))  # corrected
        log.add_review(review(scored["c"].id, ReviewDecision.NO_PNEUMONIA))
        log.add_review(review(scored["d"].id, ReviewDecision.OTHER_FINDING))
        log.add_review(review(scored["e"].id, ReviewDecision.NOT_ASSESSABLE))
        log.add_review(review(unreadable.id, ReviewDecision.NOT_ASSESSABLE))
        # f is not reviewed: it does not count.
        figures = performance_from_log(log, threshold=50.0)
        pairs = review_pairs(log)
    assert sorted(pairs) == [(20.0, False), (60.0, False), (90.0, True)]
    assert (figures.n_pneumonia, figures.n_normal) == (1, 2)
    assert (figures.true_positive, figures.false_positive, figures.true_negative) == (1, 1, 1)
    assert figures.left_out == {ReviewDecision.OTHER_FINDING: 1, ReviewDecision.NOT_ASSESSABLE: 1}
    assert figures.not_scored == 1


def test_the_same_film_logged_twice_counts_once_and_other_models_can_be_left_out(tmp_path):
    with ResultLog(tmp_path / "results.sqlite3") as log:
        first = log.add(ok_result("a.png", score=90.0, label=Label.PNEUMONIA))
        again = log.add(ok_result("a-copy.png", score=90.0, label=Label.PNEUMONIA))
        other = log.add(ok_result("b.png", sha256="b" * 64, model_version="0.9.0+00000000"))
        log.add_review(review(first.id, ReviewDecision.NO_PNEUMONIA))
        log.add_review(review(again.id, ReviewDecision.PNEUMONIA, 5))
        log.add_review(review(other.id, ReviewDecision.PNEUMONIA))
        assert review_pairs(log, model_version="compact-1.0") == [(90.0, True)]
        assert len(review_pairs(log)) == 2


def test_one_film_is_a_film_not_films():
    from core.local_performance import evidence_warning

    assert "rest on 1 film with pneumonia and 2 without" in evidence_warning(1, 2)


def test_training_chooses_the_threshold_on_the_scores_the_app_will_show():
    """The 1.3.0 candidate's boundary pneumonia scored 50.679: shown (and decided) as 50.7 by
    the app, so the card's threshold must be 50.7, as `calibrate` proposes, not floor(50.679)."""
    from core.model_card import platt_probability
    from training.release import scores_as_shown

    a, b = 1.5538894321, 2.0900512345  # more decimals than the card stores
    logit = (math.log(0.50679 / (1 - 0.50679)) - round(b, 6)) / round(a, 6)
    assert 100 * platt_probability(round(a, 6), round(b, 6), logit) == pytest.approx(50.679)
    shown = scores_as_shown([logit, 3.0, -3.0], a, b)
    assert shown[0] == 50.7
    assert sensitivity_first_threshold([1, 1, 0], shown, 1.0) == 50.7
