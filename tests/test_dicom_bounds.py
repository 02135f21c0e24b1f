"""A DICOM file's memory is bounded before anything large is made (issue 14, section 5).

A deflated data set is measured before pydicom inflates it (a 300 kB file can hold 300 MB of
zeros); an uncompressed pixel data element far larger than its image is never read; and an image
whose decode would allocate more than `MAX_DECODE_BYTES` (bit depth and channels counted, not
pixels alone) is refused before decoding. Peak memory figures: benchmarks/dicom_bomb_memory.py.
"""

from __future__ import annotations

from math import isqrt
from pathlib import Path

import numpy as np
import pydicom.filereader
import pytest
from pydicom import uid

from core.decoded import MAX_DECODE_BYTES, MAX_PIXELS
from core.dicom_reader import read_dicom
from core.errors import UnreadableImage
from core.image_reader import read_image
from corpora.bad_inputs import make_dataset
from corpora.dicom_files import write, write_deflated_bomb

#: Comfortably past the bound, small enough to write in a second.
BOMB_ZEROS = MAX_DECODE_BYTES + 44 * 2**20
#: The shortest side the screener asks for (the model's input size).
MIN_SIDE = 224
#: A square image whose 8-bit grey pixels take a quarter of the bound, 16-bit RGB six times that.
SIDE = isqrt(MAX_DECODE_BYTES // 4)


def refusal(path: Path) -> str:
    """The reason `read_image` gives for refusing `path`, read as the screener reads it."""
    with pytest.raises(UnreadableImage) as caught:
        read_image(path, min_side=MIN_SIDE)
    return caught.value.reason


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A deflated DICOM declaring a 1000 x 1000 image, whose data set inflates to 300 MB."""
    return write_deflated_bomb(tmp_path_factory.mktemp("bomb") / "bomb.dcm", BOMB_ZEROS, 1000, 1000)


def test_a_deflated_bomb_is_refused_as_too_large(bomb):
    assert bomb.stat().st_size < 1_000_000

    reason = refusal(bomb)

    assert reason == (
        "the image is too large to decode safely (its compressed DICOM data set inflates to "
        f"more than {MAX_DECODE_BYTES // 2**20} MB)"
    )


def test_a_deflated_bomb_is_never_inflated_whole(bomb, monkeypatch):
    # pydicom inflates a deflated data set with one zlib.decompress call, all of it at once.
    def inflate_whole(*args: object, **kwargs: object) -> bytes:
        pytest.fail("pydicom was given the deflated data set to inflate whole")

    monkeypatch.setattr(pydicom.filereader.zlib, "decompress", inflate_whole)

    with pytest.raises(UnreadableImage, match="inflates to more than"):
        read_dicom(bomb.read_bytes(), bomb, MIN_SIDE)  # in this process, where the patch holds


def test_a_large_deflated_image_within_the_bound_is_decoded(tmp_path):
    # 24 MB inflated: several steps of the measuring inflate, then pydicom's own.
    path = write_deflated_bomb(tmp_path / "large.dcm", 6000 * 4000, 4000, 6000)

    decoded = read_image(path, min_side=MIN_SIDE)

    assert decoded.original_size == (6000, 4000)
    assert decoded.pixels.shape == (250, 375)


def test_a_deflated_data_set_cut_short_is_refused_as_incomplete(tmp_path):
    y, x = np.mgrid[0:200, 0:300]
    ds = make_dataset((x + y).astype(np.uint8))
    whole = write(ds, tmp_path / "whole.dcm", uid.DeflatedExplicitVRLittleEndian).read_bytes()
    path = tmp_path / "cut.dcm"
    path.write_bytes(whole[: len(whole) * 2 // 3])  # zlib: "incomplete or truncated stream"

    assert refusal(path) == "the DICOM header is damaged or incomplete"


def test_an_uncompressed_pixel_element_far_larger_than_its_image_is_never_read(tmp_path):
    ds = make_dataset(np.zeros((100, 100), dtype=np.uint8))
    ds.PixelData = bytes(20 * 2**20)  # 20 MB where 100 x 100 x 8 bits need 10 kB
    path = write(ds, tmp_path / "padded.dcm")

    reason = refusal(path)

    assert reason == (
        "the DICOM pixel data is damaged (20971520 bytes where the image it declares, "
        "100 x 100 pixels, needs 10000)"
    )


def test_an_image_whose_decode_needs_too_much_memory_is_refused_before_decoding(tmp_path):
    # Within the pixel limit; but 16-bit RGB decodes to 6 bytes a pixel, held twice.
    ds = make_dataset(np.zeros((4, 4, 3), dtype=np.uint16), "RGB", bits_stored=16)
    ds.Rows, ds.Columns = SIDE, SIDE
    assert MAX_PIXELS >= SIDE * SIDE
    path = write(ds, tmp_path / "deep-colour.dcm")

    reason = refusal(path)

    assert reason.startswith(f"the image is too large to decode safely ({SIDE} x {SIDE} pixels")
    assert reason.endswith(f"the limit is {MAX_DECODE_BYTES // 2**20} MB)")


def test_the_same_size_in_8_bit_grey_is_within_the_bound(tmp_path):
    # 1 byte a pixel, held at most three times; the display works on the reduced image.
    ds = make_dataset(np.zeros((4, 4), dtype=np.uint8))
    ds.Rows, ds.Columns = SIDE, SIDE
    path = write(ds, tmp_path / "grey.dcm")

    # Decoding is attempted (and finds 16 bytes where millions are declared).
    assert refusal(path) == "the DICOM pixel data is damaged or incomplete"
