"""The model card's sentences shown on the About page, marked for translation ("ModelCard").

The card (`resources/model/model.json`) is data in English: the engine and the command line read
it as it is. The window shows its intended use, limitations and notes on the figures in the
user's language: each sentence is listed here, so `make translations` puts it in the translators'
files, and the About page looks it up with `card_text`. A new card whose sentences are not (yet)
listed is shown in English; `tests/test_translations.py` fails until they are listed here, so a
new model release brings its translations with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ModelCard"

#: `intended_use`.
INTENDED_USE: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "Screening aid for frontal chest X-rays at clinics without a radiologist: flags "
        "images likely to show pneumonia for a clinician's review. Not a diagnosis.",
    ),
)

#: `limitations`, one sentence each.
LIMITATIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "Trained on pediatric (ages 1-5) frontal chest X-rays from one hospital (Guangzhou "
        "Women and Children's Medical Center); not validated on adults, other hospitals or "
        "other X-ray machines.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "Distinguishes pneumonia from normal only; other findings are not detected.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "Lateral views, other body parts and non-X-ray images are outside its scope.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "The heatmap shows where the model looked, not where the disease is.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "On adults' films its score carries no information (AUC 0.38 against NIH's labels), "
        "so a film of unknown age that looks like an adult's is not scored: the population "
        "check refused 98% of held-out adult films and 3.7% of held-out children's films, all "
        "normal.",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "A patient known to be 18 or older gets no score either, whatever the site's age rule: "
        "the adults measured were 18 to 85 years old.",
    ),
)

#: What the figures are: `independent_evaluation.about` (`.set` where a card has no `about`)
#: and `performance.note`.
FIGURE_NOTES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "327 images of the official test split that were never given to the developers, "
        "measured independently of them with the int8 file at the shipped threshold",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "measured on the int8 file at the shipped threshold; test-dev also chose the "
        "calibration and threshold, so its figures are optimistic; an independent held-out "
        "half of the test split measures the model separately",
    ),
)


#: `adult_evaluation.about` and each of its sets' `set`, the card's own and its
#: `previous_release`'s.
ADULT_NOTES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "adults' frontal chest X-rays: the screening model alone, measured independently of the "
        "developers with the int8 file at the shipped threshold, before the population check "
        "existed; and the share of films the app now refuses without a label when the age is "
        "not known, measured by the developers on the held-out part of each folder",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "adults' frontal chest X-rays, the held-out part of each folder (no adult film trained "
        "or chose this model): the screening model alone, measured by the developers with the "
        "int8 file at the shipped threshold, every film scored; and the share of films the app "
        "refuses without a label when the age is not known",
    ),
    QT_TRANSLATE_NOOP("ModelCard", "NIH Clinical Center adults, normal and pneumonia (nih-adult)"),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "NIH adults' pneumonias confirmed by RSNA radiologists, against NIH's normals (nih-adult)",
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard", "NIH adults read as normal by RSNA radiologists (rsna-normal-adult)"
    ),
    QT_TRANSLATE_NOOP(
        "ModelCard",
        "adult films from many other hospitals, mostly COVID-19 and other pneumonias, 37 normals",
    ),
)


def card_text(text: str) -> str:
    """A sentence of the card in the window's language; as it is (English) when not listed."""
    return QCoreApplication.translate(CONTEXT, text)


def shown_texts(raw: Mapping[str, Any]) -> list[str]:
    """The card's own sentences (not figures, not names) that the About page shows, in order."""
    independent = raw.get("independent_evaluation") or {}
    previous = raw.get("previous_release") or {}
    adult_blocks = [raw.get("adult_evaluation") or {}, previous.get("adult_evaluation") or {}]
    texts = [
        raw.get("intended_use", ""),
        *raw.get("limitations", []),
        independent.get("about", independent.get("set", "")),
        raw.get("performance", {}).get("note", ""),
        *(
            text
            for adults in adult_blocks
            for text in (
                adults.get("about", ""),
                *(row.get("set", "") for row in adults.get("sets", [])),
            )
        ),
    ]
    return [text for text in texts if text]


def listed_texts() -> frozenset[str]:
    """Every sentence listed for translation here."""
    return frozenset((*INTENDED_USE, *LIMITATIONS, *FIGURE_NOTES, *ADULT_NOTES))
