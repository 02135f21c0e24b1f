"""The About page shows the independently measured figures beside test-dev's, and the adults' beside
what the app does with adults now, read from the card.

The figures live once, in `model.json` (`independent_evaluation`): a new model's card replaces them
there, and the page follows. The test reads the Model tab's text as the user sees it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QTabWidget, QTextBrowser

from core.model_card import ModelCard, load_model_card
from core.paths import model_card_path
from desktop.about_dialog import AboutDialog


@pytest.fixture
def card() -> ModelCard:
    return load_model_card(model_card_path())


def model_tab_text(qtbot, card: ModelCard) -> str:
    dialog = AboutDialog(card)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabWidget)
    assert tabs.tabText(0) == "&Model"
    page = tabs.widget(0)
    assert isinstance(page, QTextBrowser)
    return page.toPlainText()


def test_the_shipped_card_holds_the_independent_figures(card):
    independent = card.raw["independent_evaluation"]
    assert independent["n"] == 327 == independent["n_positive"] + independent["n_negative"]
    assert independent["rejected"] == 0
    figures = {
        key: independent[key]["value"] for key in ("accuracy", "sensitivity", "specificity", "auc")
    }
    assert figures == {"accuracy": 0.924, "sensitivity": 0.966, "specificity": 0.849, "auc": 0.973}


def test_about_shows_independent_figures_beside_test_dev(qtbot, card):
    text = model_tab_text(qtbot, card)
    assert "Test (development)" in text and "Test (independent, held out)" in text
    assert "n = 297" in text and "n = 327" in text
    for figure in ("0.924", "0.966", "0.849", "0.973"):
        assert figure in text
    test_dev = card.raw["performance"]["test_dev"]["sensitivity"]["value"]
    assert f"{test_dev:.3f}" in text
    assert "208 with pneumonia, 119 without; 0 refused" in text


def test_the_figures_come_from_the_card(qtbot, card):
    raw = copy.deepcopy(card.raw)
    raw["independent_evaluation"]["sensitivity"]["value"] = 0.5011
    raw["independent_evaluation"]["n"] = 401
    text = model_tab_text(qtbot, replace(card, raw=raw))
    assert "0.501" in text and "n = 401" in text
    assert "0.966" not in text


def test_a_card_without_independent_figures_shows_no_such_column(qtbot, card):
    raw = copy.deepcopy(card.raw)
    del raw["independent_evaluation"]
    text = model_tab_text(qtbot, replace(card, raw=raw))
    assert "Test (independent, held out)" not in text and "Independent evaluation" not in text
    assert "Test (development)" in text


def test_about_shows_the_adults_figures_beside_what_the_app_does_with_adults_now(qtbot, card):
    """Issue 15's independent adult figures (the screening model alone) beside the share of
    held-out adult films the app refuses without a label now (`python -m
    training.adult_refusals`): old and new side by side."""
    text = model_tab_text(qtbot, card)
    assert "Adults' films" in text and "Refused now, without a label" in text
    lines = text.splitlines()
    nih = lines.index("NIH Clinical Center adults, normal and pneumonia (nih-adult)")
    assert lines[nih + 1 : nih + 6] == ["846", "0.43", "\u2013", "96%", "97.7% of 214 held out"]
    rsna = lines.index("NIH adults read as normal by RSNA radiologists (rsna-normal-adult)")
    assert lines[rsna + 1 : rsna + 6] == [
        "1000",
        "\u2013",
        "\u2013",
        "43%",
        "98.8% of 250 held out",
    ]
    other = next(i for i, line in enumerate(lines) if line.startswith("adult films from many"))
    assert lines[other + 1 : other + 6] == ["\u2013", "0.74", "0.67", "\u2013", "\u2013"]


def test_a_card_without_adult_figures_shows_no_adult_table(qtbot, card):
    raw = copy.deepcopy(card.raw)
    del raw["adult_evaluation"]
    assert "Adults' films" not in model_tab_text(qtbot, replace(card, raw=raw))
