"""A released model card is verified like the weights: its settings cannot be edited.

The sha256 of each `.tflite` file is in its card, so altered weights are refused. But the card is
a plain JSON file beside them: edit its threshold, calibration, input size, preprocessing or the
gate it names, and the same weights would make other decisions. So the digest of every released
card (`card_digest`: the sha256 of its canonical JSON) is recorded in the Python package, in
`core/released_models.py`, keyed by the sha256 of the weights it was released with. A check kept
in the file an editor changes would prove nothing; the package is compiled into the bundle's
archive, out of reach of an edit to `resources/`, and is replaced only by installing a release.

`core/released_models.py` is written by `python -m training register` (and by every training
command that writes a model into `resources/model/`), never by hand: see `released_models_source`.
A threshold set by a clinic will live in a site profile, never in the card.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import released_models
from core.errors import ModelIntegrityError
from core.paths import resources_dir

if TYPE_CHECKING:
    from core.model_card import ModelCard

#: The only fields the digest leaves out: when the card was made. They differ on every training
#: run and decide nothing. Every other field is covered, so a field added to the card later is
#: protected without anyone having to remember it (a list of "decision fields" would rot).
UNCOVERED_FIELDS = frozenset({"created", "training_seconds"})

#: Hex digits of the release digest in `release_version` (the CSV's `model_version`).
VERSION_DIGITS = 8


def card_digest(raw: dict[str, Any]) -> str:
    """sha256 of the card's canonical JSON (sorted keys, no spaces), `UNCOVERED_FIELDS` left out.

    Canonical, not the file's bytes: re-indenting the card or a checkout that turns line ends
    into CRLF changes no setting and must not be refused.
    """
    covered = {key: value for key, value in raw.items() if key not in UNCOVERED_FIELDS}
    canonical = json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def verify_released(card: ModelCard) -> None:
    """Refuse a card whose settings are not the ones its weights were released with.

    A card for released weights (`released_models.RELEASED_CARDS` has their sha256) must have
    the released digest, wherever it lies. A card for weights never released is refused in the
    installation (`resources/`), where the app reads its model; elsewhere (a training run, a
    benchmark candidate) it is a development model with nothing to compare it with, verified by
    its file's sha256 alone.

    Raises:
        ModelIntegrityError: the card was edited, or names weights PneumoScreen was not
            released with; the message names the card's file.
    """
    released = released_models.RELEASED_CARDS.get(card.sha256)
    if released is None:
        if _in_installation(card.path):
            raise ModelIntegrityError(
                f"The model card {card.path} names a model PneumoScreen was not released with "
                f"(sha256 {card.sha256}). Reinstall PneumoScreen."
            )
        return
    if card_digest(card.raw) != released["digest"]:
        raise ModelIntegrityError(
            f"The model card {card.path} was edited after release: its settings (threshold, "
            "calibration, input, preprocessing or the models it names) differ from those of the "
            f"released card ({released['card']}, version {released['version']}). Reinstall "
            "PneumoScreen."
        )


def release_version(card: ModelCard, gate_card: ModelCard | None) -> str:
    """The `model_version` logged with each result: the card's version and a digest of both
    cards, e.g. `1.2.0+3f9a1c0e`.

    Both card digests cover their weights' sha256 and every setting, so the version (and with it
    the result cache's key) changes whenever weights or settings change, of either model.
    """
    digest = hashlib.sha256(card_digest(card.raw).encode("ascii"))
    digest.update(b"no view gate" if gate_card is None else card_digest(gate_card.raw).encode())
    return f"{card.version}+{digest.hexdigest()[:VERSION_DIGITS]}"


def released_models_source(cards: list[tuple[str, dict[str, Any]]]) -> str:
    """The text of `core/released_models.py` for `cards`, (file name, parsed card) pairs.

    Deterministic (sorted, no timestamps), so retraining the same model reproduces the file byte
    for byte.
    """
    entries = "".join(
        f'    "{raw["sha256"]}": {{\n'
        f'        "card": {json.dumps(name)},\n'
        f'        "version": {json.dumps(raw["version"])},\n'
        f'        "digest": "{card_digest(raw)}",\n'
        "    },\n"
        for name, raw in sorted(cards, key=lambda card: card[1]["sha256"])
    )
    return _SOURCE_TEMPLATE.format(entries=entries)


def write_released_models(model_dir: Path, module: Path | None = None) -> Path:
    """Record the cards in `model_dir` (`model.json` and the gate card it names) as the release.

    Writes `core/released_models.py` (or `module`); returns its path. Called by the training
    commands that write the shipped model, and by `python -m training register`.
    """
    model_dir = Path(model_dir)
    screening = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
    cards = [("model.json", screening)]
    gate_name = screening.get("view_gate")
    if gate_name is not None:
        cards.append((gate_name, json.loads((model_dir / gate_name).read_text(encoding="utf-8"))))
    module = module or Path(released_models.__file__)
    module.write_text(released_models_source(cards), encoding="utf-8")
    return module


def _in_installation(card_path: Path) -> bool:
    return Path(card_path).resolve().is_relative_to(resources_dir().resolve())


_SOURCE_TEMPLATE = '''\
"""The model cards PneumoScreen is released with; the app checks its cards against them.

Written by `python -m training register`, and by every training command that writes a model into
`resources/model/`; never edit it by hand. Each entry: the sha256 of a `.tflite` file -> the card
released with it and that card's digest (`core.card_integrity.card_digest`).
"""

RELEASED_CARDS: dict[str, dict[str, str]] = {{
{entries}}}
'''
