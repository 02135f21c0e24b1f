"""Properties of the readers over generated files (hypothesis): whatever the bytes, `read_image`
returns upright 2-D uint8 pixels of the image's size, or raises `UnreadableImage`; nothing else.

`test_image_reader.py` and `test_dicom_reader.py` pin particular files; these tests let
hypothesis choose sizes, modes, bit depths, encodings, cut points and byte values.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image
from pydicom import uid
from pydicom.dataset import Dataset

from core.decoded import DecodedImage, stretch_to_uint8
from core.errors import UnreadableImage
from core.image_reader import read_image
from corpora.bad_inputs import make_dataset
from corpora.dicom_files import radiograph_like

# Moderate: the whole module runs in seconds. No example database: nothing is
# written into the working tree; a failure prints the example that reproduces it.
PROPERTY = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning"),  # pydicom and Pillow on damaged data
    pytest.mark.filterwarnings("ignore::DeprecationWarning:pydicom"),
]

EXTENSIONS = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".gif", ".dcm", "")
#: The first bytes of each supported format: random bytes after them reach the format's parser
#: instead of stopping at "not an image".
SIGNATURES = (
    b"",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    bytes(128) + b"DICM",
)
#: (Pillow mode, formats that store it), for images a phone, scanner or X-ray export may write.
MODES = {
    "L": ("PNG", "JPEG", "BMP", "TIFF", "GIF"),
    "RGB": ("PNG", "JPEG", "BMP", "TIFF", "GIF"),
    "RGBA": ("PNG", "BMP", "TIFF", "GIF"),
    "P": ("PNG", "BMP", "TIFF", "GIF"),
    "I;16": ("PNG", "TIFF"),
    "1": ("PNG", "BMP", "TIFF", "GIF"),
}
SIDES = st.integers(1, 40)
DICOM_SYNTAXES = (
    uid.ExplicitVRLittleEndian,
    uid.ImplicitVRLittleEndian,
    uid.DeflatedExplicitVRLittleEndian,
    uid.RLELossless,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """One folder for the module: hypothesis runs each test many times with one fixture value."""
    return tmp_path_factory.mktemp("properties")


def read_or_refuse(path: Path) -> DecodedImage | None:
    """`read_image(path)`, or None when it refuses the file with `UnreadableImage`.

    Any other exception fails the test, with hypothesis's smallest example that raised it.
    """
    try:
        decoded = read_image(path)
    except UnreadableImage as error:
        assert str(error).startswith(f"{path.name} could not be read: ")
        return None
    assert decoded.pixels.ndim == 2 and decoded.pixels.dtype == np.uint8
    return decoded


def written(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def encoded(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


@st.composite
def images(draw: st.DrawFn, modes: dict[str, tuple[str, ...]] = MODES) -> tuple[Image.Image, str]:
    """A small image of any mode, with pixels chosen by hypothesis, and a format that holds it."""
    mode = draw(st.sampled_from(sorted(modes)))
    fmt = draw(st.sampled_from(modes[mode]))
    height, width = draw(SIDES), draw(SIDES)
    if mode == "I;16":
        pixels = draw(arrays(np.uint16, (height, width)))
        return Image.fromarray(pixels), fmt
    bands = {"L": 1, "P": 1, "1": 1, "RGB": 3, "RGBA": 4}[mode]
    pixels = draw(arrays(np.uint8, (height, width, bands)))
    image = Image.fromarray(pixels[..., 0] if bands == 1 else pixels)
    if mode == "P":
        image = Image.frombytes("P", image.size, image.tobytes())
        image.putpalette(draw(st.binary(min_size=768, max_size=768)))
    return image.convert(mode) if mode == "1" else image, fmt


# --- Any bytes ----------------------------------------------------------------------------------


@PROPERTY
@given(
    signature=st.sampled_from(SIGNATURES),
    tail=st.binary(max_size=2048),
    extension=st.sampled_from(EXTENSIONS),
)
def test_any_bytes_under_any_supported_name_decode_or_raise_unreadable_image(
    folder, signature, tail, extension
):
    read_or_refuse(written(folder, f"any{extension}", signature + tail))


# --- Valid images of every mode -----------------------------------------------------------------


@PROPERTY
@given(image_and_format=images())
def test_any_small_image_decodes_to_gray_pixels_of_its_size(folder, image_and_format):
    image, fmt = image_and_format
    decoded = read_or_refuse(written(folder, f"image.{fmt.lower()}", encoded(image, fmt)))

    assert decoded is not None, f"a valid {image.mode} {fmt} was refused"
    assert decoded.pixels.shape == (image.height, image.width)
    assert decoded.source_format == fmt
    assert decoded.original_size == image.size


@PROPERTY
@given(
    pixels=SIDES.flatmap(lambda h: SIDES.flatmap(lambda w: arrays(np.uint8, (h, w)))),
    fmt=st.sampled_from(("PNG", "BMP", "TIFF", "GIF")),
)
def test_8_bit_gray_in_a_lossless_format_comes_back_exactly(folder, pixels, fmt):
    data = encoded(Image.fromarray(pixels), fmt)

    decoded = read_or_refuse(written(folder, f"gray.{fmt.lower()}", data))

    np.testing.assert_array_equal(decoded.pixels, pixels)  # also: not turned, not mirrored


@PROPERTY
@given(
    pixels=SIDES.flatmap(lambda h: SIDES.flatmap(lambda w: arrays(np.uint16, (h, w)))),
    fmt=st.sampled_from(("PNG", "TIFF")),
)
def test_16_bit_gray_is_stretched_from_its_darkest_to_its_brightest(folder, pixels, fmt):
    data = encoded(Image.fromarray(pixels), fmt)

    decoded = read_or_refuse(written(folder, f"deep.{fmt.lower()}", data))

    np.testing.assert_array_equal(decoded.pixels, stretch_to_uint8(pixels))


@PROPERTY
@given(
    gray=SIDES.flatmap(lambda h: SIDES.flatmap(lambda w: arrays(np.uint8, (h, w)))),
    fmt=st.sampled_from(("PNG", "TIFF")),
)
def test_gray_stored_as_rgb_rgba_or_palette_comes_back_exactly(folder, gray, fmt):
    rgb = np.stack([gray] * 3, axis=-1)
    opaque = np.dstack([rgb, np.full_like(gray, 255)])
    reversed_palette = Image.frombytes("P", (gray.shape[1], gray.shape[0]), (255 - gray).tobytes())
    reversed_palette.putpalette([v for index in range(256) for v in (255 - index,) * 3])
    for image in (Image.fromarray(rgb), Image.fromarray(opaque), reversed_palette):
        path = written(folder, f"{image.mode}.{fmt.lower()}", encoded(image, fmt))

        np.testing.assert_array_equal(read_or_refuse(path).pixels, gray, err_msg=image.mode)


# --- Truncated and damaged files ----------------------------------------------------------------


def _dicom_bytes(ds: Dataset, syntax: str = uid.ExplicitVRLittleEndian) -> bytes:
    if syntax == uid.RLELossless:
        ds.compress(syntax, encoding_plugin="pydicom")  # GDCM's RLE encoder aborts on 3 x 3
    else:
        ds.file_meta.TransferSyntaxUID = syntax
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


VALID_FILES: dict[str, bytes] = {
    "image.png": encoded(Image.fromarray(radiograph_like()), "PNG"),
    "image.jpg": encoded(Image.fromarray(radiograph_like()), "JPEG"),
    "image.dcm": _dicom_bytes(make_dataset(radiograph_like())),
    "rle.dcm": _dicom_bytes(make_dataset(radiograph_like()), uid.RLELossless),
}


@PROPERTY
@given(name=st.sampled_from(sorted(VALID_FILES)), cut=st.floats(0.0, 1.0, exclude_max=True))
def test_a_file_cut_anywhere_decodes_or_raises_unreadable_image(folder, name, cut):
    whole = VALID_FILES[name]

    decoded = read_or_refuse(written(folder, f"cut-{name}", whole[: int(len(whole) * cut)]))

    if decoded is not None:
        assert decoded.pixels.shape == radiograph_like().shape


@PROPERTY
@given(
    name=st.sampled_from(sorted(VALID_FILES)),
    changes=st.lists(
        st.tuples(st.floats(0.0, 1.0, exclude_max=True), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_a_file_with_bytes_changed_anywhere_decodes_or_raises_unreadable_image(
    folder, name, changes
):
    data = bytearray(VALID_FILES[name])
    for where, value in changes:
        data[int(len(data) * where)] = value

    read_or_refuse(written(folder, f"changed-{name}", bytes(data)))


# --- DICOM of any depth -------------------------------------------------------------------------


@st.composite
def dicom_pixels(draw: st.DrawFn) -> tuple[np.ndarray, int]:
    """Stored values of any depth a grayscale DICOM image may have: (pixels, bits stored)."""
    dtype = draw(st.sampled_from((np.uint8, np.uint16, np.int8, np.int16)))
    bits = draw(st.integers(1, np.dtype(dtype).itemsize * 8))
    signed = np.issubdtype(dtype, np.signedinteger)
    low, high = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
    assume(low < high)  # one signed bit holds -1 and 0 only; pydicom refuses it anyway
    shape = (draw(SIDES), draw(SIDES))
    return draw(arrays(dtype, shape, elements=st.integers(low, high))), bits


@PROPERTY
@given(
    stored=dicom_pixels(),
    syntax=st.sampled_from(DICOM_SYNTAXES),
    rescale=st.none() | st.tuples(st.sampled_from((0.5, 1.0, 2.0)), st.integers(-1024, 1024)),
    window=st.none() | st.tuples(st.integers(-2000, 4000), st.integers(1, 8000)),
)
def test_grayscale_dicom_of_any_depth_decodes_and_monochrome1_is_its_negative(
    folder, stored, syntax, rescale, window
):
    pixels, bits = stored
    # pydicom's RLE encoder writes one segment a pixel for 16-bit data with 8 or fewer bits
    # stored, where the standard (and its decoder) want two: an invalid file, not a reader's fault.
    assume(not (syntax == uid.RLELossless and pixels.itemsize == 2 and bits <= 8))
    decoded = {}
    for photometric in ("MONOCHROME2", "MONOCHROME1"):
        ds = make_dataset(pixels, photometric, bits)
        if rescale is not None:
            ds.RescaleSlope, ds.RescaleIntercept = rescale
        if window is not None:
            ds.WindowCenter, ds.WindowWidth = window
        path = written(folder, f"{photometric}.dcm", _dicom_bytes(ds, syntax))
        decoded[photometric] = read_or_refuse(path)
        assert decoded[photometric] is not None, f"a valid {bits}-bit {photometric} was refused"
        assert decoded[photometric].pixels.shape == pixels.shape
        assert decoded[photometric].original_size == (pixels.shape[1], pixels.shape[0])

    np.testing.assert_array_equal(
        decoded["MONOCHROME1"].pixels, 255 - decoded["MONOCHROME2"].pixels
    )


def test_the_corpus_of_signatures_reaches_every_parser():
    """The signatures really are what each format starts with (else the first property would
    test "not an image" only)."""
    firsts = {fmt: encoded(Image.new("L", (2, 2)), fmt) for fmt in ("PNG", "JPEG", "GIF", "BMP")}
    firsts["TIFF"] = encoded(Image.new("L", (2, 2)), "TIFF")
    for fmt, data in firsts.items():
        assert any(s and data.startswith(s) for s in SIGNATURES), fmt
    assert VALID_FILES["image.dcm"][:132] == SIGNATURES[-1]
