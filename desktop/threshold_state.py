"""Which threshold decides new screenings, and how the window says so.

The model card's threshold applies unless the clinic has set its own for this very model version
(`core.site_profile`). The window needs the model's threshold and version without loading the
model (that takes seconds, in the background), so they are read from the cards here, the same way
`Screener` derives its `model_version`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.card_integrity import release_version
from core.model_card import load_model_card
from core.paths import model_card_path
from core.patient import AgeRule
from core.result import format_score
from core.site_profile import SiteProfile, ThresholdInForce
from core.view_gate import load_view_gate_card
from desktop.labels import threshold_source_text

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ModelIdentity:
    """The shipped model's own threshold (0-100), the version a site threshold belongs to, and
    which known ages its card does not let it score (`ModelCard.age_rule`)."""

    threshold: float
    version: str
    age_rule: AgeRule


def model_identity() -> ModelIdentity:
    """Read from the model cards (no weights are loaded).

    Raises:
        ModelCardError: a card is missing or damaged (the window reports it once, at start-up).
    """
    card = load_model_card(model_card_path())
    return ModelIdentity(
        card.threshold,
        release_version(card, load_view_gate_card(card)),
        card.age_rule,
    )


def threshold_in_force(identity: ModelIdentity) -> ThresholdInForce:
    """The threshold new screenings use now, from the site profile in the data folder."""
    return SiteProfile.load().threshold_in_force(identity.threshold, identity.version)


def threshold_summary(in_force: ThresholdInForce) -> str:
    """One line for the status bar: the threshold and where it comes from."""
    return translate("Threshold", "Threshold {threshold} ({source})").format(
        threshold=format_score(in_force.threshold), source=threshold_source_text(in_force.source)
    )
