"""Distillation targets (training.distil): a teacher's opinion blended with each film's label.

A distilled run must repeat without the teacher, so its targets come from a file of logits keyed
like split.json; a file made for other films must be refused, not silently half-applied.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from training.augment import MixupBatches
from training.data import LabeledImage
from training.distil import distilled_targets, read_teacher_logits

DATA = Path("/data")


def films() -> list[LabeledImage]:
    return [
        LabeledImage(DATA / "NORMAL" / "a.png", 0, "a"),
        LabeledImage(DATA / "PNEUMONIA" / "b.png", 1, "b"),
        LabeledImage(DATA / "PNEUMONIA" / "c.png", 1, "c"),
    ]


def teacher_file(tmp_path, logits: dict[str, float]) -> Path:
    path = tmp_path / "teacher.json"
    path.write_text(json.dumps({"about": "a test teacher", "logits": logits}))
    return path


def test_targets_blend_the_teachers_probability_with_the_label(tmp_path):
    """A pneumonia the teacher doubts (logit -2) gets a target far below 1; agreement stays near."""
    logits = {"NORMAL/a.png": -4.0, "PNEUMONIA/b.png": 4.0, "PNEUMONIA/c.png": -2.0}
    targets = distilled_targets(
        films(), DATA, read_teacher_logits(teacher_file(tmp_path, logits)), 0.5
    )
    sigmoid = 1 / (1 + np.exp(-np.array([-4.0, 4.0, -2.0])))
    assert np.allclose(targets, 0.5 * sigmoid + 0.5 * np.array([0, 1, 1]), atol=1e-6)
    assert targets.dtype == np.float32
    assert targets[2] < 0.6 < targets[1]


def test_weight_zero_gives_the_labels_and_one_the_teacher():
    logits = {"NORMAL/a.png": 3.0, "PNEUMONIA/b.png": 0.0, "PNEUMONIA/c.png": -3.0}
    assert np.array_equal(distilled_targets(films(), DATA, logits, 0.0), [0, 1, 1])
    teacher_only = distilled_targets(films(), DATA, logits, 1.0)
    assert np.allclose(teacher_only, 1 / (1 + np.exp(-np.array([3.0, 0.0, -3.0]))), atol=1e-6)


def test_a_teacher_file_for_other_films_is_refused_naming_a_missing_one():
    with pytest.raises(ValueError, match=r"PNEUMONIA/c\.png"):
        distilled_targets(films(), DATA, {"NORMAL/a.png": 0.0, "PNEUMONIA/b.png": 0.0}, 0.5)


def test_a_weight_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="teacher_weight"):
        distilled_targets(films(), DATA, {}, 1.5)


def test_batches_learn_the_soft_targets_and_weigh_classes_by_the_labels():
    """Without mixup or smoothing a batch's targets are the soft ones, its weights the labels'."""
    images = np.zeros((8, 4, 4), dtype=np.uint8)
    labels = np.array([0, 1, 1, 1, 0, 1, 1, 1], dtype=np.uint8)
    soft = np.linspace(0.1, 0.8, 8).astype(np.float32)
    plain = MixupBatches(images, labels, 8, 0.0, seed=1)
    distilled = MixupBatches(images, labels, 8, 0.0, seed=1, soft_targets=soft)
    _, plain_targets, plain_weights = plain[0]
    _, targets, weights = distilled[0]
    assert np.allclose(targets[:, 0], soft[distilled.order])
    assert np.array_equal(plain_targets[:, 0], labels[plain.order])
    assert np.array_equal(weights, plain_weights)
