"""Editing a copy of the shipped model cards, as a user with a text editor would, for tests.

`register_as_released` is the one explicit way past the card check (core.card_integrity): it
records an edited card as the release, for one test only, so that a test can see what else
notices the edit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_MODEL_DIR

MODEL_CARD, GATE_CARD = "model.json", "frontal-gate.json"
SHIPPED = {
    name: json.loads((SHIPPED_MODEL_DIR / name).read_text(encoding="utf-8"))
    for name in (MODEL_CARD, GATE_CARD)
}
DELETE = object()


def edit(folder: Path, card: str, field: str, value: object) -> Path:
    """Set (or with DELETE remove) the dotted `field` of `folder/card`, written as an editor
    would (indented JSON); returns the card's path."""
    path = folder / card
    raw = json.loads(path.read_text(encoding="utf-8"))
    *parents, key = field.split(".")
    node = raw
    for parent in parents:
        node = node[parent]
    if value is DELETE:
        del node[key]
    else:
        node[key] = value
    path.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return path


def register_as_released(monkeypatch: pytest.MonkeyPatch, card_path: Path) -> None:
    """Record `card_path`, as it is now, as the card released with its weights (this test only):
    the explicit way past the card check, to test what lies behind it."""
    from core import released_models
    from core.card_integrity import card_digest

    raw = json.loads(card_path.read_text(encoding="utf-8"))
    entry = {"card": card_path.name, "version": raw["version"], "digest": card_digest(raw)}
    monkeypatch.setitem(released_models.RELEASED_CARDS, raw["sha256"], entry)


def negated(card: str, field: str) -> float:
    section, key = field.split(".")
    return -SHIPPED[card][section][key]
