"""The training-only blurs: they change fine detail and nothing else, and only in training.

The random blur acts on every film; the softening of normal films acts on normals only, so that
softness stops telling the classes apart.
"""

import numpy as np
import pytest

from training.augment import MixupBatches, RandomBlur, build_augmenter, soften_normal_films

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


def test_softening_blurs_some_normal_films_and_never_a_pneumonia():
    films = noise_films()
    labels = np.array([0.0, 1.0] * 32, dtype=np.float32)
    softened = soften_normal_films(films, labels, 0.5, np.random.default_rng(0))
    ratio = fine_detail(softened) / fine_detail(films)
    assert np.array_equal(softened[labels == 1], films[labels == 1])
    normals = ratio[labels == 0]
    assert (normals == 1.0).sum() > 5  # about half left alone
    assert normals.min() < 0.5  # strength near 1 keeps well under half the detail
    assert normals.max() <= 1.0  # softened, never sharpened


def test_softening_keeps_flat_grey_and_leaves_its_input_alone():
    flat = np.full((4, 32, 32, 1), 77.0, dtype=np.float32)
    assert np.allclose(soften_normal_films(flat, np.zeros(4), 1.0, np.random.default_rng(0)), 77.0)
    films = noise_films(8)
    before = films.copy()
    soften_normal_films(films, np.zeros(8), 1.0, np.random.default_rng(0))
    assert np.array_equal(films, before)


def batches(**softening: float) -> MixupBatches:
    """Batches of 40 noise films, one normal in four, with mixup and label smoothing."""
    films = noise_films(40)[..., 0]
    labels = np.array([0, 1, 1, 1] * 10, dtype=np.uint8)
    return MixupBatches(films, labels, 16, 0.2, seed=3, label_smoothing=0.05, **softening)


def test_softening_off_gives_the_same_batches_as_before_it_existed():
    """`make model` must give the shipped bytes: with softening off no batch may change."""
    plain, off = batches(), batches(soften_normals=0.0)
    for index in range(len(plain)):
        for a, b in zip(plain[index], off[index], strict=True):
            assert np.array_equal(a, b)


def test_softening_changes_only_the_images_of_a_batch():
    """Order, mixup and targets are drawn as without it: a run differs by the softening only."""
    images_plain, targets_plain, weights_plain = batches()[0]
    images_soft, targets_soft, weights_soft = batches(soften_normals=1.0)[0]
    assert np.array_equal(targets_plain, targets_soft)
    assert np.array_equal(weights_plain, weights_soft)
    assert not np.array_equal(images_plain, images_soft)
