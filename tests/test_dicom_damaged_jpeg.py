"""A DICOM whose JPEG data is garbled midway is refused as damaged, never scored (issue 14, §6).

libjpeg only warns about corrupt entropy-coded data and Pillow ignores the warning, so the frame
decodes with noise for its lower half. The same bytes as a plain JPEG file are refused too: one
rule for every format.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydicom import uid
from pydicom.encaps import encapsulate
from pydicom.pixels import pixel_array

from core.errors import UnreadableImage
from core.image_reader import read_image
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import Screener
from corpora.bad_inputs import make_dataset
from tests.conftest import SHIPPED_MODEL_DIR

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared/data/samples/PNEUMONIA"


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    """A real chest X-ray, 8-bit grayscale, 554 x 256."""
    return np.asarray(Image.open(SAMPLES / "person1141_bacteria_3085.png").convert("L"))


def jpeg_bytes(pixels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def garbled(jpeg: bytes) -> bytes:
    """`jpeg` with 200 bytes halfway through its entropy-coded data replaced by noise: libjpeg
    warns "Corrupt JPEG data: premature end of data segment" and decodes on."""
    data = bytearray(jpeg)
    scan = jpeg.index(b"\xff\xda")
    middle = scan + (len(jpeg) - scan) // 2
    data[middle : middle + 200] = np.random.default_rng(0).bytes(200)
    return bytes(data)


def jpeg_dicom(frame: bytes, pixels: np.ndarray, path: Path) -> Path:
    """A JPEG Baseline DICOM of `pixels` whose one frame is `frame` (colour as Pillow writes it:
    YCbCr, chroma halved across)."""
    ds = make_dataset(pixels, "RGB" if pixels.ndim == 3 else "MONOCHROME2")
    if pixels.ndim == 3:
        ds.PhotometricInterpretation = "YBR_FULL_422"
    ds.PixelData = encapsulate([frame])
    ds["PixelData"].VR = "OB"
    ds.file_meta.TransferSyntaxUID = uid.JPEGBaseline8Bit
    ds.save_as(path, enforce_file_format=True)
    return path


@pytest.mark.parametrize("channels", [1, 3], ids=["grey", "colour"])
def test_a_dicom_whose_jpeg_is_garbled_midway_is_refused_as_damaged(tmp_path, sample, channels):
    pixels = sample if channels == 1 else np.stack([sample] * 3, axis=-1)
    path = jpeg_dicom(garbled(jpeg_bytes(pixels)), pixels, tmp_path / "garbled.dcm")
    # What the frame decodes to without the strict check: a picture, noise in its lower half.
    noisy = pixel_array(path, index=0, decoding_plugin="pillow")
    assert np.abs(noisy.astype(int) - pixels).mean() > 10

    with pytest.raises(UnreadableImage) as caught:
        read_image(path)

    assert caught.value.reason == "the DICOM pixel data is damaged or incomplete"


def test_the_same_garbled_jpeg_is_an_error_as_dicom_and_as_a_jpeg_file(tmp_path, sample):
    frame = garbled(jpeg_bytes(sample))
    dicom = jpeg_dicom(frame, sample, tmp_path / "garbled.dcm")
    plain = tmp_path / "garbled.jpg"
    plain.write_bytes(frame)

    with ResultLog(tmp_path / "results.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        results = {Path(o.result.file).name: o.result for o in screener.screen([dicom, plain])}

    for name in ("garbled.dcm", "garbled.jpg"):
        assert str(results[name].status) == "error", results[name]
        assert "damaged" in (results[name].reason or "")
