"""The random tone curve (gamma) used in training: it moves mid-tones and nothing else."""

import numpy as np
import pytest

from training.augment import RandomGamma, build_augmenter

pytestmark = pytest.mark.slow  # imports TensorFlow


def grey_ramps(count: int = 8) -> np.ndarray:
    """`count` identical 0-255 horizontal ramps, shaped like a training batch."""
    return np.tile(np.linspace(0, 255, 32, dtype=np.float32), (count, 32, 1))[..., None]


def test_gamma_keeps_black_and_white_and_the_order_of_greys():
    curved = np.asarray(RandomGamma(0.35, seed=1)(grey_ramps(), training=True))
    assert curved[:, :, 0].max() < 0.01
    assert np.allclose(curved[:, :, -1], 255.0)
    assert np.all(np.diff(curved[:, 0, :, 0], axis=1) > 0)


def test_gamma_varies_per_image_within_its_range():
    ramps = grey_ramps(64)
    curved = np.asarray(RandomGamma(0.35, seed=1)(ramps, training=True))
    middle = curved[:, 0, 16, 0] / 255.0
    gammas = np.log(middle) / np.log(ramps[0, 0, 16, 0] / 255.0)
    assert gammas.min() >= np.exp(-0.35) - 1e-4
    assert gammas.max() <= np.exp(0.35) + 1e-4
    assert gammas.max() - gammas.min() > 0.3


def test_gamma_is_off_outside_training():
    ramps = grey_ramps()
    assert np.array_equal(np.asarray(RandomGamma(0.35, seed=1)(ramps, training=False)), ramps)


def test_the_augmenter_has_a_tone_curve_only_when_asked():
    with_gamma = build_augmenter(seed=1, gamma=0.35)
    without = build_augmenter(seed=1)
    assert any(isinstance(layer, RandomGamma) for layer in with_gamma.layers)
    assert not any(isinstance(layer, RandomGamma) for layer in without.layers)
