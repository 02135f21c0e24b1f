"""The training-only random blur: it changes fine detail and nothing else, and only in training."""

import numpy as np
import pytest

from training.augment import RandomBlur, build_augmenter

pytestmark = pytest.mark.slow  # imports TensorFlow


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
