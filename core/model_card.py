"""The model card (`model.json`): what the app needs to know about the model, read from one place.

Input size, quantisation, output layout, calibration and threshold travel beside the weights, so no
constant about the model is scattered through the code. The settings are as protected as the
weights: a card edited after release is refused (`core/card_integrity.py`). What the app cannot
take from the card, the preprocessing it applies, the card must agree with: its tone mapping
(`preprocessing.tone`, one of `core.preprocess.Tone`; a card without it was stretched) and, for the
stretch, its percentiles are recorded as data and checked against `core.preprocess`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from core.card_integrity import verify_released
from core.errors import ModelCardError, ModelIntegrityError
from core.patient import AgeRule
from core.preprocess import STRETCH_PERCENTILES, Tone

CARD_FORMAT_VERSION = 1


def platt_probability(a: float, b: float, logit: float) -> float:
    """Platt scaling, `1 / (1 + exp(-(a * logit + b)))`, without overflow for any logit.

    One function for the app and for `training.release`, which must score test-dev exactly as
    the app will to choose the card's threshold.
    """
    z = a * logit + b
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@dataclass(frozen=True)
class ModelCard:
    """The parts of `model.json` the app acts on; `raw` keeps the whole card for display."""

    path: Path
    name: str
    version: str
    model_file: Path
    sha256: str
    input_size: int
    calibration_a: float
    calibration_b: float
    threshold: float  # on the 0-100 score scale
    raw: dict[str, Any]
    #: The ages, in whole years, the model was validated on ([1, 5]: children aged 1 to 5); a
    #: film of a patient outside them is marked (`core.patient.age_warning`). None: not stated.
    validated_ages_years: tuple[float, float] | None = None
    #: From this age in years a patient is an adult, on whose films the score was measured to
    #: carry no information: such a film gets no score (`core.patient.adult_reason`). None: the
    #: card says nothing of adults.
    adult_from_age_years: float | None = None
    #: How `core.preprocess.prepare_image` maps the film's grey levels for this model.
    tone: Tone = Tone.STRETCH

    @property
    def age_rule(self) -> AgeRule:
        """Which known ages this card's model may not score (with the site's rule)."""
        return AgeRule(self.adult_from_age_years, self.validated_ages_years)

    def probability(self, logit: float) -> float:
        """Calibrated probability of pneumonia for a raw model logit (Platt scaling)."""
        return platt_probability(self.calibration_a, self.calibration_b, logit)

    def score(self, logit: float) -> float:
        """The 0-100 pneumonia score shown to users: the calibrated probability x 100."""
        return 100.0 * self.probability(logit)

    def verify_model_file(self) -> None:
        """Refuse a model that is not the one released: its file's sha256 differs from the
        card's, or the card's settings differ from the ones released with that file
        (`core.card_integrity.verify_released`). Called before anything is screened.

        Raises:
            ModelIntegrityError: the file is missing or its bytes are not the ones the card names,
                or the card was edited after release; the message names the file.
        """
        try:
            digest = hashlib.sha256(self.model_file.read_bytes()).hexdigest()
        except OSError as exc:
            raise ModelIntegrityError(
                f"Cannot read the model file {self.model_file}: {exc}"
            ) from exc
        if digest != self.sha256:
            raise ModelIntegrityError(
                f"The model file {self.model_file} does not match its model card: sha256 is "
                f"{digest}, the card expects {self.sha256}. Reinstall PneumoScreen."
            )
        verify_released(self)


def load_model_card(card_path: Path) -> ModelCard:
    """Parse and check `model.json`.

    Raises:
        ModelCardError: the card is unreadable, not JSON, or breaks the contract: a field is
            missing or of the wrong type, the sha256 is not 64 hex digits, the model file is not
            a file name beside the card, the input is not [1, N, N, 1], the calibration is not
            finite, the threshold lies outside 0-100, or the tone mapping the model was prepared
            with (`preprocessing.tone`, and for the stretch `preprocessing.stretch_percentiles`)
            is not one this app applies.
    """
    card_path = Path(card_path)
    try:
        raw = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelCardError(f"Cannot read the model card {card_path}: {exc}") from exc
    fields = _CardFields(raw, card_path)
    version = fields.get("format_version", int)
    if version != CARD_FORMAT_VERSION:
        raise ModelCardError(
            f"Model card format {version!r} is not supported; this app reads format "
            f"{CARD_FORMAT_VERSION}. Received: {card_path}"
        )
    file_name = fields.text("file")
    if Path(file_name).name != file_name or file_name in (".", ".."):
        fields.refuse("file", "must be the name of a file beside the card", file_name)
    sha256 = fields.text("sha256")
    if not _SHA256.fullmatch(sha256):
        fields.refuse("sha256", "must be 64 lowercase hexadecimal digits", sha256)
    shape = fields.get("input.shape", list)
    if not _is_one_square_gray_image(shape):
        fields.refuse("input.shape", "must be [1, size, size, 1]", shape)
    threshold = fields.number("threshold.score")
    if not 0 <= threshold <= 100:
        fields.refuse("threshold.score", "must lie in 0-100 (a score)", threshold)
    tone = _tone(fields)
    validated = _validated_ages(fields) if "validated_ages_years" in raw else None
    return ModelCard(
        path=card_path,
        name=fields.text("name"),
        version=fields.text("version"),
        model_file=card_path.parent / file_name,
        sha256=sha256,
        input_size=int(shape[1]),
        calibration_a=fields.number("calibration.a"),
        calibration_b=fields.number("calibration.b"),
        threshold=threshold,
        raw=raw,
        validated_ages_years=validated,
        adult_from_age_years=_adult_age(fields, validated)
        if "adult_from_age_years" in raw
        else None,
        tone=tone,
    )


def _validated_ages(fields: _CardFields) -> tuple[float, float]:
    """`validated_ages_years`: [youngest, oldest] in years, 0 <= youngest <= oldest."""
    ages = fields.get("validated_ages_years", list)
    numbers = [a for a in ages if isinstance(a, int | float) and not isinstance(a, bool)]
    if len(ages) != 2 or len(numbers) != 2 or not 0 <= numbers[0] <= numbers[1] <= 130:
        fields.refuse("validated_ages_years", "must be [youngest, oldest] in years", ages)
    return float(numbers[0]), float(numbers[1])


def _adult_age(fields: _CardFields, validated: tuple[float, float] | None) -> float:
    """`adult_from_age_years`: years, above the oldest validated age where those are stated."""
    age = fields.number("adult_from_age_years")
    oldest = validated[1] if validated is not None else 0.0
    if not oldest < age <= 130:
        fields.refuse("adult_from_age_years", "must be years above the validated ages", age)
    return age


def _tone(fields: _CardFields) -> Tone:
    """`preprocessing.tone`, a `Tone` value; cards written before it existed were stretched."""
    recorded = fields.get("preprocessing.tone", str) if fields.has("preprocessing.tone") else None
    if recorded is None:
        tone = Tone.STRETCH
    elif recorded in {t.value for t in Tone}:
        tone = Tone(recorded)
    else:
        fields.refuse(
            "preprocessing.tone",
            f"must be one of {[t.value for t in Tone]}, the tone mappings this version of "
            "PneumoScreen applies; the model was prepared for other pixels",
            recorded,
        )
    if tone is Tone.STRETCH:
        _check_stretch_percentiles(fields)
    return tone


def _check_stretch_percentiles(fields: _CardFields) -> None:
    """`preprocessing.stretch_percentiles` must be `STRETCH_PERCENTILES`: `prepare_image` stretches
    between those, and a model prepared with another stretch would be shown pixels unlike the ones
    it learnt from, its scores meaning nothing. The card cannot change the stretch, so it must say
    it agrees."""
    recorded = fields.get("preprocessing.stretch_percentiles", object)
    if recorded != list(STRETCH_PERCENTILES):
        fields.refuse(
            "preprocessing.stretch_percentiles",
            f"must be {list(STRETCH_PERCENTILES)}, the contrast stretch this version of "
            "PneumoScreen applies; the model was prepared for other pixels",
            recorded,
        )


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_one_square_gray_image(shape: list) -> bool:
    """[1, size, size, 1]: a batch of one square, single-channel image."""
    if len(shape) != 4 or not all(map(_is_int, shape)):
        return False
    return shape[0] == shape[3] == 1 and shape[1] == shape[2] > 0


_MISSING = object()


class _CardFields:
    """Typed access to the card's fields by dotted name; any breach raises `ModelCardError`."""

    def __init__(self, raw: object, path: Path) -> None:
        self.raw = raw
        self.path = path

    def has(self, name: str) -> bool:
        return self._find(name) is not _MISSING

    def get(self, name: str, kind: type) -> Any:
        value = self._find(name)
        if value is _MISSING:
            raise ModelCardError(
                f"The model card {self.path} does not follow the contract: {name} is missing."
            )
        if not isinstance(value, kind) or (kind is int and not _is_int(value)):
            self.refuse(name, f"must be of type {kind.__name__}", value)
        return value

    def _find(self, name: str) -> Any:
        """The dotted field's value, or `_MISSING`."""
        value = self.raw
        for key in name.split("."):
            if not isinstance(value, dict) or key not in value:
                return _MISSING
            value = value[key]
        return value

    def text(self, name: str) -> str:
        value = self.get(name, str)
        if not value.strip():
            self.refuse(name, "must not be empty", value)
        return value

    def number(self, name: str) -> float:
        value = self.get(name, object)
        if not (isinstance(value, int | float) and not isinstance(value, bool)):
            self.refuse(name, "must be a number", value)
        if not math.isfinite(value):
            self.refuse(name, "must be finite", value)
        return float(value)

    def refuse(self, name: str, rule: str, value: object) -> NoReturn:
        raise ModelCardError(
            f"The model card {self.path} does not follow the contract: {name} {rule}. "
            f"Received: {value!r}"
        )
