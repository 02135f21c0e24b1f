"""DICOM reading: each transfer syntax radiographs arrive in, the display pipeline, broken files.

Every file is written here, from a real sample PNG, with pydicom (and GDCM's own API for JPEG
Lossless, which pydicom cannot encode); expected 8-bit pixels are worked out by hand.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydicom import dcmread, uid
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.encaps import encapsulate
from pydicom.errors import InvalidDicomError
from pydicom.pixels import pixel_array

from core import dicom_decoding
from core.dicom_display import display_pixels
from core.dicom_reader import is_dicom, read_dicom
from core.errors import UnreadableImage, UnsupportedDicom
from core.image_reader import DECODERS, read_image
from core.isolated_decoder import CRASHED_REASON, HUNG_REASON, IsolatedDecoder
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import Screener
from corpora.bad_inputs import make_dataset, structured_report
from corpora.dicom_files import small_compressed_image, with_byte_changed, write
from tests.conftest import SHIPPED_MODEL_DIR
from tests.test_bad_inputs import GDCM_CRASHERS

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared/data/samples/PNEUMONIA"

LOSSLESS_SYNTAXES = [
    uid.ExplicitVRLittleEndian,
    uid.ImplicitVRLittleEndian,
    uid.DeflatedExplicitVRLittleEndian,
    uid.RLELossless,
    uid.JPEGLossless,
    uid.JPEGLosslessSV1,
    uid.JPEGLSLossless,
    uid.JPEG2000Lossless,
]
# The lossless syntaxes that also carry 12-bit samples (CR and DX images).
DEEP_SYNTAXES = [
    uid.ExplicitVRLittleEndian,
    uid.RLELossless,
    uid.JPEGLosslessSV1,
    uid.JPEGLSLossless,
    uid.JPEG2000Lossless,
]
# 12-bit stored values, and what a window/LUT of the tests below makes of them.
STORED_12_BIT = np.array([[0, 512, 762, 1013], [1262, 1512, 2000, 4095]], dtype=np.uint16)


def _name(syntax: str) -> str:
    return uid.UID(syntax).keyword


def _tiled(values: np.ndarray) -> np.ndarray:
    """A 64 x 64 image repeating `values`: JPEG 2000 wants more than a handful of pixels."""
    return np.tile(values, (32, 16))


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    """A real chest X-ray, 8-bit grayscale, 554 x 256."""
    return np.asarray(Image.open(SAMPLES / "person1141_bacteria_3085.png").convert("L"))


def assert_refused(path: Path, error: type[UnreadableImage] = UnreadableImage) -> str:
    """`read_image` raises `error` (nothing else) with a sentence naming the file; returns it."""
    with pytest.raises(error) as caught:
        read_image(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name} could not be read: "), message
    assert message.endswith(".")
    return message


# --- Transfer syntaxes -------------------------------------------------------------------------


@pytest.mark.parametrize("photometric", ["MONOCHROME2", "MONOCHROME1"])
@pytest.mark.parametrize("syntax", LOSSLESS_SYNTAXES, ids=_name)
def test_lossless_syntax_gives_the_stored_pixels_with_monochrome1_inverted(
    tmp_path, sample, syntax, photometric
):
    path = write(make_dataset(sample, photometric), tmp_path / "image.dcm", syntax)

    decoded = read_image(path)

    expected = sample if photometric == "MONOCHROME2" else 255 - sample
    assert decoded.source_format == "DICOM"
    assert decoded.pixels.dtype == np.uint8
    np.testing.assert_array_equal(decoded.pixels, expected)
    assert decoded.original_size == (554, 256)


@pytest.mark.parametrize("photometric", ["MONOCHROME2", "MONOCHROME1"])
@pytest.mark.parametrize("syntax", [uid.JPEGBaseline8Bit, uid.JPEG2000], ids=_name)
def test_lossy_syntax_gives_pixels_close_to_the_original(tmp_path, sample, syntax, photometric):
    path = write(make_dataset(sample, photometric), tmp_path / "image.dcm", syntax)

    decoded = read_image(path)

    expected = sample if photometric == "MONOCHROME2" else 255 - sample
    error = np.abs(decoded.pixels.astype(int) - expected)
    assert decoded.pixels.shape == sample.shape
    assert error.mean() < 2.0
    assert np.percentile(error, 99) <= 12


# --- Display pipeline: modality LUT, then VOI LUT or window, then 8 bits -----------------------


@pytest.mark.parametrize("syntax", DEEP_SYNTAXES, ids=_name)
def test_12_bit_image_is_rescaled_then_windowed_to_8_bits(tmp_path, syntax):
    # Modality value x = 2 * stored - 1024. LINEAR window, centre 1000.5, width 2001, maps x in
    # [0, 2000] to 255 * x / 2000:  x = -1024 -> 0, 0 -> 0, 500 -> 63.75, 1002 -> 127.755,
    # 1500 -> 191.25, 2000 -> 255, 2976 and 7166 -> 255 (above the window).
    expected = np.array([[0, 0, 64, 128], [191, 255, 255, 255]], dtype=np.uint8)
    ds = make_dataset(
        _tiled(STORED_12_BIT),
        bits_stored=12,
        RescaleSlope=2,
        RescaleIntercept=-1024,
        WindowCenter=1000.5,
        WindowWidth=2001,
    )

    decoded = read_image(write(ds, tmp_path / "cr.dcm", syntax))

    np.testing.assert_array_equal(decoded.pixels, _tiled(expected))


def test_monochrome1_is_inverted_after_the_window(tmp_path):
    expected = 255 - np.array([[0, 0, 64, 128], [191, 255, 255, 255]], dtype=np.uint8)
    ds = make_dataset(
        _tiled(STORED_12_BIT),
        "MONOCHROME1",
        bits_stored=12,
        RescaleSlope=2,
        RescaleIntercept=-1024,
        WindowCenter=1000.5,
        WindowWidth=2001,
    )

    decoded = read_image(write(ds, tmp_path / "cr.dcm"))

    np.testing.assert_array_equal(decoded.pixels, _tiled(expected))


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        # LINEAR_EXACT, centre 1000, width 2000: 255 * x / 2000, clipped to [0, 255].
        ("LINEAR_EXACT", [[0, 0, 64, 128], [191, 191, 191, 255]]),
        # SIGMOID: 255 / (1 + exp(-4 (x - 1000) / 2000)): x = -1024 -> 255 / (1 + e^4.048)
        # = 4.38; 0 -> 30.40; 500 -> 68.58; 1002 -> 127.75; 1500 -> 186.42; 7166 -> 255.0.
        ("SIGMOID", [[4, 30, 69, 128], [186, 186, 186, 255]]),
    ],
)
def test_voi_lut_function_of_the_window_is_honoured(tmp_path, function, expected):
    # Modality value x = 2 * stored - 1024: -1024, 0, 500, 1002, 1500, 1500, 1500, 7166.
    stored = np.array([[0, 512, 762, 1013], [1262, 1262, 1262, 4095]], dtype=np.uint16)
    ds = make_dataset(
        _tiled(stored),
        bits_stored=12,
        RescaleSlope=2,
        RescaleIntercept=-1024,
        WindowCenter=1000,
        WindowWidth=2000,
        VOILUTFunction=function,
    )

    decoded = read_image(write(ds, tmp_path / "cr.dcm"))

    np.testing.assert_array_equal(decoded.pixels, _tiled(np.array(expected, dtype=np.uint8)))


@pytest.mark.parametrize("lut_vr", ["US", "OW"])
@pytest.mark.parametrize(
    "syntax", [uid.ExplicitVRLittleEndian, uid.ImplicitVRLittleEndian], ids=_name
)
def test_voi_lut_sequence_is_applied_to_integer_values_and_preferred_to_the_window(
    tmp_path, syntax, lut_vr
):
    # The rescale makes float values (stored + 100.0); the LUT starts at 100 and has 4096 8-bit
    # entries, entry i = i // 16, so the output is stored // 16. An 8-bit table longer than 256
    # entries is where indexing with the table's own dtype would wrap around.
    lut = [i // 16 for i in range(4096)]
    item = Dataset()
    item.add_new(0x00283002, "US", [4096, 100, 8])  # LUT Descriptor: entries, first, bits
    item.add_new(0x00283006, lut_vr, lut if lut_vr == "US" else np.array(lut, "<u2").tobytes())
    ds = make_dataset(
        _tiled(STORED_12_BIT),
        bits_stored=12,
        RescaleSlope=1,
        RescaleIntercept=100,
        WindowCenter=0,  # a window that would make everything white: the LUT wins
        WindowWidth=1,
    )
    ds.VOILUTSequence = [item]

    decoded = read_image(write(ds, tmp_path / "voi.dcm", syntax))

    expected = np.array([[0, 32, 47, 63], [78, 94, 125, 255]], dtype=np.uint8)
    np.testing.assert_array_equal(decoded.pixels, _tiled(expected))


def test_12_bit_image_without_a_window_is_stretched_from_its_darkest_to_its_brightest(tmp_path):
    # 255 * stored / 4095: 0, 31.9, 47.5, 63.1, 78.6, 94.2, 124.5, 255.
    expected = np.array([[0, 32, 47, 63], [79, 94, 125, 255]], dtype=np.uint8)
    ds = make_dataset(_tiled(STORED_12_BIT), bits_stored=12)

    decoded = read_image(write(ds, tmp_path / "raw.dcm"))

    np.testing.assert_array_equal(decoded.pixels, _tiled(expected))


def test_window_narrower_than_the_standard_allows_is_ignored(tmp_path):
    # LINEAR needs a width of at least 1; with width 0 the data is stretched as if unwindowed.
    expected = np.array([[0, 32, 47, 63], [79, 94, 125, 255]], dtype=np.uint8)
    ds = make_dataset(_tiled(STORED_12_BIT), bits_stored=12, WindowCenter=100, WindowWidth=0)

    decoded = read_image(write(ds, tmp_path / "bad-window.dcm"))

    np.testing.assert_array_equal(decoded.pixels, _tiled(expected))


def test_8_bit_image_without_a_window_is_shown_as_stored(tmp_path, sample):
    dim = (sample // 2 + 40).astype(np.uint8)  # 40..167: stretching would change it

    decoded = read_image(write(make_dataset(dim), tmp_path / "capture.dcm"))

    np.testing.assert_array_equal(decoded.pixels, dim)


def test_rgb_image_is_reduced_to_its_luminance(tmp_path, sample):
    rgb = np.stack([sample, sample, sample], axis=-1)

    decoded = read_image(write(make_dataset(rgb, "RGB"), tmp_path / "colour.dcm"))

    np.testing.assert_array_equal(decoded.pixels, sample)


# --- Frames, size and recognition -------------------------------------------------------------


@pytest.mark.parametrize(
    "syntax", [uid.ExplicitVRLittleEndian, uid.RLELossless, uid.JPEG2000Lossless], ids=_name
)
def test_multi_frame_file_gives_its_first_frame(tmp_path, sample, syntax):
    frames = np.stack([sample, 255 - sample, np.zeros_like(sample)])
    ds = make_dataset(frames)
    assert ds.NumberOfFrames == 3

    decoded = read_image(write(ds, tmp_path / "frames.dcm", syntax))

    np.testing.assert_array_equal(decoded.pixels, sample)


@pytest.mark.parametrize("syntax", [uid.ExplicitVRLittleEndian, uid.JPEGLosslessSV1], ids=_name)
def test_large_image_is_reduced_by_a_power_of_two_down_to_min_side(tmp_path, sample, syntax):
    large = np.kron(sample, np.ones((4, 4), dtype=np.uint8))  # 2216 x 1024, 4 x 4 blocks
    path = write(make_dataset(large), tmp_path / "large.dcm", syntax)

    decoded = read_dicom(path.read_bytes(), path, min_side=200)

    # 1024 / 4 = 256 >= 200, but 1024 / 8 = 128 < 200: reduced by 4, block by block.
    np.testing.assert_array_equal(decoded.pixels, sample)
    assert decoded.original_size == (2216, 1024)
    assert read_dicom(path.read_bytes(), path, min_side=None).pixels.shape == (1024, 2216)


@pytest.mark.parametrize("name", ["IM0001", "scan.png", "chest.jpg"])
def test_dicom_is_recognised_by_content_whatever_the_file_name(tmp_path, sample, name):
    path = write(make_dataset(sample), tmp_path / name)

    decoded = read_image(path)

    assert is_dicom(path.read_bytes())
    assert decoded.source_format == "DICOM"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_a_png_is_not_taken_for_dicom():
    assert not is_dicom((SAMPLES / "person1141_bacteria_3085.png").read_bytes())


def test_patient_study_and_series_identifiers_come_through(tmp_path, sample):
    ds = make_dataset(
        sample,
        PatientID="CLINIC-0042",
        StudyDate="20240131",
        StudyInstanceUID="1.2.3.4.5",
        SeriesInstanceUID="1.2.3.4.5.6",
        ViewPosition="PA",
    )

    decoded = read_image(write(ds, tmp_path / "tagged.dcm"))

    assert decoded.dicom == {
        "PatientID": "CLINIC-0042",
        "StudyDate": "20240131",
        "StudyInstanceUID": "1.2.3.4.5",
        "SeriesInstanceUID": "1.2.3.4.5.6",
        "SOPInstanceUID": str(ds.SOPInstanceUID),
        "Modality": "DX",
        "ViewPosition": "PA",
    }


def test_identifiers_the_file_lacks_are_left_out(tmp_path, sample):
    decoded = read_image(write(make_dataset(sample), tmp_path / "bare.dcm"))

    assert set(decoded.dicom) == {"SOPInstanceUID", "Modality"}


# --- Files that must be refused ---------------------------------------------------------------


def test_dicom_without_pixel_data_is_unsupported(tmp_path):
    path = tmp_path / "report.dcm"
    structured_report(uid.BasicTextSRStorage).save_as(path, enforce_file_format=True)

    message = assert_refused(path, UnsupportedDicom)

    assert "without an image (Basic Text SR Storage)" in message


def test_dicom_with_floating_point_pixels_is_unsupported_not_incomplete(tmp_path):
    ds = make_dataset(np.zeros((8, 8), dtype=np.uint8))
    del ds.PixelData
    ds.BitsAllocated = 32
    ds.FloatPixelData = np.zeros((8, 8), dtype=np.float32).tobytes()
    path = tmp_path / "parametric-map.dcm"
    ds.save_as(path, enforce_file_format=True)

    assert "floating-point numbers" in assert_refused(path, UnsupportedDicom)


def test_dicom_in_a_private_transfer_syntax_is_unsupported(tmp_path, sample):
    ds = make_dataset(sample)
    ds.file_meta.TransferSyntaxUID = "1.2.3.4.5.6.7"
    path = tmp_path / "private.dcm"
    ds.save_as(path, implicit_vr=False, little_endian=True, enforce_file_format=True)

    message = assert_refused(path, UnsupportedDicom)

    assert "1.2.3.4.5.6.7" in message


def test_12_bit_jpeg_extended_is_unsupported_without_trying_to_decode(tmp_path):
    ds = make_dataset(_tiled(STORED_12_BIT), bits_stored=12)
    ds.PixelData = encapsulate([b"\xff\xd8 not really a JPEG \xff\xd9"])
    ds["PixelData"].VR = "OB"
    ds.file_meta.TransferSyntaxUID = uid.JPEGExtended12Bit
    path = tmp_path / "extended.dcm"
    ds.save_as(path, enforce_file_format=True)

    assert "12-bit JPEG Extended" in assert_refused(path, UnsupportedDicom)


@pytest.mark.parametrize(
    ("syntax", "keep"),
    [
        (uid.ExplicitVRLittleEndian, 0.5),  # inside the pixel data
        (uid.ExplicitVRLittleEndian, 0.9),
        (uid.JPEGLosslessSV1, 0.5),  # inside compressed fragments
        (uid.JPEG2000Lossless, 0.5),
        (uid.ExplicitVRLittleEndian, 0.002),  # inside the header, after the preamble
    ],
    ids=lambda value: _name(value) if isinstance(value, str) else str(value),
)
@pytest.mark.filterwarnings("ignore:End of file reached before delimiter")  # pydicom, expected
def test_truncated_dicom_is_unreadable(tmp_path, sample, syntax, keep):
    data = write(make_dataset(sample), tmp_path / "whole.dcm", syntax).read_bytes()
    path = tmp_path / "cut.dcm"
    path.write_bytes(data[: max(140, int(len(data) * keep))])

    assert_refused(path)


@pytest.mark.parametrize("cut", [133, 140, 141, 142, 143, 150])
def test_dicom_cut_inside_its_first_header_element_is_unreadable(tmp_path, sample, cut):
    # At 141-143 bytes the group length's 4-byte value is cut to 1-3 bytes: pydicom raised its
    # own BytesLengthException, which no reader turned into UnreadableImage.
    data = write(make_dataset(sample), tmp_path / "whole.dcm").read_bytes()
    path = tmp_path / "cut.dcm"
    path.write_bytes(data[:cut])

    assert "incomplete" in assert_refused(path)


def test_dicom_preamble_followed_by_random_bytes_is_unreadable(tmp_path):
    noise = np.random.default_rng(7).integers(0, 256, 4000, dtype=np.uint8).tobytes()
    path = tmp_path / "noise.dcm"
    path.write_bytes(bytes(128) + b"DICM" + noise)

    # Not "a DICOM file without an image": the noise parses as one junk element, no class.
    assert "header is damaged" in assert_refused(path)


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("RescaleSlope", "NaN"),
        ("RescaleSlope", "1e999"),  # infinity once read
        ("WindowWidth", "NaN"),
        ("WindowCenter", "inf"),
    ],
)
@pytest.mark.filterwarnings("ignore:Invalid value for VR")  # pydicom, expected
def test_a_header_number_that_is_not_usable_is_damage_not_a_blank_image(tmp_path, keyword, value):
    # Before: NaN or infinity made every pixel NaN, shown as a blank image (and numpy warned).
    ds = make_dataset(
        _tiled(STORED_12_BIT), bits_stored=12, RescaleSlope=1, WindowCenter=2000, WindowWidth=4000
    )
    setattr(ds, keyword, value)

    message = assert_refused(write(ds, tmp_path / "odd-number.dcm"))

    assert message.endswith(f'is "{value}", not a usable number).')


def test_dicom_claiming_a_huge_image_is_refused_before_decoding(tmp_path, sample):
    ds = make_dataset(sample)
    ds.Rows, ds.Columns = 60000, 60000  # 3.6 gigapixels declared, 140 kB present
    path = write(ds, tmp_path / "bomb.dcm")

    assert "too large (60000 x 60000 pixels" in assert_refused(path)


# --- Which decoder: GDCM only where nothing that fails cleanly decodes --------------------------


@pytest.fixture
def no_gdcm(monkeypatch):
    """Fails the test if any pixels are given to GDCM."""
    decode = dicom_decoding._decode

    def refuse_gdcm(*args: object) -> tuple[np.ndarray, str]:
        if args[-1] == "gdcm":  # the plugin
            pytest.fail("the pixels were given to GDCM")
        return decode(*args)

    monkeypatch.setattr(dicom_decoding, "_decode", refuse_gdcm)


@pytest.mark.parametrize(
    "syntax",
    [
        uid.ExplicitVRLittleEndian,
        uid.DeflatedExplicitVRLittleEndian,
        uid.RLELossless,
        uid.JPEGBaseline8Bit,
        uid.JPEGLSLossless,
        uid.JPEG2000Lossless,
        uid.JPEG2000,
    ],
    ids=_name,
)
def test_every_syntax_but_jpeg_lossless_is_decoded_without_gdcm(tmp_path, sample, syntax, no_gdcm):
    path = write(make_dataset(sample), tmp_path / "image.dcm", syntax)

    assert read_dicom(path.read_bytes(), path, None).pixels.shape == sample.shape


@pytest.mark.parametrize(
    ("syntax", "bits"),
    [
        (uid.JPEGBaseline8Bit, 8),
        (uid.JPEGLSLossless, 8),
        (uid.JPEGLSLossless, 12),
        (uid.JPEG2000Lossless, 8),
        (uid.JPEG2000Lossless, 12),
        (uid.JPEG2000, 8),
        (uid.JPEG2000, 12),
    ],
    ids=lambda value: _name(value) if isinstance(value, str) else f"{value}-bit",
)
def test_first_choice_decoders_give_exactly_what_gdcm_gave(tmp_path, sample, syntax, bits):
    pixels = sample if bits == 8 else _tiled(STORED_12_BIT)
    path = write(make_dataset(pixels, bits_stored=bits), tmp_path / "image.dcm", syntax)
    plugin = dicom_decoding.FIRST_CHOICE_PLUGINS[syntax]

    ours = pixel_array(path, index=0, decoding_plugin=plugin)

    gdcm_gave = pixel_array(path, index=0, decoding_plugin="gdcm")  # safe: not damaged
    assert ours.dtype == gdcm_gave.dtype
    np.testing.assert_array_equal(ours, gdcm_gave)


def test_jpeg_2000_in_a_jp2_wrapper_that_pillow_refuses_is_decoded_by_gdcm():
    # Older GDCM wrapped the JPEG 2000 stream in a JP2 file header; only GDCM reads it back.
    path = Path(get_testdata_file("GDCMJ2K_TextGBR.dcm"))
    ds = dcmread(path)
    with pytest.raises(RuntimeError):
        pixel_array(path, index=0, decoding_plugin="pillow")

    decoded = read_image(path)

    expected = display_pixels(pixel_array(path, index=0, decoding_plugin="gdcm"), ds)
    np.testing.assert_array_equal(decoded.pixels, expected)


@pytest.mark.parametrize("syntax", [uid.JPEGLSLossless, uid.JPEG2000Lossless], ids=_name)
def test_without_its_first_choice_decoder_a_syntax_is_decoded_by_gdcm(
    tmp_path, sample, syntax, monkeypatch
):
    # E.g. a bundle built without pyjpegls: the same pixels. Read in this process, where the
    # patch holds (`read_image` decodes in a child).
    monkeypatch.setattr(dicom_decoding, "_available", lambda syntax, plugin: False)
    path = write(make_dataset(sample), tmp_path / "image.dcm", syntax)

    np.testing.assert_array_equal(read_dicom(path.read_bytes(), path, None).pixels, sample)


def _gdcm_crasher(path: Path, syntax: str) -> Path:
    """A small 12-bit image in `syntax`, written to `path`, with one byte changed that makes GDCM
    crash (see `tests.test_bad_inputs.GDCM_CRASHERS`)."""
    whole, start = small_compressed_image(path, syntax)
    offset, value = GDCM_CRASHERS[uid.JPEGLosslessSV1][0]
    return with_byte_changed(whole, start + offset, value, path)


def test_a_gdcm_crash_costs_its_file_only_and_the_batch_goes_on(tmp_path, sample):
    made = tmp_path / "made"  # writing JPEG Lossless leaves a plain copy beside each file
    made.mkdir()
    files = [
        _gdcm_crasher(made / "1-crashes-gdcm.dcm", uid.JPEGLosslessSV1),
        write(make_dataset(sample), made / "2-radiograph.dcm", uid.JPEGLosslessSV1),
        _gdcm_crasher(made / "3-crashes-gdcm.dcm", uid.JPEGLossless),
        write(make_dataset(sample), made / "4-radiograph.dcm", uid.JPEGLosslessSV1),
    ]
    folder = tmp_path / "batch"
    folder.mkdir()
    batch = [path.rename(folder / path.name) for path in files]
    with ResultLog(tmp_path / "results.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        results = {Path(o.result.file).name: o.result for o in screener.screen(batch)}
        logged = {Path(result.file).name: result for result in log.results()}

    assert sorted(results) == sorted(logged) == [path.name for path in files]
    for name in ("1-crashes-gdcm.dcm", "3-crashes-gdcm.dcm"):
        assert str(results[name].status) == "error"
        assert results[name].reason == f"{name} could not be read: {CRASHED_REASON}."
        assert logged[name].reason == results[name].reason
    for name in ("2-radiograph.dcm", "4-radiograph.dcm"):
        assert str(results[name].status) == "ok", results[name].reason
    assert results["2-radiograph.dcm"].score == results["4-radiograph.dcm"].score


# IsolatedDecoder targets: run in its child, which imports this module to find them.
def _answer(path: str, *args: object) -> str:
    name = Path(path).name
    if name.startswith("abort"):
        os.abort()
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("value-error"):
        raise ValueError(f"bad value in {name}")
    if name.startswith("pydicom-error"):
        raise InvalidDicomError(f"not DICOM: {name}")
    if name.startswith("noisy"):
        os.write(2, b"Bogus marker length\n")  # as native code writes: past sys.stderr
    return f"{name} {args}"


@pytest.fixture
def isolated():
    decoder = IsolatedDecoder(_answer, timeout_s=20)
    yield decoder
    decoder.close()


def test_a_child_that_dies_fails_its_file_only_and_a_fresh_child_takes_the_next(isolated):
    assert isolated.run(Path("first.dcm"), 1) == "first.dcm (1,)"
    first_child = isolated.pid

    with pytest.raises(UnreadableImage) as caught:
        isolated.run(Path("/data/abort.dcm"))

    assert str(caught.value) == f"abort.dcm could not be read: {CRASHED_REASON}."
    assert isolated.run(Path("next.dcm")) == "next.dcm ()"
    assert isolated.pid not in (None, first_child)


def test_a_child_that_hangs_is_killed_at_the_timeout_and_replaced():
    decoder = IsolatedDecoder(_answer, timeout_s=1)
    try:
        started = time.monotonic()
        with pytest.raises(UnreadableImage) as caught:
            decoder.run(Path("hang.dcm"))
        assert time.monotonic() - started < 30  # the first second or so is the child's start

        assert str(caught.value) == f"hang.dcm could not be read: {HUNG_REASON}."
        assert decoder.run(Path("next.dcm")) == "next.dcm ()"
    finally:
        decoder.close()


def test_what_the_target_raises_is_raised_here_and_the_child_stays(isolated):
    with pytest.raises(ValueError) as value_error:
        isolated.run(Path("value-error.dcm"))
    child = isolated.pid
    # A class from a library may not rebuild here: it comes back as a RuntimeError naming it.
    with pytest.raises(RuntimeError) as library_error:
        isolated.run(Path("pydicom-error.dcm"))

    assert str(value_error.value) == "bad value in value-error.dcm"
    assert str(library_error.value) == "InvalidDicomError: not DICOM: pydicom-error.dcm"
    assert isolated.pid == child


def test_what_the_child_prints_to_standard_error_is_not_shown(capfd):
    decoder = IsolatedDecoder(_answer, timeout_s=20)  # started here, under this test's capture
    try:
        assert decoder.run(Path("noisy.dcm")) == "noisy.dcm ()"
    finally:
        decoder.close()

    assert capfd.readouterr().err == ""


def test_damaged_jpeg_lossless_files_get_their_rows_without_decoder_noise(tmp_path, capfd):
    whole, start = small_compressed_image(tmp_path / "whole.dcm", uid.JPEGLosslessSV1)
    DECODERS.close()  # the next read starts its child under this test's capture
    outcomes = []
    for offset in range(0, 12, 2):
        # A zero breaks a marker or a length: libjpeg complains.
        path = with_byte_changed(whole, start + offset, 0x00, tmp_path / f"damaged-{offset}.dcm")
        try:
            read_image(path)
            outcomes.append("read")
        except UnreadableImage as error:
            outcomes.append(str(error))

    assert any(outcome != "read" for outcome in outcomes)
    assert capfd.readouterr().err == ""


def test_threads_share_the_child_and_each_gets_its_own_answer(isolated):
    def ask(thread: int) -> list[str]:
        return [isolated.run(Path(f"{thread}-{i}.dcm"), i) for i in range(20)]

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(ask, range(4)))

    assert answers == [[f"{t}-{i}.dcm ({i},)" for i in range(20)] for t in range(4)]


def test_close_ends_the_child(isolated):
    isolated.run(Path("x.dcm"))
    child = isolated.pid

    isolated.close()

    assert isolated.pid is None
    assert child is not None
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
