"""Damaged pixels are never scored (issue 14, section 6): a JPEG whose compressed data is
damaged inside is an error, not a garbled picture to score; a float image holding NaN or
infinity is an error with a true reason, not "blank", and prints no numpy warnings.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.decoded import NON_FINITE_REASON
from core.errors import UnreadableImage
from core.image_reader import decode_image, read_image
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import Screener
from corpora.bad_inputs import encoded, float_tiff_with, jpeg_with_garbled_lower_half, load_xray
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture(scope="module")
def xray(shared_data) -> np.ndarray:
    return load_xray(shared_data)


def screened(files: list[Path], folder: Path) -> list[tuple[str, str]]:
    with ResultLog(folder / "log.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        return [(str(o.result.status), o.result.reason) for o in screener.screen(files)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_jpeg_garbled_in_its_lower_half_is_an_error_and_the_intact_file_is_scored(
    tmp_path, xray, seed
):
    intact, garbled = tmp_path / "intact.jpg", tmp_path / "garbled.jpg"
    intact.write_bytes(encoded(xray, "JPEG", quality=90))
    garbled.write_bytes(jpeg_with_garbled_lower_half(xray, seed))
    with Image.open(garbled) as image:  # Pillow decodes it without a word
        image.load()

    (intact_status, _), (status, reason) = screened([intact, garbled], tmp_path)

    assert intact_status == "ok"
    assert (status, reason) == (
        "error",
        "garbled.jpg could not be read: the JPEG data is damaged or incomplete.",
    )


def test_a_colour_jpeg_with_extraneous_bytes_inside_is_refused_as_damaged(tmp_path, xray):
    colour = np.stack([xray, xray, 255 - xray], axis=-1)
    whole = encoded(colour, "JPEG", quality=90)
    sos = whole.rfind(b"\xff\xda")
    middle = sos + (len(whole) - sos) // 2
    damaged = whole[:middle] + b"\xff\xd0" + whole[middle:]  # a restart marker out of place
    path = tmp_path / "colour.jpg"
    path.write_bytes(damaged)

    with pytest.raises(UnreadableImage) as caught:
        read_image(path)

    assert "damaged" in caught.value.reason


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_float_tiff_with_nan_or_infinity_is_an_error_with_a_true_reason(tmp_path, xray, value):
    path = tmp_path / "float.tif"
    path.write_bytes(float_tiff_with(xray, value))

    ((status, reason),) = screened([path], tmp_path)

    assert (status, reason) == ("error", f"float.tif could not be read: {NON_FINITE_REASON}.")
    assert NON_FINITE_REASON == "the image holds invalid pixel values (not-a-number or infinity)"


def test_reading_a_float_tiff_with_nan_raises_no_numpy_warning(xray):
    data = float_tiff_with(xray, float("nan"))

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning would surface as an exception
        with pytest.raises(UnreadableImage) as caught:
            decode_image(data, Path("float.tif"), None)

    assert caught.value.reason == NON_FINITE_REASON


def test_a_finite_float_tiff_is_stretched_from_its_darkest_to_its_brightest(xray):
    values = xray.astype(np.float32) * 0.5 - 20.0  # -20 .. 107.5
    data = encoded(Image.fromarray(values, mode="F"), "TIFF")

    decoded = decode_image(data, Path("float.tif"), None)

    expected = np.rint((values - values.min()) * (255.0 / (values.max() - values.min())))
    np.testing.assert_array_equal(decoded.pixels, expected.astype(np.uint8))
