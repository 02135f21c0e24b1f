"""Training-only intensity augmentations: the random tone curve (gamma) moves mid-tones and
nothing else; the random blur changes fine detail and nothing else."""

import numpy as np
import pytest

from training.augment import RandomBlur, RandomGamma, build_augmenter

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


def noise_films(count: int = 64) -> np.ndarray:
    """`count` random 0-255 images full of fine detail, shaped like a training batch."""
    rng = np.random.default_rng(0)
    return np.clip(rng.normal(128, 40, (count, 48, 48, 1)), 0, 255).astype(np.float32)


def fine_detail(images: np.ndarray) -> np.ndarray:
    """Mean |Laplacian| of each image: what blurring lowers and sharpening raises."""
    x = images[..., 0]
    centre = x[:, 1:-1, 1:-1]
    neighbours = x[:, :-2, 1:-1] + x[:, 2:, 1:-1] + x[:, 1:-1, :-2] + x[:, 1:-1, 2:]
    return np.abs(4 * centre - neighbours).mean(axis=(1, 2))


def test_blur_softens_some_films_and_sharpens_others():
    films = noise_films()
    ratio = fine_detail(np.asarray(RandomBlur(1.0, seed=1)(films, training=True))) / fine_detail(
        films
    )
    assert ratio.min() < 0.5
    assert ratio.max() > 1.2
    assert ((ratio > 0.9) & (ratio < 1.1)).any()


def test_blur_keeps_flat_grey_and_the_pixel_range():
    flat = np.full((4, 32, 32, 1), 77.0, dtype=np.float32)
    assert np.allclose(np.asarray(RandomBlur(1.0, seed=1)(flat, training=True)), 77.0)
    changed = np.asarray(RandomBlur(1.0, seed=1)(noise_films(), training=True))
    assert changed.min() >= 0.0
    assert changed.max() <= 255.0


def test_blur_is_off_outside_training():
    films = noise_films(4)
    assert np.array_equal(np.asarray(RandomBlur(1.0, seed=1)(films, training=False)), films)


def test_the_augmenter_blurs_only_when_asked():
    assert any(isinstance(layer, RandomBlur) for layer in build_augmenter(seed=1, blur=1.0).layers)
    assert not any(isinstance(layer, RandomBlur) for layer in build_augmenter(seed=1).layers)
