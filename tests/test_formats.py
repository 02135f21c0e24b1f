"""One table of formats (issue 18): every list of supported formats derives from `core.formats`,
and each row of the table is read by the reader it names."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.errors import UnreadableImage
from core.formats import (
    FORMATS,
    PILLOW_FORMATS,
    PILLOW_SUFFIXES,
    SUFFIXES,
    Reader,
    format_names,
    unsupported_format_name,
)
from core.image_reader import decode_image
from core.raster_reader import NOT_AN_IMAGE
from core.reason_codes import ReasonCode
from tests.conftest import REPO

SAMPLE = REPO.parent / "shared/data/samples/PNEUMONIA/person1141_bacteria_3085.png"


def test_names_and_suffixes_are_unique_and_suffixes_are_lower_case_with_a_dot():
    assert len({form.name for form in FORMATS}) == len(FORMATS)
    assert len(set(SUFFIXES)) == len(SUFFIXES)
    assert all(re.fullmatch(r"\.[a-z0-9]+", suffix) for suffix in SUFFIXES)


def test_pillow_opens_only_the_formats_of_the_table():
    pillow_rows = [form for form in FORMATS if form.reader is Reader.PILLOW]
    assert tuple(form.pillow_format for form in pillow_rows) == PILLOW_FORMATS
    assert all(form.pillow_format is None for form in FORMATS if form.reader is Reader.DICOM)
    assert {"WEBP", "JPEG", "PNG"} <= set(PILLOW_FORMATS)
    assert "EPS" not in PILLOW_FORMATS  # runs Ghostscript: never opened


@pytest.mark.parametrize(
    "form", [f for f in FORMATS if f.reader is Reader.PILLOW], ids=lambda f: f.name
)
def test_each_pillow_row_is_read_by_the_raster_reader(form):
    image = Image.open(SAMPLE).convert("L")
    stream = io.BytesIO()
    image.save(stream, form.pillow_format)
    decoded = decode_image(stream.getvalue(), Path(f"film{form.suffixes[0]}"), None)
    assert decoded.source_format == form.pillow_format
    assert decoded.pixels.shape == np.asarray(image).shape


def test_the_not_an_image_reason_names_every_format():
    assert format_names() in NOT_AN_IMAGE
    for form in FORMATS:
        assert form.name in NOT_AN_IMAGE


def test_the_add_files_filter_offers_every_suffix_of_the_table():
    from desktop.file_dialogs import IMAGE_PATTERNS

    assert IMAGE_PATTERNS.split() == [f"*{suffix}" for suffix in SUFFIXES]


def test_the_drop_zone_hint_names_every_format(qtbot):
    from desktop.drop_zone import DropZone

    zone = DropZone([])
    qtbot.addWidget(zone)
    hint = zone._hint.text()
    for form in FORMATS:
        assert form.name in hint, hint


def test_the_readme_names_every_format_and_no_other():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"You give it X-ray files \(([^)]*)\)", " ".join(readme.split()))
    assert found, "the README's formats sentence ('You give it X-ray files (...)') is missing"
    assert found[1] == format_names()


def test_the_training_data_lists_the_formats_pillow_reads():
    from training.data import IMAGE_SUFFIXES

    assert IMAGE_SUFFIXES == PILLOW_SUFFIXES
    assert {".png", ".jpg", ".jpeg", ".webp"} <= IMAGE_SUFFIXES
    assert ".dcm" not in IMAGE_SUFFIXES  # read_grayscale uses Pillow, which reads no DICOM


KNOWN_UNSUPPORTED = {
    "HEIC": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
    "AVIF": b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(64),
    "JPEG 2000": b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(64),
    "JPEG XL": b"\xff\x0a" + bytes(64),
    "PDF": b"%PDF-1.7\n" + bytes(64),
}


@pytest.mark.parametrize("name", list(KNOWN_UNSUPPORTED))
def test_a_known_image_format_we_do_not_read_is_named_not_called_no_image(name):
    data = KNOWN_UNSUPPORTED[name]
    assert unsupported_format_name(data) == name
    with pytest.raises(UnreadableImage) as refused:
        decode_image(data, Path("photo.x"), None)
    assert refused.value.code is ReasonCode.UNSUPPORTED_FORMAT
    assert f"it is in the {name} format, which PneumoScreen does not read" in str(refused.value)
    assert format_names() in str(refused.value)  # and says what it does read


@pytest.mark.parametrize("data", [b"hello, world\n" * 8, bytes(range(256))])
def test_bytes_that_are_no_image_are_not_an_image(data):
    assert unsupported_format_name(data) is None
    with pytest.raises(UnreadableImage) as refused:
        decode_image(data, Path("notes.txt"), None)
    assert (refused.value.code, refused.value.reason) == (ReasonCode.NOT_AN_IMAGE, NOT_AN_IMAGE)
