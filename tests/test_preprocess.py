"""The one preprocessing function: any 8-bit grayscale image becomes a square model input."""

import numpy as np
import pytest

from core.preprocess import prepare_image


def test_any_size_becomes_the_requested_square_of_uint8():
    wide = np.random.default_rng(0).integers(0, 256, (300, 500), dtype=np.uint8)
    out = prepare_image(wide, 192)
    assert out.shape == (192, 192)
    assert out.dtype == np.uint8


def test_contrast_is_stretched_to_the_full_range():
    dim = np.tile(np.linspace(100, 140, 256).astype(np.uint8), (256, 1))
    out = prepare_image(dim, 64)
    assert out.min() == 0
    assert out.max() == 255


def test_exposure_differences_are_removed():
    rng = np.random.default_rng(1)
    scene = rng.integers(0, 200, (128, 128)).astype(np.float32)
    dark = (scene * 0.5 + 10).astype(np.uint8)
    bright = (scene * 1.0 + 40).astype(np.uint8)
    difference = np.abs(prepare_image(dark, 64).astype(int) - prepare_image(bright, 64).astype(int))
    assert difference.mean() < 3


def test_a_uniform_image_is_left_uniform_not_divided_by_zero():
    out = prepare_image(np.full((50, 80), 77, np.uint8), 32)
    assert np.all(out == 77)


@pytest.mark.parametrize(
    "bad", [np.zeros((10, 10, 3), np.uint8), np.zeros((10, 10), np.float32), np.zeros(10, np.uint8)]
)
def test_refuses_what_is_not_a_2d_uint8_image(bad):
    with pytest.raises(ValueError, match="Received"):
        prepare_image(bad, 32)
