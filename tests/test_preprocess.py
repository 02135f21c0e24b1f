"""The one preprocessing function: any 8-bit grayscale image becomes a square model input, its
grey levels mapped by the model's tone mapping (a stretch, or histogram equalisation)."""

import numpy as np
import pytest

from core.preprocess import Tone, prepare_image


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


def distinct_levels_scene() -> np.ndarray:
    """64 x 64 pixels over 64 distinct grey levels, 4 apart: tone changes keep them distinct."""
    rng = np.random.default_rng(2)
    return (rng.integers(0, 64, (64, 64)) * 4).astype(np.uint8)


@pytest.mark.parametrize(
    "change",
    [
        lambda x: x * 0.5 + 10,  # under-exposed
        lambda x: x * 0.7 + 70,  # over-exposed, flat
        lambda x: 255 * (x / 255) ** 0.6,  # another detector's gamma
        lambda x: 255 * (x / 255) ** 1.3,
    ],
)
def test_equalisation_gives_one_input_for_any_change_of_tone(change):
    scene = distinct_levels_scene()
    changed = np.rint(change(scene.astype(np.float64))).astype(np.uint8)
    assert len(np.unique(changed)) == len(np.unique(scene))  # the change kept every level
    equalised = prepare_image(scene, 64, Tone.EQUALISE)
    assert np.array_equal(prepare_image(changed, 64, Tone.EQUALISE), equalised)


def test_equalisation_spreads_the_levels_evenly_and_sends_a_flat_image_to_mid_grey():
    dark = (distinct_levels_scene() // 8).astype(np.uint8)
    equalised = prepare_image(dark, 64, Tone.EQUALISE)
    assert abs(float(equalised.mean()) - 127.5) < 3
    assert equalised.min() < 5 and equalised.max() > 250
    assert np.all(prepare_image(np.full((50, 80), 77, np.uint8), 32, Tone.EQUALISE) == 128)


def test_a_gamma_changes_the_stretched_input_but_not_the_equalised_one():
    scene = distinct_levels_scene()
    gamma = np.rint(255 * (scene / 255) ** 0.6).astype(np.uint8)
    assert np.abs(prepare_image(gamma, 64).astype(int) - prepare_image(scene, 64)).mean() > 10
    assert np.array_equal(
        prepare_image(gamma, 64, Tone.EQUALISE), prepare_image(scene, 64, "histogram-equalisation")
    )


def test_the_stretch_stays_the_default_every_card_before_the_tone_field_was_made_for():
    wide = np.random.default_rng(0).integers(0, 200, (300, 500), dtype=np.uint8)
    assert np.array_equal(prepare_image(wide, 64), prepare_image(wide, 64, Tone.STRETCH))
    assert not np.array_equal(prepare_image(wide, 64), prepare_image(wide, 64, Tone.EQUALISE))
