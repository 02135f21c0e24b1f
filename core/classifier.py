"""The screening classifier: a verified model card plus LiteRT, from pixels to score and heatmap."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.errors import ModelCardError
from core.litert_model import load_for_card
from core.model_card import ModelCard, load_model_card
from core.preprocess import prepare_image
from core.threshold_rule import shown_score


@dataclass(frozen=True)
class Classification:
    """What the model says about one image. Not a decision: the label comes from the threshold
    in force (`core.screening`), which may be the clinic's rather than the card's."""

    score: float  # calibrated probability of pneumonia x 100, rounded to one decimal
    heatmap: np.ndarray  # class-activation map (float32), positive = towards pneumonia
    logit: float


class Classifier:
    """Loads the model only after its sha256 matches the card; one instance per thread.

    LiteRT interpreters are not thread-safe, so each worker thread builds its own.
    """

    def __init__(self, card: ModelCard, num_threads: int = 1, verified: bool = False):
        """`verified`: the caller has just checked the file against the card (skip re-hashing)."""
        self.card = card
        self._model = load_for_card(card, num_threads, verified)
        if not self._model.has_cam:
            raise ModelCardError(f"The model has no heatmap output. Received: {card.model_file}")

    @classmethod
    def from_card_path(cls, card_path: Path, num_threads: int = 1) -> Classifier:
        return cls(load_model_card(card_path), num_threads)

    def classify(self, gray: np.ndarray) -> Classification:
        """Score a decoded 8-bit grayscale image of any size."""
        return self.classify_input(prepare_image(gray, self.card.input_size, self.card.tone))

    def classify_input(self, model_input: np.ndarray) -> Classification:
        """Score an image already prepared for the model (`prepare_image` at the card's input
        size), for a caller that has prepared it for another check too."""
        logit, cam = self._model.predict(model_input)
        score = shown_score(self.card.score(logit))
        if cam is None:  # __init__ refused such models; this keeps the type checker honest
            raise ModelCardError(f"The model has no heatmap output: {self.card.model_file}")
        return Classification(score, cam, logit)
