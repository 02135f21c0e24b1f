"""Distillation targets: a larger teacher's opinion of each training film, blended with its label.

A teacher too large to ship (run L: a ResNet trained on a GPU) can still pass on what it learnt:
the student is trained towards `weight * sigmoid(teacher logit) + (1 - weight) * label` instead of
the bare label. The teacher's logits are out-of-fold (each film scored by teachers that never saw
it), so a film that looks unlike its label gets a softer target. The logits live in a JSON file
beside the run's other records (`TrainConfig.teacher_scores`), keyed like `split.json`, so a
distilled run repeats on a 2-core CPU without the teacher.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from training.data import LabeledImage


def read_teacher_logits(path: Path) -> dict[str, float]:
    """The `logits` of a teacher-scores file: {film path relative to the data folder: logit}."""
    record = json.loads(Path(path).read_text())
    return {str(name): float(logit) for name, logit in record["logits"].items()}


def distilled_targets(
    items: list[LabeledImage], data_dir: Path, logits: dict[str, float], weight: float
) -> np.ndarray:
    """Each item's target (float32): `weight` of the teacher's probability, the rest its label.

    Raises:
        ValueError: if a film has no teacher logit (a teacher fitted on another film list), or
            `weight` is outside 0-1.
    """
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"teacher_weight must be between 0 and 1. Received: {weight}")
    names = [str(item.path.relative_to(data_dir)) for item in items]
    missing = [name for name in names if name not in logits]
    if missing:
        raise ValueError(
            f"The teacher scores name {len(logits)} films but not {len(missing)} of the training "
            f"films, e.g. {missing[0]!r}: they were made for another film list."
        )
    teacher = 1.0 / (1.0 + np.exp(-np.array([logits[name] for name in names], dtype=np.float64)))
    labels = np.array([item.label for item in items], dtype=np.float64)
    return (weight * teacher + (1.0 - weight) * labels).astype(np.float32)
