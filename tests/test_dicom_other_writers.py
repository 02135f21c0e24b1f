"""DICOM as other writers write it (issue 14, section 8), and colour DICOM judged like colour PNG.

Older writers leave out the 128-byte preamble and the file meta; some store an implicit VR data
set under a JPEG transfer syntax (which requires explicit VR). Both must read as what they are,
not as "not an image" or "damaged". A colour DICOM must meet the same colour check as the same
pixels in a PNG (issue 14, section 6). pydicom's own test files stand for the other writers; the
rest is written here.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydicom import dcmread, uid
from pydicom.data import get_testdata_file
from pydicom.filewriter import dcmwrite
from pydicom.pixels import pixel_array

from core.dicom_display import display_pixels
from core.dicom_reader import is_dicom, read_dicom
from core.errors import UnreadableImage, UnsupportedDicom
from core.image_reader import read_image
from core.model_card import load_model_card
from core.quality_gate import MAX_COLOUR_SHARE
from core.result_log import ResultLog
from core.screening import Screener
from corpora.bad_inputs import make_dataset
from corpora.dicom_files import write, write_without_preamble
from tests.conftest import SHIPPED_MODEL_DIR

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared/data/samples/PNEUMONIA"
#: Stored 12-bit values and the 8-bit image they stretch to (255 * stored / 4095).
STORED_12_BIT = np.array([[0, 512, 762, 1013], [1262, 1512, 2000, 4095]], dtype=np.uint16)
STRETCHED = np.array([[0, 32, 47, 63], [79, 94, 125, 255]], dtype=np.uint8)
UNCOMPRESSED = [uid.ImplicitVRLittleEndian, uid.ExplicitVRLittleEndian, uid.ExplicitVRBigEndian]


def _name(syntax: str) -> str:
    return uid.UID(syntax).keyword


def pydicom_file(name: str) -> Path:
    """One of pydicom's test files; the test is skipped where this pydicom lacks it."""
    found = get_testdata_file(name, download=False)
    if found is None:
        pytest.skip(f"pydicom {name} is not installed here")
    return Path(found)


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    """A real chest X-ray, 8-bit grayscale, 554 x 256."""
    return np.asarray(Image.open(SAMPLES / "person1141_bacteria_3085.png").convert("L"))


def refusal(path: Path, error: type[UnreadableImage] = UnreadableImage) -> str:
    """What `read_image` says of `path`, which it must refuse with `error`."""
    with pytest.raises(error) as caught:
        read_image(path)
    return str(caught.value)


# --- No preamble, no file meta ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ExplVR_LitEndNoMeta.dcm", "ExplVR_BigEndNoMeta.dcm"])
def test_pydicoms_data_sets_without_preamble_are_dicom_files_without_an_image(name):
    # Both hold an RT Ion Plan, written without preamble or file meta, little or big endian.
    path = pydicom_file(name)

    assert is_dicom(path.read_bytes())
    message = refusal(path, UnsupportedDicom)
    assert message == (
        f"{name} could not be read: it is a DICOM file without an image (RT Ion Plan Storage)."
    )


@pytest.mark.parametrize("syntax", UNCOMPRESSED, ids=_name)
def test_a_radiograph_written_without_preamble_or_file_meta_is_decoded(tmp_path, sample, syntax):
    path = write_without_preamble(make_dataset(sample), tmp_path / "IM0001", syntax)
    assert path.read_bytes()[128:132] != b"DICM"

    decoded = read_image(path)

    assert decoded.source_format == "DICOM"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_a_radiograph_with_file_meta_but_no_preamble_is_decoded(tmp_path, sample):
    ds = make_dataset(sample)
    path = write_without_preamble(ds, tmp_path / "IM0003", uid.ExplicitVRLittleEndian, True)
    assert path.read_bytes()[:2] == b"\x02\x00"  # the file meta group comes first

    np.testing.assert_array_equal(read_image(path).pixels, sample)


@pytest.mark.parametrize("syntax", UNCOMPRESSED, ids=_name)
def test_12_bit_pixels_without_file_meta_are_read_in_the_byte_order_found(tmp_path, syntax):
    # No transfer syntax names the byte order: the one the data set was found in must be used for
    # the pixels too, or 4095 (0x0FFF) would read as 65295 (0xFF0F) in big endian.
    ds = make_dataset(np.tile(STORED_12_BIT, (32, 16)), bits_stored=12)
    path = write_without_preamble(ds, tmp_path / "IM0002", syntax)

    decoded = read_image(path)

    np.testing.assert_array_equal(decoded.pixels, np.tile(STRETCHED, (32, 16)))


def _encoded(image: np.ndarray, format_name: str) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format_name)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_encoded(np.full((64, 64), 128, np.uint8), "JPEG"), id="jpeg"),
        pytest.param(_encoded(np.full((64, 64), 128, np.uint8), "PNG"), id="png"),
        pytest.param(b"Patient list\n" * 100, id="text"),
        pytest.param(np.random.default_rng(3).bytes(5000), id="noise"),
        # An element of group 0008 with a real VR, then noise: no SOP class, no image size.
        pytest.param(
            b"\x08\x00\x05\x00CS\x0a\x00ISO_IR 100" + np.random.default_rng(4).bytes(5000),
            id="dicom-like-start-then-noise",
        ),
        pytest.param(b"\x08\x00\x05\x00", id="four-bytes"),
    ],
)
def test_files_that_are_not_dicom_are_not_taken_for_it(content):
    assert not is_dicom(content)


# --- An implicit VR data set under a JPEG syntax (SC_rgb_jpeg.dcm) -------------------------------


@pytest.mark.filterwarnings("ignore:Expected explicit VR, but found implicit VR")
@pytest.mark.parametrize(
    "name",
    [
        "SC_rgb_jpeg.dcm",  # highdicom 0.1.0: implicit VR under JPEG Baseline, RGB, Adobe marker
        "SC_rgb_jpeg_dcmtk.dcm",  # YBR_FULL
        "SC_rgb_dcmtk_+eb+cy+np.dcm",  # YBR_FULL_422
        "SC_rgb_jpeg_app14_dcmd.dcm",
        "SC_jpeg_no_color_transform.dcm",  # RGB without colour transform, no Adobe marker
        "SC_rgb_jpeg_lossy_gdcm.dcm",
    ],
)
def test_rgb_jpeg_dicom_from_other_writers_gives_the_pixels_gdcm_gives(name):
    path = pydicom_file(name)
    ds = dcmread(path)

    decoded = read_image(path)

    # From the data set pydicom read, which found the VR the data set really has; pydicom's
    # `pixel_array` converts YBR to RGB.
    rgb = pixel_array(ds, index=0, decoding_plugin="gdcm")
    expected = display_pixels(rgb, ds, "RGB")
    assert decoded.pixels.shape == expected.shape
    assert np.abs(decoded.pixels.astype(int) - expected).max() <= 1


@pytest.mark.filterwarnings("ignore:Expected explicit VR, but found implicit VR")
@pytest.mark.parametrize(
    "tiles", [1, 3], ids=["pixels-held-by-the-header", "pixels-left-in-the-bytes"]
)
def test_an_implicit_vr_data_set_under_a_jpeg_syntax_is_decoded(tmp_path, sample, tiles):
    grey = np.tile(sample, (tiles, tiles))
    rgb = np.stack([grey, grey, grey], axis=-1)
    ds = dcmread(write(make_dataset(rgb, "RGB"), tmp_path / "explicit.dcm", uid.JPEGBaseline8Bit))
    path = tmp_path / "implicit.dcm"
    # As SC_rgb_jpeg.dcm's writer did: the file meta says JPEG Baseline, the data set is implicit.
    dcmwrite(path, ds, implicit_vr=True, little_endian=True, force_encoding=True)
    # The header read keeps values up to 64 kB; larger ones are decoded from the file's bytes.
    assert (path.stat().st_size > 100_000) == (tiles > 1)

    decoded = read_image(path)

    assert np.abs(decoded.pixels.astype(int) - grey).mean() < 2.0


# --- Colour: the same check as every other format -----------------------------------------------


def colour_photo(height: int = 256, width: int = 320) -> np.ndarray:
    """A colourful picture (hue sweeping across, brightness down): a photo, not an X-ray."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    hue = x / width * 6
    value = 80 + 175 * y / height
    channels = [np.clip(np.abs((hue + shift) % 6 - 3) - 1, 0, 1) for shift in (0, 4, 2)]
    return np.stack([value * c for c in channels], axis=-1).astype(np.uint8)


def screen(files: list[Path], log_path: Path) -> dict[str, tuple[str, str]]:
    """Each file's (status, reason) through the real screener and the shipped card."""
    with ResultLog(log_path) as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        return {
            Path(o.result.file).name: (str(o.result.status), o.result.reason or "")
            for o in screener.screen(files)
        }


@pytest.mark.parametrize(
    "syntax", [uid.ExplicitVRLittleEndian, uid.RLELossless, uid.JPEGBaseline8Bit], ids=_name
)
def test_a_colour_photo_as_rgb_dicom_is_rejected_like_the_same_pixels_as_png(tmp_path, syntax):
    photo = colour_photo()
    png = tmp_path / "photo.png"
    Image.fromarray(photo).save(png)
    dicom = write(make_dataset(photo, "RGB"), tmp_path / "photo.dcm", syntax)

    results = screen([png, dicom], tmp_path / "results.sqlite3")

    assert results["photo.png"][0] == "rejected"
    assert "colour picture" in results["photo.png"][1]
    assert results["photo.dcm"] == results["photo.png"]


def test_rgb_dicom_and_png_of_the_same_pixels_have_the_same_colour_share(tmp_path):
    photo = colour_photo()
    photo[:, : photo.shape[1] * 3 // 4] = 128  # mostly grey: a share between 0 and 1
    png = tmp_path / "photo.png"
    Image.fromarray(photo).save(png)
    dicom = write(make_dataset(photo, "RGB"), tmp_path / "photo.dcm")

    share = read_image(dicom).colour_share

    assert share == read_image(png).colour_share
    assert MAX_COLOUR_SHARE < share < 1.0


def test_a_sepia_radiograph_as_rgb_dicom_counts_as_grey(tmp_path, sample):
    # One tint (a scanned film's sepia) is not colour, in DICOM as in PNG.
    sepia = np.stack([sample, sample * 0.85, sample * 0.6], axis=-1).astype(np.uint8)
    path = write(make_dataset(sepia, "RGB"), tmp_path / "sepia.dcm")

    assert read_dicom(path.read_bytes(), path, None).colour_share <= MAX_COLOUR_SHARE


def test_a_16_bit_rgb_dicom_is_measured_in_its_own_depth(tmp_path):
    photo = colour_photo(128, 160)
    deep = make_dataset(photo.astype(np.uint16) * 257, "RGB", bits_stored=16)
    eight = make_dataset(photo, "RGB")
    deep_path = write(deep, tmp_path / "deep.dcm")
    eight_path = write(eight, tmp_path / "eight.dcm")

    deep_share = read_dicom(deep_path.read_bytes(), deep_path, None).colour_share

    assert deep_share == read_dicom(eight_path.read_bytes(), eight_path, None).colour_share
    assert deep_share > MAX_COLOUR_SHARE


def test_a_palette_colour_dicom_is_measured_through_its_palette():
    path = pydicom_file("examples_palette.dcm")  # a colour-mapped picture, 8-bit indices

    decoded = read_dicom(path.read_bytes(), path, None)

    assert decoded.colour_share > 0.0
