"""Does this film look like it comes from the population the model was validated on?

The screening model was trained and validated on children aged 1-5 from one hospital. On adults
its score carries no information (AUC 0.44 against NIH's labels, worse than chance: see the model
card, "Model 2"), and it calls almost every adult's normal film pneumonia. Most films in a general
clinic are adults', and most JPEGs carry no age. So when the patient's age is not known, this
check looks at the film itself: a logistic regression on the screening model's own input, averaged
over blocks of `pool` x `pool` pixels (the shipped check: 192 px in blocks of 6, 1,024 numbers).
A film it flags gets no score and no label (`core.screening`); where the age is known, the age
decides instead, and a film refused for want of an age is screened once one is typed.

The check's weights and threshold live in their own card (`population-check.json`, written by
`python -m training.population`), named by the screening model's card together with that card's
digest (`card_integrity.card_digest`): the screening card's own released digest covers the name
and the digest, so an edit of either card is refused, and the release version (the result cache's
key) changes whenever the check does. A plain dot product: no second network, no TensorFlow.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.card_integrity import card_digest
from core.errors import ModelCardError, ModelIntegrityError
from core.model_card import ModelCard
from core.patient import AgeRule, validated_ages_text
from core.preprocess import Tone, prepare_image
from core.reason_codes import Reason, ReasonCode
from core.result import ScreeningResult, Status

#: The screening card's field naming the check: {"card": file name, "digest": card_digest}.
CARD_FIELD = "population_check"


def pooled_input(
    gray: np.ndarray, input_size: int, pool: int, tone: Tone = Tone.STRETCH
) -> np.ndarray:
    """The screening model's input (`prepare_image`) averaged over `pool` x `pool` blocks,
    flattened, 0-1: the check's features. Training computes them with this same function."""
    return pooled_arrays(prepare_image(gray, input_size, tone)[None], pool)[0]


def pooled_arrays(images: np.ndarray, pool: int) -> np.ndarray:
    """`pooled_input` for a stack of already prepared model inputs (N x size x size uint8)."""
    n, height, width = images.shape
    blocks = images.reshape(n, height // pool, pool, width // pool, pool).astype(np.float64)
    return blocks.mean(axis=(2, 4)).reshape(n, -1) / 255.0


@dataclass(frozen=True)
class PopulationCheck:
    """A loaded check: `flags(gray)` is True for a film unlike the validated population."""

    version: str
    input_size: int
    pool: int
    weights: np.ndarray  # float64, one per pooled input
    bias: float
    threshold: float  # flag when score > threshold
    #: The pixels it was fitted on (`prepare_image`'s tone mapping). Its own, not necessarily the
    #: screening model's: on equalised inputs it refused more children (docs/model-card.md).
    tone: Tone = Tone.STRETCH

    def score(self, gray: np.ndarray) -> float:
        """How far the film looks from the validated children (higher: more like an adult's)."""
        return self.score_input(prepare_image(gray, self.input_size, self.tone))

    def score_input(self, model_input: np.ndarray) -> float:
        """`score` of a film already prepared for the screening model (`prepare_image` at
        `input_size`): the screener prepares it once for the check and the model."""
        return float(pooled_arrays(model_input[None], self.pool)[0] @ self.weights + self.bias)

    def flags(self, gray: np.ndarray) -> bool:
        return self.score(gray) > self.threshold

    def flags_input(self, model_input: np.ndarray) -> bool:
        return self.score_input(model_input) > self.threshold

    def flags_film(self, gray: np.ndarray, model_input: np.ndarray, model_tone: Tone) -> bool:
        """`flags(gray)`, reusing the screening model's prepared input where the check reads the
        same pixels (the same tone mapping), so that it then costs a dot product only."""
        if Tone(model_tone) is self.tone:
            return self.flags_input(model_input)
        return self.flags(gray)


def load_population_check(screening_card: ModelCard) -> PopulationCheck | None:
    """The check the screening card names (`population_check`), or None when it names none.

    Raises:
        ModelCardError: the named card is missing, does not parse, breaks the contract, or reads
            another input size than the screening model's (the two share one prepared input
            where they share a tone mapping).
        ModelIntegrityError: the card's digest is not the one the screening card records.
    """
    entry = screening_card.raw.get(CARD_FIELD)
    if entry is None:
        return None
    if not (isinstance(entry, dict) and set(entry) == {"card", "digest"}):
        raise ModelCardError(
            f'The model card\'s {CARD_FIELD} must be {{"card": file, "digest": sha256}}. '
            f"Received: {entry!r}"
        )
    path = screening_card.path.parent / str(entry["card"])
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelCardError(f"The population check's card {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise ModelCardError(f"The population check's card {path} is not a JSON object.")
    if card_digest(raw) != entry["digest"]:
        raise ModelIntegrityError(
            f"The population check's card {path} is not the one released with the model "
            "(its digest differs). Reinstall PneumoScreen."
        )
    check = _parsed(raw, path)
    if check.input_size != screening_card.input_size:
        raise ModelCardError(
            f"The population check's card {path} must read the screening model's input "
            f"({screening_card.input_size} px). Received: {check.input_size} px"
        )
    return check


def _parsed(raw: dict, path: Path) -> PopulationCheck:
    try:
        input_size, pool = int(raw["input_size"]), int(raw["pool"])
        weights = np.asarray(raw["weights"], dtype=np.float64)
        bias, threshold = float(raw["bias"]), float(raw["threshold"])
        version = str(raw["version"])
        tone = Tone(raw.get("tone", Tone.STRETCH))  # checks written before it were stretched
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelCardError(f"The population check's card {path} lacks a field: {exc}") from exc
    cells = (input_size // pool) ** 2 if pool > 0 and input_size % pool == 0 else -1
    if weights.shape != (cells,) or not np.all(np.isfinite(weights)):
        raise ModelCardError(
            f"The population check's card {path} must hold {max(cells, 0)} finite weights "
            f"for input_size {input_size} and pool {pool}. Received: {weights.shape[0]} values."
        )
    if not (math.isfinite(bias) and math.isfinite(threshold)):
        raise ModelCardError(
            f"The population check's card {path} has a bias or threshold "
            "that is not a finite number."
        )
    return PopulationCheck(version, input_size, pool, weights, bias, threshold, tone)


def refusal_reason(validated_ages: tuple[float, float] | None) -> Reason:
    """Why a flagged film got no score, naming the validated ages (the card's)."""
    if validated_ages is None:
        ages, child = "young children", "a young child"
    else:
        scope = validated_ages_text(validated_ages)
        ages, child = f"children aged {scope} years", f"a child of {scope} years"
    return Reason(
        ReasonCode.OUTSIDE_VALIDATED_POPULATION,
        f"This film looks like an adult's: the model was validated on {ages} only, so it was not "
        f"scored. If the patient is {child}, type the age in the patient's details in "
        "PneumoScreen's window: the film is then screened.",
    )


def waits_for_an_age(result: ScreeningResult) -> bool:
    """Refused by the check for want of an age: a typed age gets the film screened."""
    return (
        result.status is Status.REJECTED
        and result.reason_code is ReasonCode.OUTSIDE_VALIDATED_POPULATION
    )


def aged_since_refused(result: ScreeningResult) -> bool:
    """Refused by the check, and its patient's age typed since: to be screened with that age."""
    return waits_for_an_age(result) and result.patient_age_years is not None


def screens_again_for_typed_age(
    result: ScreeningResult, rule: AgeRule, reject_outside_validated: bool
) -> bool:
    """Whether the age just typed for `result` changes what the film should show, so that the
    window screens it again (a new row; `result` stays logged): a film refused for want of an age,
    or a scored film that the typed age refuses under `rule` (the card's ages) and the site's rule
    in force: an adult's, or one outside the validated ages where the site rejects those."""
    if aged_since_refused(result):
        return True
    refusal = rule.refusal(result.patient_age_years, reject_outside_validated)
    return result.status is Status.OK and refusal is not None
