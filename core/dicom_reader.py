"""Reading DICOM files into 8-bit grayscale with pydicom, from the bytes the caller read once.

Here: recognising DICOM, the header, what can be decoded and what it will cost, the colour share,
the display and the identifiers; the pixels themselves are decoded by `core.dicom_decoding`.
Files are recognised by content, since many DICOM files have no extension, and some writers
leave out the 128-byte preamble and `DICM` (and the file meta with them).

Memory is bounded before anything large is made: a deflated data set is measured by inflating it
into nothing, in steps, and refused once it passes `MAX_DECODE_BYTES` (a 1 MB file can hold
gigabytes of zeros); an uncompressed pixel data element far larger than the image it declares is
refused; and the bytes the decode will allocate (bit depth, channels, the working copies) are
checked with `refuse_costly_decode`.
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from pathlib import Path

import pydicom
from pydicom import uid
from pydicom.datadict import dictionary_description
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.errors import BytesLengthException, InvalidDicomError
from pydicom.filereader import _read_file_meta_info, read_preamble
from pydicom.multival import MultiValue

from core.decoded import (
    MAX_DECODE_BYTES,
    MAX_PIXELS,
    DecodedImage,
    reduction_factor,
    refuse_costly_decode,
    too_large_reason,
)
from core.dicom_decoding import (
    DECODABLE,
    decode_bytes_per_pixel,
    first_frame,
    reduce_frame,
)
from core.dicom_display import colour_share_of, display_bytes_per_pixel, display_pixels
from core.dicom_signature import has_part10_signature, starts_like_a_data_set
from core.errors import UnreadableImage, UnsupportedDicom
from core.reason_codes import ReasonCode

#: The identifiers passed on to the result log, when the file has them; the patient's name, sex
#: and age (or birth date) are read into plain values by `core.patient`.
METADATA_KEYWORDS = (
    "PatientID",
    "PatientName",
    "PatientSex",
    "PatientAge",
    "PatientBirthDate",
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
#: What every image must declare before its pixels can be laid out.
_IMAGE_ATTRIBUTES = ("Rows", "Columns", "BitsAllocated")
#: The numbers that lay the pixels out; each must be a whole number when present.
_LAYOUT_NUMBERS = (
    *_IMAGE_ATTRIBUTES,
    "BitsStored",
    "SamplesPerPixel",
    "PixelRepresentation",
    "NumberOfFrames",
)
#: The numbers the display applies to every pixel; each must be finite when present.
_DISPLAY_NUMBERS = ("RescaleSlope", "RescaleIntercept", "WindowCenter", "WindowWidth")
_DEFER_BYTES = 64 * 1024  # the header read leaves larger values (the pixels) in the bytes
#: How much deflated data is fed to zlib, and how much it may give back, at a time.
_INFLATE_IN = 64 * 1024
_INFLATE_OUT = 1 << 20
#: Slack allowed on an uncompressed pixel data element beyond the image it declares: padding,
#: a writer's spare frame. Anything far beyond is damage (or a bomb), and is never read.
_PIXEL_SLACK = 1 << 20
# What pydicom and its plugins raise for damaged data; each becomes an `UnreadableImage`.
_DAMAGE = (
    ValueError,
    RuntimeError,
    OSError,
    EOFError,
    struct.error,
    KeyError,
    IndexError,
    zlib.error,
    BytesLengthException,  # a value cut short, e.g. by a truncation inside the file meta
)


def is_dicom(data: bytes) -> bool:
    """True if `data` (a whole file) is DICOM: a Part 10 file (128 bytes, then `DICM`), or a
    data set written without preamble and file meta, as some older writers do.

    The second kind has no signature. It is taken for DICOM when its first element is one of
    group 0008 (or 0002, the file meta) with a known VR (or, implicit VR, a length that fits in
    the file), in either byte order, and pydicom then reads from it an SOP Class UID or an image
    size: JPEG, PNG, text and noise fail the first test, and a chance match the second.
    """
    if has_part10_signature(data):
        return True
    if not starts_like_a_data_set(data):
        return False
    try:
        header = pydicom.dcmread(io.BytesIO(data), force=True, stop_before_pixels=True)
    except (*_DAMAGE, InvalidDicomError, NotImplementedError, TypeError, AttributeError):
        return False
    return "SOPClassUID" in header or all(name in header for name in ("Rows", "Columns"))


def read_dicom(data: bytes, path: Path, min_side: int | None) -> DecodedImage:
    """Read the first frame of the DICOM file whose bytes are `data` into display-ready 8-bit
    grayscale; `path` only names the file in messages.

    The pixel data is decoded once, one frame only; a large frame is then reduced by the
    largest power of two that keeps both sides >= `min_side` (`None`: full size) before the
    display transforms, so they run on the small image (`core.dicom_display`). The colour share
    is measured on the decoded frame, before it becomes grey.

    Raises:
        UnsupportedDicom: no image in the file (a report, a directory), or an encoding or pixel
            layout we cannot decode.
        UnreadableImage: the header or the pixel data is damaged, or the image is too large
            (to hold, or to decode within `MAX_DECODE_BYTES`).
    """
    header, inflated = _read_header(data, path)
    try:
        syntax = _check_decodable(header, path)
        size = (int(header.Columns), int(header.Rows))
        factor = reduction_factor(size, min_side)
        refuse_costly_decode(
            path,
            size,
            decode_bytes_per_pixel(header, syntax) + display_bytes_per_pixel(header) / factor**2,
            held=len(data) + inflated,
        )
        frame, photometric = first_frame(data, header, syntax)
        colour_share = colour_share_of(frame, header, photometric)
        pixels = display_pixels(reduce_frame(frame, factor), header, photometric)
    except NotImplementedError as exc:
        raise UnsupportedDicom(path, "its pixel data is encoded in a way we cannot decode") from exc
    except (*_DAMAGE, TypeError, AttributeError) as exc:
        raise UnreadableImage(
            path, "the DICOM pixel data is damaged or incomplete", ReasonCode.DAMAGED_DATA
        ) from exc
    return DecodedImage(
        pixels=pixels,
        source_format="DICOM",
        original_size=size,
        dicom=_metadata(header),
        colour_share=colour_share,
    )


def _read_header(data: bytes, path: Path) -> tuple[Dataset, int]:
    """The header of the file whose bytes are `data`, and how many bytes pydicom holds besides
    them (a deflated data set, inflated)."""
    part_10 = has_part10_signature(data)
    inflated = 0
    try:
        if part_10:
            inflated = _inflated_size(data, path)
        # Values over `_DEFER_BYTES` (the pixels) stay in the bytes until they are asked for.
        header = pydicom.dcmread(io.BytesIO(data), defer_size=_DEFER_BYTES, force=not part_10)
    except (*_DAMAGE, InvalidDicomError, NotImplementedError) as exc:
        raise UnreadableImage(
            path, "the DICOM header is damaged or incomplete", ReasonCode.DAMAGED_DATA
        ) from exc
    _record_the_encoding_found(header)
    return header, inflated


def _record_the_encoding_found(header: Dataset) -> None:
    """Make `header.original_encoding` say how the data set is really encoded.

    pydicom reads a data set in the VR it finds (some writers store implicit VR under a syntax
    that requires explicit VR), but records the one its transfer syntax names; the elements it
    has not yet converted keep what was found, and `core.dicom_decoding` chooses how to decode
    by it.
    """
    for tag in header.keys():  # noqa: SIM118 - iterating a Dataset converts each element
        element = header.get_item(tag, keep_deferred=True)  # as read, not converted
        if isinstance(element, RawDataElement):
            header.set_original_encoding(
                element.is_implicit_VR, element.is_little_endian, header.original_character_set
            )
            return


def _inflated_size(data: bytes, path: Path) -> int:
    """The size of the file's data set inflated, if it is deflated (else 0), found by inflating
    it here in steps of `_INFLATE_OUT` bytes, keeping none of them; past `MAX_DECODE_BYTES` it
    is refused before pydicom inflates it whole.

    Raises:
        UnreadableImage: the data set inflates past the bound.
        zlib.error: the deflated data is damaged.
    """
    stream = io.BytesIO(data)
    read_preamble(stream, force=False)
    # pydicom's own reader of the file meta (private, as is where the data set starts; pydicom
    # is pinned to 3.x): what follows it is the deflated data set.
    meta = _read_file_meta_info(stream)
    if meta.get("TransferSyntaxUID") != uid.DeflatedExplicitVRLittleEndian:
        return 0
    deflated = memoryview(data)[stream.tell() :]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    inflated = 0
    for start in range(0, len(deflated), _INFLATE_IN):
        pending = deflated[start : start + _INFLATE_IN]
        while pending and not inflater.eof:
            inflated += len(inflater.decompress(pending, _INFLATE_OUT))
            if inflated > MAX_DECODE_BYTES:
                raise UnreadableImage(
                    path,
                    "the image is too large to decode safely (its compressed DICOM data set "
                    f"inflates to more than {MAX_DECODE_BYTES // 2**20} MB)",
                    ReasonCode.TOO_LARGE,
                )
            pending = inflater.unconsumed_tail
    return inflated


def _check_decodable(ds: Dataset, path: Path) -> str:
    """Refuse, before decoding anything, what we cannot decode; return the transfer syntax."""
    if "FloatPixelData" in ds or "DoubleFloatPixelData" in ds:
        raise UnsupportedDicom(path, "its pixels are floating-point numbers, which we do not read")
    if "PixelData" not in ds:
        kind = _sop_class(ds).name
        if len(ds) == 0 or "Rows" in ds or "Image Storage" in kind:
            # pydicom stops quietly at a truncation: an image cut off before or inside its
            # pixels reads as a header without pixel data, or (inside compressed data) as nothing.
            raise UnreadableImage(
                path,
                "the DICOM file is incomplete (its pixel data is missing)",
                ReasonCode.DAMAGED_DATA,
            )
        if not kind:
            # Every DICOM object names its class; without one (the preamble, then noise) the
            # header is what is broken, not a report or other object without an image.
            raise UnreadableImage(
                path, "the DICOM header is damaged or incomplete", ReasonCode.DAMAGED_DATA
            )
        raise UnsupportedDicom(path, f"it is a DICOM file without an image ({kind})")
    missing = [name for name in _IMAGE_ATTRIBUTES if ds.get(name) in (None, "")]
    if missing:
        names = ", ".join(dictionary_description(name) for name in missing)
        raise UnreadableImage(
            path, f"the DICOM header is incomplete (it has no {names})", ReasonCode.DAMAGED_DATA
        )
    _check_numbers(ds, path)
    syntax = _transfer_syntax(ds)
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
    rows, columns = int(ds.Rows), int(ds.Columns)
    if rows < 1 or columns < 1:
        raise UnreadableImage(
            path,
            f"the DICOM header gives no image size ({columns} x {rows})",
            ReasonCode.DAMAGED_DATA,
        )
    if rows * columns > MAX_PIXELS:
        raise UnreadableImage(path, too_large_reason((columns, rows)), ReasonCode.TOO_LARGE)
    _refuse_oversized_pixel_element(ds, syntax, path)
    return syntax


def _check_numbers(ds: Dataset, path: Path) -> None:
    """Refuse a header whose pixel layout holds something other than a whole number (say an
    Integer String of "1A" frames), or whose rescale or window is not a finite number (NaN or
    infinity would make every pixel NaN): the header, not the pixel data, is what is damaged."""
    for keyword in _LAYOUT_NUMBERS + _DISPLAY_NUMBERS:
        value = ds.get(keyword)
        if value in (None, ""):
            continue
        for item in value if isinstance(value, MultiValue | list | tuple) else [value]:
            if item in (None, ""):
                continue
            try:
                usable = math.isfinite(float(item)) and (
                    keyword in _DISPLAY_NUMBERS or float(item) == int(item)
                )
            except (TypeError, ValueError, OverflowError):
                usable = False
            if not usable:
                raise UnreadableImage(
                    path,
                    f"the DICOM header is damaged (its {dictionary_description(keyword)} is "
                    f'"{item}", not a usable number)',
                    ReasonCode.DAMAGED_DATA,
                )


def _transfer_syntax(ds: Dataset) -> uid.UID:
    """The transfer syntax the file meta names or, where it names none (a data set without
    file meta), the encoding pydicom found the data set in; recorded in the file meta, where
    pydicom's decoders look for it."""
    syntax = uid.UID(str(ds.file_meta.get("TransferSyntaxUID", "")))
    if not syntax:
        implicit, little_endian = ds.original_encoding[:2]
        if implicit:
            syntax = uid.ImplicitVRLittleEndian
        else:
            syntax = uid.ExplicitVRLittleEndian if little_endian else uid.ExplicitVRBigEndian
        ds.file_meta.TransferSyntaxUID = syntax
    return syntax


def _refuse_oversized_pixel_element(ds: Dataset, syntax: str, path: Path) -> None:
    """Refuse uncompressed pixel data far larger than the frames it declares: it is never
    read, whatever it holds (a deflated bomb's zeros, or damage)."""
    if uid.UID(syntax).is_encapsulated:
        return
    element = ds.get_item("PixelData", keep_deferred=True)
    # Deferred (a RawDataElement): its length is known without reading the value.
    raw = isinstance(element, RawDataElement)
    length = element.length if raw else len(element.value or b"")
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    bits = int(ds.BitsAllocated) * int(ds.get("SamplesPerPixel", 1))
    declared = -(-int(ds.Rows) * int(ds.Columns) * max(1, frames) * bits // 8)
    if length != 0xFFFFFFFF and length > declared + _PIXEL_SLACK:
        raise UnreadableImage(
            path,
            f"the DICOM pixel data is damaged ({length} bytes where the image it declares, "
            f"{int(ds.Columns)} x {int(ds.Rows)} pixels, needs {declared})",
            ReasonCode.DAMAGED_DATA,
        )


def _sop_class(ds: Dataset) -> uid.UID:
    """The class of the object: the data set's own SOP Class UID or, where it has none (a
    DICOMDIR), the one its file meta gives."""
    value = ds.get("SOPClassUID") or ds.file_meta.get("MediaStorageSOPClassUID", "")
    return uid.UID(str(value).strip())


def _metadata(ds: Dataset) -> dict[str, str]:
    values = {keyword: _value(ds, keyword) for keyword in METADATA_KEYWORDS}
    return {key: str(value).strip() for key, value in values.items() if value not in (None, "")}


def _value(ds: Dataset, keyword: str) -> object:
    """One element's value; a malformed one (a name in an unknown character set, a bad age)
    is left out rather than costing the film its screening."""
    try:
        return ds.get(keyword)
    except (ValueError, TypeError, LookupError, UnicodeError):
        return None
