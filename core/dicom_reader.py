"""Reading DICOM files into 8-bit grayscale with pydicom.

Here: the header, what can be decoded, the display and the identifiers; the pixels themselves are
decoded by `core.dicom_decoding`, which keeps GDCM, the one permissive decoder of JPEG Lossless
(the usual CR and DX encoding), in a child process because damaged data can crash it. Files are
recognised by content, since many DICOM files have no extension.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pydicom
from pydicom import uid
from pydicom.dataset import Dataset
from pydicom.errors import BytesLengthException, InvalidDicomError

from core.decoded import MAX_PIXELS, DecodedImage, reduction_factor, too_large_reason
from core.dicom_decoding import DECODABLE, first_frame
from core.dicom_display import display_pixels
from core.errors import UnreadableImage, UnsupportedDicom

#: The identifiers passed on to the result log, when the file has them.
METADATA_KEYWORDS = (
    "PatientID",
    "StudyDate",
    "StudyInstanceUID",
    "SeriesInstanceUID",
    "SOPInstanceUID",
    "Modality",
    "ViewPosition",
)

_PHOTOMETRICS = (
    "MONOCHROME1",
    "MONOCHROME2",
    "PALETTE COLOR",
    "RGB",
    "YBR_FULL",
    "YBR_FULL_422",
    "YBR_ICT",
    "YBR_RCT",
)
_DEFER_BYTES = 64 * 1024  # the header read leaves larger values (the pixels) on disk
# What pydicom and its plugins raise for damaged data; each becomes an `UnreadableImage`.
_DAMAGE = (
    ValueError,
    RuntimeError,
    OSError,
    EOFError,
    struct.error,
    KeyError,
    IndexError,
    BytesLengthException,  # a value cut short, e.g. by a truncation inside the file meta
)


def is_dicom(path: Path) -> bool:
    """True if the file starts with the DICOM preamble: 128 bytes, then `DICM`.

    Raises:
        OSError: the file cannot be opened.
    """
    with Path(path).open("rb") as file:
        return file.read(132)[128:132] == b"DICM"


def read_dicom(path: Path, min_side: int | None) -> DecodedImage:
    """Read the first frame of a DICOM image into display-ready 8-bit grayscale.

    The pixel data is decoded once, one frame only, straight from the file; a large frame is then
    reduced by the largest power of two that keeps both sides >= `min_side` (`None`: full size)
    before the display transforms, so they run on the small image (`core.dicom_display`).

    Raises:
        UnsupportedDicom: no image in the file (a report, a directory), or an encoding or pixel
            layout we cannot decode.
        UnreadableImage: the header or the pixel data is damaged, or the image is too large.
    """
    header = _read_header(path)
    try:
        transfer_syntax = _check_decodable(header, path)
        factor = reduction_factor((int(header.Columns), int(header.Rows)), min_side)
        pixels = display_pixels(first_frame(path, header, transfer_syntax, factor), header)
    except NotImplementedError as exc:
        raise UnsupportedDicom(path, "its pixel data is encoded in a way we cannot decode") from exc
    except (*_DAMAGE, TypeError, AttributeError) as exc:
        raise UnreadableImage(path, "the DICOM pixel data is damaged or incomplete") from exc
    return DecodedImage(
        pixels=pixels,
        source_format="DICOM",
        original_size=(int(header.Columns), int(header.Rows)),
        dicom=_metadata(header),
    )


def _read_header(path: Path) -> Dataset:
    try:
        return pydicom.dcmread(path, defer_size=_DEFER_BYTES)
    except (*_DAMAGE, InvalidDicomError, NotImplementedError) as exc:
        raise UnreadableImage(path, "the DICOM header is damaged or incomplete") from exc


def _check_decodable(ds: Dataset, path: Path) -> str:
    """Refuse, before decoding anything, what we cannot decode; return the transfer syntax."""
    if "PixelData" not in ds:
        kind = uid.UID(str(ds.get("SOPClassUID", ""))).name
        if len(ds) == 0 or "Rows" in ds or "Image Storage" in kind:
            # pydicom stops quietly at a truncation: an image cut off before or inside its
            # pixels reads as a header without pixel data, or (inside compressed data) as nothing.
            raise UnreadableImage(path, "the DICOM file is incomplete (its pixel data is missing)")
        if "SOPClassUID" not in ds:
            # Every DICOM object names its class; without one (the preamble, then noise) the
            # header is what is broken, not a report or other object without an image.
            raise UnreadableImage(path, "the DICOM header is damaged or incomplete")
        detail = f" ({kind})" if kind else ""
        raise UnsupportedDicom(path, f"it is a DICOM file without an image{detail}")
    syntax = uid.UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    if syntax not in DECODABLE:
        raise UnsupportedDicom(
            path, f"its DICOM encoding is not supported ({syntax.name or 'none given'})"
        )
    bits = int(ds.get("BitsStored", 0))
    if syntax == uid.JPEGExtended12Bit and bits > 8:
        raise UnsupportedDicom(
            path, f"12-bit JPEG Extended compression is not supported ({syntax})"
        )
    photometric = str(ds.get("PhotometricInterpretation", "")).strip().upper()
    if photometric not in _PHOTOMETRICS or int(ds.get("SamplesPerPixel", 1)) not in (1, 3):
        raise UnsupportedDicom(
            path, f"its colour encoding is not supported ({photometric or 'none'})"
        )
    rows, columns = int(ds.get("Rows", 0)), int(ds.get("Columns", 0))
    if rows < 1 or columns < 1:
        raise UnreadableImage(path, f"the DICOM header gives no image size ({columns} x {rows})")
    if rows * columns > MAX_PIXELS:
        raise UnreadableImage(path, too_large_reason((columns, rows)))
    return syntax


def _metadata(ds: Dataset) -> dict[str, str]:
    values = {keyword: ds.get(keyword) for keyword in METADATA_KEYWORDS}
    return {key: str(value).strip() for key, value in values.items() if value not in (None, "")}
