"""The image formats PneumoScreen reads: one table, from which every other list is derived.

The formats used to be listed in five places (the raster reader twice, the Add-files dialog, the
drop zone, the training data), which drifted apart. Now each of those derives its list from
`FORMATS`: which formats Pillow may open, the reason that names them, the dialog's filter, the
drop zone's hint, the training data's suffixes; a test checks the README's list against it too.
Adding a format is one row here, plus its decode if no reader handles it yet.

A file is recognised by its content, never its name (a DICOM file often has no extension, a JPEG
may be named `.png`): the suffixes only say what the file dialog offers and what the training
data lists. `KNOWN_UNSUPPORTED` names a few image formats a clinic may meet but PneumoScreen does
not read (iPhone photos are HEIC), so such a file is told apart from one that is no image at all.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class Reader(enum.Enum):
    """Which module turns a format's bytes into pixels."""

    PILLOW = "core.raster_reader (Pillow; JPEG pixels by core.jpeg_pixels)"
    DICOM = "core.dicom_reader (pydicom)"


@dataclass(frozen=True)
class ImageFormat:
    """One format PneumoScreen reads."""

    name: str  # as users know it: "JPEG", "WebP"
    suffixes: tuple[str, ...]  # lower case, with the dot, the usual one first
    recognised_by: str  # how its bytes are told apart, in words (for documentation)
    reader: Reader
    pillow_format: str | None = None  # Pillow's name for it, for the Pillow reader


FORMATS: tuple[ImageFormat, ...] = (
    ImageFormat("JPEG", (".jpg", ".jpeg"), "starts FF D8 FF", Reader.PILLOW, "JPEG"),
    ImageFormat("PNG", (".png",), "starts 89 'PNG'", Reader.PILLOW, "PNG"),
    ImageFormat("WebP", (".webp",), "'RIFF', a size, then 'WEBP'", Reader.PILLOW, "WEBP"),
    ImageFormat("BMP", (".bmp",), "starts 'BM'", Reader.PILLOW, "BMP"),
    ImageFormat("TIFF", (".tif", ".tiff"), "starts 'II*' or 'MM*'", Reader.PILLOW, "TIFF"),
    ImageFormat("GIF", (".gif",), "starts 'GIF87a' or 'GIF89a'", Reader.PILLOW, "GIF"),
    ImageFormat(
        "DICOM",
        (".dcm", ".dicom"),
        "'DICM' after a 128-byte preamble, or a data set without it (core.dicom_signature)",
        Reader.DICOM,
    ),
)

#: Pillow's names for the formats it may open: a closed list, because some Pillow plugins run
#: external programs (EPS calls Ghostscript) or parse formats no X-ray workflow produces.
PILLOW_FORMATS: tuple[str, ...] = tuple(
    form.pillow_format for form in FORMATS if form.pillow_format is not None
)
#: Every suffix of every format, in table order ("*.jpg" and so on in the file dialog).
SUFFIXES: tuple[str, ...] = tuple(suffix for form in FORMATS for suffix in form.suffixes)
#: The suffixes of the formats Pillow reads (the training data is read with Pillow).
PILLOW_SUFFIXES: frozenset[str] = frozenset(
    suffix for form in FORMATS if form.reader is Reader.PILLOW for suffix in form.suffixes
)


def format_names(last_joint: str = " or ") -> str:
    """The formats' names as a list in a sentence: "JPEG, PNG, WebP, BMP, TIFF, GIF or DICOM"."""
    names = [form.name for form in FORMATS]
    return ", ".join(names[:-1]) + last_joint + names[-1]


def _iso_media_brand(data: bytes | bytearray) -> bytes:
    """The major brand of an ISO media file ("heic", "avif"), or b"" for anything else."""
    return bytes(data[8:12]) if data[4:8] == b"ftyp" else b""


#: Image formats a clinic may meet that PneumoScreen does not read, each with a test of its
#: bytes; none of them is opened, only recognised, to say so instead of "not an image".
KNOWN_UNSUPPORTED: tuple[tuple[str, Callable[[bytes | bytearray], bool]], ...] = (
    (
        "HEIC",
        lambda data: _iso_media_brand(data) in (b"heic", b"heix", b"heim", b"heis", b"mif1"),
    ),
    ("AVIF", lambda data: _iso_media_brand(data) in (b"avif", b"avis")),
    (
        "JPEG 2000",
        lambda data: (
            data[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or data[:4] == b"\xff\x4f\xff\x51"
        ),
    ),
    ("JPEG XL", lambda data: data[:2] == b"\xff\x0a" or data[4:8] == b"JXL "),
    ("PDF", lambda data: data[:5] == b"%PDF-"),
)


def unsupported_format_name(data: bytes | bytearray) -> str | None:
    """The name of the known but unsupported format `data` is in ("HEIC"), else None."""
    return next((name for name, test in KNOWN_UNSUPPORTED if test(data)), None)
