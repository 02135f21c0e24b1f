"""The view gate: does this image show what the screening model may judge, a frontal chest X-ray?

The screening model has only seen frontal chest radiographs; shown a photo, a document, a CT slice
or a side view it would still answer with a confident-looking score. The gate is a second, much
smaller int8 network beside it (`frontal-gate.tflite`, trained by `python -m training gate`) that
scores how much an image looks like a usable frontal chest X-ray. Its file follows the same model
card contract as the screening model (sha256, input, calibration, threshold), and the screening
model's card names it under `view_gate`, so the two always travel and are verified together;
the gate's card is checked against the release like the model's (`core/card_integrity.py`), so
its threshold cannot be edited either.
"""

from __future__ import annotations

from core.decoded import DecodedImage
from core.errors import ModelCardError
from core.litert_model import load_for_card
from core.model_card import ModelCard, load_model_card
from core.preprocess import prepare_image

NOT_FRONTAL_REASON = (
    "This does not look like a frontal chest X-ray, so it was not scored. Only front-to-back or "
    "back-to-front chest X-rays can be screened: not photos, documents, screenshots, CT slices, "
    "side views, or X-rays that are inverted, turned, mirrored or cropped."
)


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


class ViewGate:
    """Scores how much an image looks like a frontal chest X-ray; one instance per thread.

    The score is the card's calibrated probability x 100; below the card's threshold the image is
    refused. Like the classifier, the model is loaded only after its sha256 matches the card.
    """

    def __init__(self, card: ModelCard, verified: bool = False):
        self.card = card
        self._model = load_for_card(card, verified=verified)

    def frontal_score(self, gray) -> float:
        """0-100: how much the 8-bit grayscale image looks like a usable frontal chest X-ray."""
        logit, _ = self._model.predict(prepare_image(gray, self.card.input_size))
        return self.card.score(logit)

    def __call__(self, image: DecodedImage) -> str | None:
        """The quality-gate check: a reason to refuse `image`, or None to let the model judge."""
        if self.frontal_score(image.pixels) < self.card.threshold:
            return NOT_FRONTAL_REASON
        return None
