"""`pneumoscreen calibrate`: the clinic's figures and site threshold from folders of labelled films.

A clinic (or a district office) that already has films whose truth is known calibrates without
reviewing them one by one: one folder of films without pneumonia, one with. Both are screened like
`pneumoscreen screen` does (through the log and its cache), so the figures are those of the very
model and scores the clinic sees. Rejected and unreadable files say nothing about the model's
scores: they are counted and left out.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.card_integrity import release_version
from core.errors import NotEnoughEvidence, SiteProfileError, UsageProblem
from core.file_walk import expand_paths
from core.local_performance import (
    Estimate,
    LocalPerformance,
    ThresholdProposal,
    local_performance,
    propose_threshold,
)
from core.model_card import load_model_card
from core.paths import model_card_path
from core.result import Status, ThresholdSource, format_score
from core.screen_session import ScreeningStart, screen_with_progress
from core.site_profile import SiteProfile, SiteThreshold, ThresholdInForce

if TYPE_CHECKING:
    from core.screening import Outcome

#: Who `--apply` and `--reset` record in the site profile's history.
REVIEWER = "calibrate"


@dataclass(frozen=True)
class Evidence:
    """The scores of the films that were scored, and how many of each folder were not."""

    pairs: list[tuple[float, bool]]  # (score, has pneumonia)
    rejected: Counter[str]  # "normal" / "pneumonia" -> rejected or unreadable files
    unreadable: int  # of which could not be read at all


def target_sensitivity(text: str) -> float:
    """A `--target-sensitivity` value: a share in (0, 1], such as 0.95."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(
            f"expected a share between 0 and 1, such as 0.95; got {text!r}"
        )
    return value


def calibrate(
    normal: Path, pneumonia: Path, target: float, as_json: bool, apply: bool, workers: int = 2
) -> None:
    """Screen both folders, print the figures and the proposed threshold; with `apply`, make it
    the site threshold.

    Raises:
        UsageProblem: a folder does not exist, or a file is in both.
        NotEnoughEvidence: fewer than the minimum scored films of a class (after printing what
            there is, as JSON with `threshold` null when `as_json`).
        SiteProfileError: the site profile is damaged, or cannot be saved.
    """
    folders = {"normal": normal, "pneumonia": pneumonia}
    files = {name: _films(name, folder) for name, folder in folders.items()}
    both = set(map(os.path.abspath, files["normal"])) & set(
        map(os.path.abspath, files["pneumonia"])
    )
    if both:
        raise UsageProblem(
            f"{sorted(both)[0]} is in both the --normal and the --pneumonia folder; a film can "
            "have only one truth"
        )
    start = ScreeningStart.load(model_card_path())  # a damaged site profile stops here
    in_force, model_version = start.in_force, start.model_version
    evidence = _screen(start, files, workers)
    summary: dict[str, Any] = {
        "n_normal": sum(not truth for _, truth in evidence.pairs),
        "n_pneumonia": sum(truth for _, truth in evidence.pairs),
        "rejected": sum(evidence.rejected.values()),
        "unreadable": evidence.unreadable,
        "rejected_normal": evidence.rejected["normal"],
        "rejected_pneumonia": evidence.rejected["pneumonia"],
        "target_sensitivity": target,
        "model_version": model_version,
        "threshold_in_force": {
            "threshold": in_force.threshold,
            "source": str(in_force.source),
            "notice": in_force.notice,
        },
    }
    try:
        proposal = propose_threshold(evidence.pairs, target)
    except NotEnoughEvidence as exc:
        if as_json:
            print(json.dumps({"threshold": None, **summary, "error": str(exc)}))
        else:
            _print_counts(summary)
        raise
    figures = local_performance(evidence.pairs, proposal.threshold)
    applied = False
    if apply:
        start.profile.set_threshold(
            SiteThreshold(
                threshold=proposal.threshold,
                model_version=model_version,
                target_sensitivity=target,
                set_by=REVIEWER,
                set_at=datetime.now().astimezone(),
                n_pneumonia=proposal.n_pneumonia,
                n_normal=proposal.n_normal,
            )
        )
        applied = True
    if as_json:
        print(json.dumps(_as_json(proposal, figures, summary, applied)))
        return
    _print_counts(summary)
    _print_figures(proposal, figures, in_force, evidence)
    if applied:
        print(
            f"site threshold set to {format_score(proposal.threshold)} for model version "
            f"{model_version}; it was {threshold_words(in_force)}. `pneumoscreen screen` now "
            "labels with it"
        )
    else:
        print(
            f"not applied: add --apply to make {format_score(proposal.threshold)} this clinic's "
            "site threshold"
        )


def reset_site_threshold() -> None:
    """Back to the model's threshold; a damaged profile is kept aside under another name."""
    from core.view_gate import load_view_gate_card

    card = load_model_card(model_card_path())
    model_version = release_version(card, load_view_gate_card(card))
    model = format_score(card.threshold)
    try:
        profile = SiteProfile.load()
    except SiteProfileError:
        _, kept = SiteProfile.set_aside_damaged(by=REVIEWER)
        print(f"the damaged site profile was kept as {kept}; the model's threshold {model} applies")
        return
    if profile.reset(by=REVIEWER, model_version=model_version):
        print(f"site threshold removed; the model's threshold {model} applies")
    else:
        print(f"no site threshold was set; the model's threshold {model} applies")


def _films(name: str, folder: Path) -> list[Path]:
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise UsageProblem(f"the --{name} folder {folder} {what}")
    return list(expand_paths([folder]))


def _screen(start: ScreeningStart, files: dict[str, list[Path]], workers: int) -> Evidence:
    """Screen every film through the log (and its cache), as `pneumoscreen screen` does."""
    ordered = [(name, path) for name, paths in files.items() for path in paths]
    outcomes: list[Outcome] = []
    with start.screener(workers) as screener:
        screen_with_progress(screener, [path for _, path in ordered], outcomes.append)
    pairs: list[tuple[float, bool]] = []
    rejected: Counter[str] = Counter()
    unreadable = 0
    for (name, _), outcome in zip(ordered, outcomes, strict=False):
        result = outcome.result
        if result.status is Status.OK and result.score is not None:
            pairs.append((result.score, name == "pneumonia"))
        else:
            rejected[name] += 1
            unreadable += result.status is Status.ERROR
    return Evidence(pairs, rejected, unreadable)


def _as_json(
    proposal: ThresholdProposal,
    figures: LocalPerformance,
    summary: dict[str, Any],
    applied: bool,
) -> dict[str, Any]:
    def ci(estimate: Estimate | None) -> list[float] | None:
        return None if estimate is None else [_r(estimate.low), _r(estimate.high)]

    return {
        "threshold": proposal.threshold,
        "sensitivity": _r(proposal.sensitivity),
        "sensitivity_ci95": ci(figures.sensitivity),
        "specificity": _r(proposal.specificity),
        "specificity_ci95": ci(figures.specificity),
        "auc": None if figures.auc is None else _r(figures.auc.value),
        "auc_ci95": ci(figures.auc),
        "flagged_share": _r(proposal.flagged_share),
        "confusion": {
            "tp": figures.true_positive,
            "fn": figures.false_negative,
            "tn": figures.true_negative,
            "fp": figures.false_positive,
        },
        **summary,
        "applied": applied,
    }


def _print_counts(summary: dict[str, Any]) -> None:
    print(
        f"evidence: {summary['n_pneumonia']} films with pneumonia, {summary['n_normal']} without; "
        f"{summary['rejected']} left out (rejected or unreadable: "
        f"{summary['rejected_pneumonia']} from --pneumonia, {summary['rejected_normal']} from "
        "--normal)"
    )


def _print_figures(
    proposal: ThresholdProposal,
    figures: LocalPerformance,
    in_force: ThresholdInForce,
    evidence: Evidence,
) -> None:
    print(
        f"proposed threshold for sensitivity >= {proposal.target_sensitivity}: "
        f"{format_score(proposal.threshold)} (the model card's rule: the highest threshold "
        "keeping the target, rounded down to one decimal)"
    )
    print(f"  sensitivity {_with_ci(figures.sensitivity)}")
    print(f"  specificity {_with_ci(figures.specificity)}")
    print(f"  AUC         {_with_ci(figures.auc)}")
    print(
        f"  films flagged {proposal.flagged_share:.1%}; true positives {figures.true_positive}, "
        f"false negatives {figures.false_negative}, true negatives {figures.true_negative}, "
        f"false positives {figures.false_positive}"
    )
    now = local_performance(evidence.pairs, in_force.threshold)
    print(
        f"at the threshold in force, {threshold_words(in_force)}: sensitivity "
        f"{_with_ci(now.sensitivity)}, specificity {_with_ci(now.specificity)}"
    )
    if in_force.notice:
        print(f"note: {in_force.notice}")


def _with_ci(estimate: Estimate | None) -> str:
    if estimate is None:
        return "n/a"
    return f"{estimate.value:.3f} (95% CI {estimate.low:.3f}-{estimate.high:.3f})"


def threshold_words(in_force: ThresholdInForce) -> str:
    """ "48.6 (this clinic's site threshold)" or "42.0 (the model's threshold)"."""
    whose = "this clinic's site" if in_force.source is ThresholdSource.SITE else "the model's"
    return f"{format_score(in_force.threshold)} ({whose} threshold)"


def _r(value: float) -> float:
    """4 decimals, as the model card reports its figures."""
    return round(float(value), 4)
