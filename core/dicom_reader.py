"""Reading DICOM files into 8-bit grayscale with pydicom, decoding compressed pixels with GDCM.

CR and DX units mostly write JPEG Lossless. Of the Python decoders for it, python-gdcm is the one
under a permissive licence (Apache-2.0; pylibjpeg-libjpeg is GPL), and it also reads JPEG
baseline, JPEG-LS and JPEG 2000, so it is the one codec the app ships. Files are recognised by
content, since many DICOM files have no extension.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pydicom
from pydicom import uid
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.pixels import pixel_array

from core.decoded import MAX_PIXELS, DecodedImage, reduction_factor, too_large_reason
from core.dicom_display import display_pixels
from core.errors import UnreadableImage, UnsupportedDicom

#: Transfer syntaxes we decode, each with the pydicom plugin that must do it ("" = not
#: compressed). Naming the plugin keeps decoding the same whatever else is installed.
DECODING_PLUGINS: dict[str, str] = {
    uid.ImplicitVRLittleEndian: "",
    uid.ExplicitVRLittleEndian: "",
    uid.DeflatedExplicitVRLittleEndian: "",
    uid.ExplicitVRBigEndian: "",
    uid.RLELossless: "pydicom",
    uid.JPEGBaseline8Bit: "gdcm",
    uid.JPEGExtended12Bit: "gdcm",  # 8-bit samples only: GDCM cannot decode 12-bit ones
    uid.JPEGLossless: "gdcm",
    uid.JPEGLosslessSV1: "gdcm",
    uid.JPEGLSLossless: "gdcm",
    uid.JPEGLSNearLossless: "gdcm",
    uid.JPEG2000Lossless: "gdcm",
    uid.JPEG2000: "gdcm",
}

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
_DAMAGE = (ValueError, RuntimeError, OSError, EOFError, struct.error, KeyError, IndexError)


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
        frame = _first_frame(path, header, transfer_syntax)
        factor = reduction_factor((frame.shape[1], frame.shape[0]), min_side)
        pixels = display_pixels(_reduce(frame, factor), header)
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
        detail = f" ({kind})" if kind else ""
        raise UnsupportedDicom(path, f"it is a DICOM file without an image{detail}")
    syntax = uid.UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    if syntax not in DECODING_PLUGINS:
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


def _first_frame(path: Path, header: Dataset, syntax: str) -> np.ndarray:
    """Decode frame 0 only. Read from the file, so the other frames never reach memory."""
    if syntax == uid.DeflatedExplicitVRLittleEndian:
        return pixel_array(header, index=0)  # the header read has already inflated it all
    return pixel_array(path, index=0, decoding_plugin=DECODING_PLUGINS[syntax])


def _reduce(frame: np.ndarray, factor: int) -> np.ndarray:
    """Box-average a frame by `factor`, keeping its dtype (stored values stay integers).

    Before the display transforms, not after, so they handle a small image: the rescale is linear
    and commutes exactly; a window or VOI LUT differs only where a box straddles its edge. Done in
    numpy on the stored integers: a float copy of a 4.8-megapixel frame would double the peak
    memory of a batch. Edge rows and columns that do not fill a whole box are dropped.
    """
    if factor <= 1:
        return frame
    rows, cols = frame.shape[0] // factor, frame.shape[1] // factor
    boxes = frame[: rows * factor, : cols * factor].reshape(
        rows, factor, cols, factor, *frame.shape[2:]
    )
    return np.rint(boxes.mean(axis=(1, 3))).astype(frame.dtype)


def _metadata(ds: Dataset) -> dict[str, str]:
    values = {keyword: ds.get(keyword) for keyword in METADATA_KEYWORDS}
    return {key: str(value).strip() for key, value in values.items() if value not in (None, "")}
