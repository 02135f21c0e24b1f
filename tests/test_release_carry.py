"""What a new export keeps of the card it replaces (`training.release.carried_figures`).

Figures measured after a release (the independent held-out half, the adults) belong to the
weights they were measured on: `make model` reproducing the same weights keeps them all; new
weights get none of them as their own, but keep the replaced release's as `previous_release`, so
the card and the About page show the old model beside the new one.
"""

from __future__ import annotations

from training.release import carried_figures

EARLIER = {
    "version": "1.2.0",
    "sha256": "old",
    "file": "pneumoscreen-compact-int8.tflite",
    "threshold": {"score": 42.0, "rule": "..."},
    "performance": {"validation": {"n": 1054}, "test_dev": {"n": 297, "auc": {"value": 0.975}}},
    "independent_evaluation": {"n": 327, "auc": {"value": 0.973}},
    "adult_evaluation": {"about": "adults", "sets": [{"set": "nih", "auc": 0.43}]},
    "previous_release": {"version": "1.1.0"},
}


def test_the_same_weights_keep_every_figure_measured_after_their_release():
    kept = carried_figures(EARLIER, "old")
    assert kept == {
        "independent_evaluation": EARLIER["independent_evaluation"],
        "adult_evaluation": EARLIER["adult_evaluation"],
        "previous_release": {"version": "1.1.0"},
    }


def test_new_weights_keep_the_replaced_release_beside_them_and_nothing_as_their_own():
    kept = carried_figures(EARLIER, "new")
    assert set(kept) == {"previous_release"}
    assert kept["previous_release"] == {
        "version": "1.2.0",
        "sha256": "old",
        "file": "pneumoscreen-compact-int8.tflite",
        "threshold": 42.0,
        "test_dev": {"n": 297, "auc": {"value": 0.975}},
        "independent_evaluation": {"n": 327, "auc": {"value": 0.973}},
        "adult_evaluation": {"about": "adults", "sets": [{"set": "nih", "auc": 0.43}]},
    }


def test_only_one_release_back_is_kept():
    """The replaced card's own `previous_release` (1.1.0 here) is not carried a second step."""
    assert "previous_release" not in carried_figures(EARLIER, "new")["previous_release"]


def test_a_replaced_card_measured_on_nothing_more_leaves_only_its_test_dev():
    earlier = {
        k: v for k, v in EARLIER.items() if k not in ("independent_evaluation", "adult_evaluation")
    }
    previous = carried_figures(earlier, "new")["previous_release"]
    assert set(previous) == {"version", "sha256", "file", "threshold", "test_dev"}
