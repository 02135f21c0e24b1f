"""The model card (`model.json`): what the app needs to know about the model, read from one place.

Input size, quantisation, output layout, calibration and threshold travel beside the weights, so no
constant about the model is scattered through the code.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ModelCardError, ModelIntegrityError

CARD_FORMAT_VERSION = 1


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

    def probability(self, logit: float) -> float:
        """Calibrated probability of pneumonia for a raw model logit (Platt scaling)."""
        z = self.calibration_a * logit + self.calibration_b
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def score(self, logit: float) -> float:
        """The 0-100 pneumonia score shown to users: the calibrated probability x 100."""
        return 100.0 * self.probability(logit)

    def verify_model_file(self) -> None:
        """Refuse a model file whose sha256 differs from the card's.

        Raises:
            ModelIntegrityError: the file is missing or its bytes are not the ones the card names.
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


def load_model_card(card_path: Path) -> ModelCard:
    """Parse and check `model.json`.

    Raises:
        ModelCardError: the card is unreadable, not JSON, or lacks a field of the contract.
    """
    card_path = Path(card_path)
    try:
        raw = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelCardError(f"Cannot read the model card {card_path}: {exc}") from exc
    try:
        if raw["format_version"] != CARD_FORMAT_VERSION:
            raise ModelCardError(
                f"Model card format {raw['format_version']!r} is not supported; this app reads "
                f"format {CARD_FORMAT_VERSION}. Received: {card_path}"
            )
        return ModelCard(
            path=card_path,
            name=str(raw["name"]),
            version=str(raw["version"]),
            model_file=card_path.parent / raw["file"],
            sha256=str(raw["sha256"]),
            input_size=int(raw["input"]["shape"][1]),
            calibration_a=float(raw["calibration"]["a"]),
            calibration_b=float(raw["calibration"]["b"]),
            threshold=float(raw["threshold"]["score"]),
            raw=raw,
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelCardError(
            f"The model card {card_path} does not follow the contract: missing or invalid {exc!s}"
        ) from exc
