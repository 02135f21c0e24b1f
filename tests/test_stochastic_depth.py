"""Stochastic depth (`build_compact(drop_path=...)`): a training-time regulariser that leaves the
network the app runs unchanged."""

import keras
import numpy as np
import pytest

from training.models import DropPath, build_compact

pytestmark = pytest.mark.slow  # imports TensorFlow


def test_drop_path_drops_whole_images_at_its_rate_and_rescales_the_rest():
    branch = np.ones((2000, 2, 2, 3), dtype=np.float32)
    dropped = np.asarray(DropPath(0.25, seed=1)(branch, training=True))
    per_image = dropped.reshape(len(branch), -1)
    assert np.all(per_image == per_image[:, :1])  # an image's branch is kept or dropped whole
    assert np.allclose(np.unique(per_image), [0.0, 1.0 / 0.75])
    assert 0.22 < np.mean(per_image[:, 0] == 0.0) < 0.28


def test_drop_path_passes_the_branch_through_outside_training():
    branch = np.random.default_rng(0).normal(size=(4, 3, 3, 8)).astype(np.float32)
    assert np.array_equal(np.asarray(DropPath(0.5, seed=1)(branch, training=False)), branch)


def test_a_compact_model_with_stochastic_depth_is_the_same_network_at_inference(tmp_path):
    plain = build_compact(input_size=64)
    deep_dropped = build_compact(input_size=64, drop_path=0.2)
    assert deep_dropped.count_params() == plain.count_params()
    deep_dropped.set_weights(plain.get_weights())
    images = np.random.default_rng(0).uniform(0, 255, (3, 64, 64, 1)).astype(np.float32)
    expected = np.asarray(plain(images, training=False))
    assert np.allclose(np.asarray(deep_dropped(images, training=False)), expected, atol=1e-5)

    deep_dropped.save(tmp_path / "model.keras")
    reloaded = keras.models.load_model(tmp_path / "model.keras", compile=False)
    assert np.allclose(np.asarray(reloaded(images, training=False)), expected, atol=1e-5)
    rates = [layer.rate for layer in reloaded.layers if isinstance(layer, DropPath)]
    assert rates == sorted(rates)
    assert rates[-1] == pytest.approx(0.2)
