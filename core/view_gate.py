"""The view gate: does this image show what the screening model may judge, a frontal chest X-ray?

The screening model has only seen frontal chest radiographs; shown a photo, a document, a CT slice
or a side view it would still answer with a confident-looking score. The gate is a second, much
smaller int8 network beside it (`frontal-gate.tflite`, trained by `python -m training gate`) that
scores how much an image looks like a usable frontal chest X-ray. Its file follows the same model
card contract as the screening model (sha256, input, calibration, threshold, and the contrast
stretch of `prepare_image`, which the two share, recorded as data), and the screening
model's card names it under `view_gate`, so the two always travel and are verified together;
the gate's card is checked against the release like the model's (`core/card_integrity.py`), so
its threshold cannot be edited either.
"""

from __future__ import annotations

import numpy as np

from core.decoded import DecodedImage
from core.errors import ModelCardError
from core.litert_model import load_for_card
from core.model_card import ModelCard, load_model_card
from core.preprocess import prepare_image
from core.reason_codes import Reason, ReasonCode

#: The refusal reason when the gate can name what it was given instead (gate 1.1.0 names the most
#: probable refusal kind when the card's `refusal_kinds.min_probability` is reached): its code and
#: a sentence that says what to do. The keys are the kinds the card may name, in any order.
NAMED_REFUSALS: dict[str, Reason] = {
    "side_view": Reason(
        ReasonCode.SIDE_VIEW,
        "This looks like a side (lateral) view of the chest, so it was not scored. Only "
        "front-to-back or back-to-front chest X-rays can be screened.",
    ),
    "ct_slice": Reason(
        ReasonCode.CT_SLICE,
        "This looks like a CT slice, not a chest X-ray, so it was not scored. Only front-to-back "
        "or back-to-front chest X-rays can be screened.",
    ),
    "not_a_radiograph": Reason(
        ReasonCode.NOT_A_RADIOGRAPH,
        "This looks like a photo, a document or a screenshot, not an X-ray, so it was not scored. "
        "Open the X-ray's own image file instead.",
    ),
    "inverted": Reason(
        ReasonCode.INVERTED_FILM,
        "This X-ray looks inverted (bones dark, lungs light), so it was not scored. Export it "
        "again as a normal film, with bones white.",
    ),
    "turned_or_mirrored": Reason(
        ReasonCode.TURNED_OR_MIRRORED,
        "This X-ray looks turned, upside down or mirrored, so it was not scored. Export or scan it "
        "again the right way round.",
    ),
    "cropped": Reason(
        ReasonCode.CROPPED_FILM,
        "This looks like only part of a chest X-ray, so it was not scored. The whole chest must be "
        "in the image.",
    ),
}
NOT_FRONTAL_REASON = (
    "This does not look like a frontal chest X-ray, so it was not scored. Only front-to-back or "
    "back-to-front chest X-rays can be screened: not photos, documents, screenshots, CT slices, "
    "side views, or X-rays that are inverted, turned, mirrored or cropped."
)
#: The refusal when the gate cannot tell what it was given (and every refusal of a gate without
#: the kinds head, such as 1.0.0).
NOT_FRONTAL = Reason(ReasonCode.NOT_FRONTAL_CXR, NOT_FRONTAL_REASON)


def load_view_gate_card(screening_card: ModelCard) -> ModelCard | None:
    """The gate's card named by the screening model's card (`view_gate`), or None without one.

    Raises:
        ModelCardError: the card names a gate whose card is missing or breaks the contract.
    """
    name = screening_card.raw.get("view_gate")
    if name is None:
        return None
    if not isinstance(name, str):
        raise ModelCardError(
            f"The model card's view_gate must name a card file. Received: {name!r}"
        )
    return load_model_card(screening_card.path.parent / name)


def refusal_probabilities(logits: np.ndarray) -> np.ndarray:
    """Softmax over the refusal kinds (the last axis), in float64: in float32 a sure kind rounds
    to exactly 1, and a `min_probability` of 1 would then name it."""
    logits = np.asarray(logits, dtype=np.float64)
    exponentials = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return exponentials / exponentials.sum(axis=-1, keepdims=True)


def refusal_kinds(card: ModelCard) -> tuple[tuple[str, ...], float]:
    """The refusal kinds the gate's card names, in its output order, and the probability needed
    to name one (no kinds for a gate without that head, such as 1.0.0).

    Raises:
        ModelCardError: a kind this version has no sentence for, or a malformed entry.
    """
    entry = card.raw.get("refusal_kinds")
    if entry is None:
        return (), 1.0
    names = entry.get("names") if isinstance(entry, dict) else None
    probability = entry.get("min_probability") if isinstance(entry, dict) else None
    if (
        not isinstance(names, list)
        or not names
        or any(name not in NAMED_REFUSALS for name in names)
        or len(set(names)) != len(names)
        or not isinstance(probability, int | float)
        or not 0 < probability <= 1
    ):
        raise ModelCardError(
            f"{card.path}: refusal_kinds must list kinds among {sorted(NAMED_REFUSALS)} once each, "
            f"with min_probability in (0, 1]. Received: {entry!r}"
        )
    return tuple(names), float(probability)


class ViewGate:
    """Scores how much an image looks like a frontal chest X-ray; one instance per thread.

    The score is the card's calibrated probability x 100; below the card's threshold the image is
    refused. Like the classifier, the model is loaded only after its sha256 matches the card.
    """

    def __init__(self, card: ModelCard, verified: bool = False):
        self.card = card
        self._model = load_for_card(card, verified=verified)
        self._kinds, self._min_probability = refusal_kinds(card)
        if len(self._kinds) != self._model.refusal_kinds:
            raise ModelCardError(
                f"{card.path}: the card names {len(self._kinds)} refusal kinds and the model "
                f"file has {self._model.refusal_kinds}"
            )

    def frontal_score(self, gray) -> float:
        """0-100: how much the 8-bit grayscale image looks like a usable frontal chest X-ray."""
        logit, _ = self._model.predict(prepare_image(gray, self.card.input_size, self.card.tone))
        return self.card.score(logit)

    def refusal(self, gray) -> Reason | None:
        """None when the 8-bit grayscale image may be judged; else why not: the kind the gate
        names where it can tell, else `NOT_FRONTAL`."""
        if self.frontal_score(gray) >= self.card.threshold:
            return None
        kind = self._named_kind()
        return NAMED_REFUSALS[kind] if kind else NOT_FRONTAL

    def _named_kind(self) -> str | None:
        """The most probable refusal kind of the image just scored, if probable enough."""
        logits = self._model.refusal_kind_logits()
        if logits is None:
            return None
        probabilities = refusal_probabilities(logits)
        best = int(probabilities.argmax())
        return self._kinds[best] if probabilities[best] >= self._min_probability else None

    def __call__(self, image: DecodedImage) -> Reason | None:
        """The quality-gate check: a reason (with its code) to refuse `image`, or None to let the
        model judge."""
        return self.refusal(image.pixels)
