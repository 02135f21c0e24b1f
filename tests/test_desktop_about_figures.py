"""The About page shows the model's figures beside those of the model it replaces, and the adults'
beside what the app does with adults now, all read from the card.

The figures live once, in `model.json`: `performance`, `independent_evaluation` (where the held-out
half was measured for these weights), `adult_evaluation`, and `previous_release` (the replaced
release's version, threshold, test-dev, independent and adult figures, carried by
`training.release.carried_figures`). A new card replaces them there, and the page follows. The
tests read the Model tab's text as the user sees it.
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

NIH = "NIH Clinical Center adults, normal and pneumonia (nih-adult)"
CONFIRMED = (
    "NIH adults' pneumonias confirmed by RSNA radiologists, against NIH's normals (nih-adult)"
)
RSNA = "NIH adults read as normal by RSNA radiologists (rsna-normal-adult)"
DASH = "\u2013"


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


def rows_after(lines: list[str], first_cell: str, width: int = 6) -> list[list[str]]:
    """Every table row that starts with `first_cell`, as its next `width` cells."""
    return [lines[i + 1 : i + 1 + width] for i, line in enumerate(lines) if line == first_cell]


def test_the_shipped_card_keeps_the_replaced_releases_independent_figures(card):
    """1.2.0's held-out half (measured independently, issue 15) belongs to 1.2.0's weights: the
    1.3.0 card has none of its own yet and keeps 1.2.0's as the previous release's."""
    assert card.version == "1.3.0" and "independent_evaluation" not in card.raw
    previous = card.raw["previous_release"]
    assert previous["version"] == "1.2.0" and previous["threshold"] == 42.0
    assert previous["sha256"] != card.sha256
    independent = previous["independent_evaluation"]
    assert independent["n"] == 327 == independent["n_positive"] + independent["n_negative"]
    figures = {
        key: independent[key]["value"] for key in ("accuracy", "sensitivity", "specificity", "auc")
    }
    assert figures == {"accuracy": 0.924, "sensitivity": 0.966, "specificity": 0.849, "auc": 0.973}
    assert previous["test_dev"]["specificity"]["value"] == 0.9043


def test_about_shows_this_models_figures_beside_the_replaced_models(qtbot, card):
    text = model_tab_text(qtbot, card)
    assert "Test (development)" in text
    assert "Test (development), model 1.2.0" in text
    assert "Test (independent, held out), model 1.2.0" in text
    assert "Model 1.2.0, which this one replaces, is shown at its own threshold 42.0." in text
    assert "n = 297" in text and "n = 327" in text
    for figure in ("0.924", "0.966", "0.849", "0.973", "0.904"):  # 1.2.0's
        assert figure in text
    test_dev = card.raw["performance"]["test_dev"]
    for metric in ("sensitivity", "specificity", "auc"):
        assert f"{test_dev[metric]['value']:.3f}" in text  # 1.3.0's
    assert "At the decision threshold 50.7" in text


def test_the_figures_come_from_the_card(qtbot, card):
    raw = copy.deepcopy(card.raw)
    raw["previous_release"]["independent_evaluation"]["sensitivity"]["value"] = 0.5011
    raw["previous_release"]["independent_evaluation"]["n"] = 401
    raw["previous_release"]["version"] = "0.9.9"
    text = model_tab_text(qtbot, replace(card, raw=raw))
    assert "0.501" in text and "n = 401" in text and "model 0.9.9" in text
    assert "0.966" not in text and "1.2.0" not in text


def test_a_card_with_independent_figures_of_its_own_shows_them_first(qtbot, card):
    raw = copy.deepcopy(card.raw)
    raw["independent_evaluation"] = copy.deepcopy(raw["previous_release"]["independent_evaluation"])
    raw["independent_evaluation"]["n"] = 333
    text = model_tab_text(qtbot, replace(card, raw=raw))
    assert "Test (independent, held out)\nn = 333" in text
    assert "208 with pneumonia, 119 without; 0 refused" in text


def test_a_card_without_a_previous_release_shows_no_such_columns(qtbot, card):
    raw = copy.deepcopy(card.raw)
    del raw["previous_release"]
    text = model_tab_text(qtbot, replace(card, raw=raw))
    assert "model 1.2.0" not in text and "which this one replaces" not in text
    assert "Test (independent, held out)" not in text and "Independent evaluation" not in text
    assert "Test (development)" in text


def test_about_shows_the_adults_figures_of_both_models_beside_what_the_app_does_now(qtbot, card):
    """1.3.0 measured by the developers on the held-out adults (`python -m training.sources_eval
    app`), 1.2.0 measured independently on whole folders, each beside the share of held-out
    adult films the app refuses without a label now (`python -m training.adult_refusals`)."""
    text = model_tab_text(qtbot, card)
    assert "Adults' films" in text and "Refused now, without a label" in text
    lines = text.splitlines()
    assert rows_after(lines, NIH) == [
        ["1.3.0", "214", "0.38", "0.69", "95%", "97.7% of 214 held out"],
        ["1.2.0", "846", "0.43", DASH, "96%", "97.7% of 214 held out"],
    ]
    assert rows_after(lines, CONFIRMED) == [["1.3.0", "141", "0.52", "0.81", "95%", DASH]]
    assert rows_after(lines, RSNA) == [
        ["1.3.0", "250", DASH, DASH, "30%", "98.8% of 250 held out"],
        ["1.2.0", "1000", DASH, DASH, "43%", "98.8% of 250 held out"],
    ]
    other = next(i for i, line in enumerate(lines) if line.startswith("adult films from many"))
    assert lines[other + 1 : other + 7] == ["1.2.0", DASH, "0.74", "0.67", DASH, DASH]
    assert any(
        line.startswith("1.3.0: adults' frontal chest X-rays, the held-out") for line in lines
    )
    assert any(
        line.startswith("1.2.0: adults' frontal chest X-rays: the screening") for line in lines
    )


def test_a_card_without_adult_figures_shows_no_adult_table(qtbot, card):
    raw = copy.deepcopy(card.raw)
    del raw["adult_evaluation"]
    del raw["previous_release"]["adult_evaluation"]
    assert "Adults' films" not in model_tab_text(qtbot, replace(card, raw=raw))
