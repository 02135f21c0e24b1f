"""The adults' figures the card states for its own model (`adult_evaluation`, shown on the About
page) are what the app's classifier gives on the held-out part of the adult folders.

They were written from `python -m training.sources_eval app` (docs/model-card.md); here the
shipped int8 file scores the same films again as the app does (read, classify; the gates are left
out, as every film is scored there), so a new model file with an old card fails.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.classifier import Classifier
from core.image_reader import read_image
from core.model_card import load_model_card
from tests.conftest import SHIPPED_MODEL_DIR
from training.adult_data import NIH, RSNA
from training.metrics import roc_auc
from training.sources_eval import evaluation_films

NIH_SET = "NIH Clinical Center adults, normal and pneumonia (nih-adult)"
CONFIRMED_SET = (
    "NIH adults' pneumonias confirmed by RSNA radiologists, against NIH's normals (nih-adult)"
)
RSNA_SET = "NIH adults read as normal by RSNA radiologists (rsna-normal-adult)"


@pytest.fixture(scope="module")
def scored(shared_data):
    """The held-out adult films with their label, source, RSNA agreement, logit and call."""
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    classifier = Classifier(card)
    films = [f for f in evaluation_films("held_out", shared_data) if f.source in (NIH, RSNA)]
    found = [
        classifier.classify(read_image(f.path, min_side=card.input_size).pixels) for f in films
    ]
    return {
        "card": card,
        "label": np.array([f.label for f in films]),
        "source": np.array([f.source for f in films]),
        "confirmed": np.array([f.confirmed for f in films]),
        "logit": np.array([r.logit for r in found]),
        "called": np.array([r.score >= card.threshold for r in found]),
    }


def stated(card, name: str) -> dict:
    (row,) = [row for row in card.raw["adult_evaluation"]["sets"] if row["set"] == name]
    return row


def test_the_nih_figures_are_the_apps(scored):
    row = stated(scored["card"], NIH_SET)
    nih = scored["source"] == NIH
    label, called = scored["label"][nih], scored["called"][nih]
    assert (row["n"], row["n_positive"], row["n_negative"]) == (
        nih.sum(),
        label.sum(),
        (label == 0).sum(),
    )
    assert row["auc"] == round(roc_auc(label, scored["logit"][nih]), 2)
    assert row["sensitivity"] == round(called[label == 1].mean(), 2)
    assert row["normals_called_pneumonia"] == round(called[label == 0].mean(), 4)


def test_the_confirmed_pneumonias_figures_are_the_apps(scored):
    row = stated(scored["card"], CONFIRMED_SET)
    nih = scored["source"] == NIH
    chosen = nih & ((scored["label"] == 0) | scored["confirmed"])
    label, called = scored["label"][chosen], scored["called"][chosen]
    assert (row["n"], row["n_positive"]) == (chosen.sum(), label.sum())
    assert row["auc"] == round(roc_auc(label, scored["logit"][chosen]), 2)
    assert row["sensitivity"] == round(called[label == 1].mean(), 2)


def test_the_rsna_normals_figure_is_the_apps(scored):
    row = stated(scored["card"], RSNA_SET)
    rsna = scored["source"] == RSNA
    assert row["n"] == rsna.sum() == row["n_negative"]
    assert row["normals_called_pneumonia"] == round(scored["called"][rsna].mean(), 4)
