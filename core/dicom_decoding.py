"""Decoding the first frame of a DICOM file from its bytes, by decoders that fail cleanly first.

Each compressed transfer syntax is decoded by a decoder that raises on damaged data where one
exists under a permissive licence: Pillow (libjpeg-turbo, OpenJPEG) for JPEG and JPEG 2000, with
a strict check of JPEG data first (`core.dicom_strict_jpeg`), pyjpegls (CharLS) for JPEG-LS,
pydicom itself for RLE and uncompressed data. JPEG Lossless (Process 14, the usual CR and DX
encoding) has no such decoder (pylibjpeg-libjpeg is GPL), so GDCM decodes it, and also JPEG 2000
that Pillow refuses, and any syntax whose first-choice decoder is missing (a bundle built
without it). GDCM aborts or segfaults on some damaged streams (docs/reliability.md); that is
contained one level up: every decode runs in a child process with a deadline
(`core.image_reader`, `core.isolated_decoder`), so a crash costs its one file. GDCM decodes from
the frame's bytes (pydicom hands it the fragments); no temporary file is written.
"""

from __future__ import annotations

import io
from functools import cache

import numpy as np
from pydicom import uid
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.pixels import as_pixel_options, get_decoder

from core import dicom_strict_jpeg

#: The pydicom plugin that decodes each transfer syntax first; "" is pydicom's own code for data
#: that is not compressed. Naming the plugin keeps decoding the same whatever else is installed
#: (the developer extras bring GPL and other decoders).
FIRST_CHOICE_PLUGINS: dict[str, str] = {
    uid.ImplicitVRLittleEndian: "",
    uid.ExplicitVRLittleEndian: "",
    uid.DeflatedExplicitVRLittleEndian: "",
    uid.ExplicitVRBigEndian: "",
    uid.RLELossless: "pydicom",
    uid.JPEGBaseline8Bit: dicom_strict_jpeg.PLUGIN,
    uid.JPEGExtended12Bit: dicom_strict_jpeg.PLUGIN,  # 8-bit samples only (libjpeg)
    uid.JPEGLSLossless: "pyjpegls",
    uid.JPEGLSNearLossless: "pyjpegls",
    uid.JPEG2000Lossless: "pillow",
    uid.JPEG2000: "pillow",
}
#: Decoded by GDCM only.
GDCM_ONLY = frozenset({uid.JPEGLossless, uid.JPEGLosslessSV1})
#: Given to GDCM when Pillow refuses them: older GDCM wrote JPEG 2000 wrapped in a JP2 file
#: header (which the standard forbids), and reads it back; Pillow does not.
GDCM_SECOND_TRY = frozenset({uid.JPEG2000Lossless, uid.JPEG2000})
#: Every transfer syntax the app decodes.
DECODABLE = frozenset(FIRST_CHOICE_PLUGINS) | GDCM_ONLY
#: What each decoder holds at its peak per decoded sample: (copies of the sample, extra bytes).
#: Measured on a 4300 x 4300 12-bit radiograph and a 3000 x 3000 colour picture (peak resident
#: memory and tracemalloc; docs/performance.md): pydicom's reader of uncompressed data holds the
#: frame's bytes and the array; its RLE decoder the segments besides; Pillow (JPEG) and CharLS
#: the decoded image, its bytes and the array; OpenJPEG an int32 per sample besides; GDCM its
#: own buffer, which pydicom's plugin receives as a str (two bytes a byte, through a copy), then
#: as bytes, then as the array.
_DECODER_COSTS: dict[str, tuple[int, int]] = {
    "": (2, 0),
    "pydicom": (4, 0),
    dicom_strict_jpeg.PLUGIN: (3, 0),
    "pyjpegls": (3, 0),
    "pillow": (3, 4),
    "gdcm": (6, 0),
}


def _register_strict_jpeg() -> None:
    """Add `core.dicom_strict_jpeg` to pydicom's JPEG decoders (once, at import: pydicom's
    plugin registry is not thread-safe)."""
    for syntax in (uid.JPEGBaseline8Bit, uid.JPEGExtended12Bit):
        decoder = get_decoder(syntax)
        if dicom_strict_jpeg.PLUGIN not in decoder.available_plugins:
            decoder.add_plugin(dicom_strict_jpeg.PLUGIN, ("core.dicom_strict_jpeg", "decode_frame"))


_register_strict_jpeg()


def first_frame(data: bytes, header: Dataset, syntax: str) -> tuple[np.ndarray, str]:
    """Decode frame 0 of the DICOM file whose bytes are `data` and header `header`, full size;
    returns it and the photometric interpretation it is in.

    YBR colour is left in YBR (`core.dicom_display` converts it after the frame is reduced:
    pydicom's conversion makes two float32 copies of the full frame), so the interpretation
    returned is the decoder's, which may differ from the header's (a JPEG's JFIF marker means
    YBR_FULL_422 whatever the header says; JPEG 2000 decoders return RGB for YBR_ICT).

    Raises:
        NotImplementedError: the decoder cannot decode this encoding of the pixels.
        ValueError, RuntimeError, ...: the pixel data is damaged (what pydicom and its plugins
            raise; `core.dicom_reader` turns each into an `UnreadableImage`).
    """
    source = _pixel_source(data, header, syntax)
    *first_tries, last_try = _plugins_to_try(syntax)
    for plugin in first_tries:
        try:
            return _decode(source, header, syntax, plugin)
        except RuntimeError:  # how pydicom reports a plugin's failure, whatever it raised
            pass
    return _decode(source, header, syntax, last_try)


def decode_bytes_per_pixel(header: Dataset, syntax: str) -> float:
    """What decoding frame 0 allocates per pixel of the frame, in bytes, at most.

    Per sample (`BitsAllocated` rounded up to whole bytes, times `SamplesPerPixel`): the copies
    the decoder that may run makes (`_DECODER_COSTS`), the most of any that may be tried; and
    when the pixels are decoded from `header` rather than from the file's bytes
    (`_pixel_source`), the whole pixel data element (every frame, if not compressed).
    """
    sample_bytes = max(1, -(-int(header.get("BitsAllocated", 8)) // 8))
    samples = int(header.get("SamplesPerPixel", 1))
    per_sample = max(
        copies * sample_bytes + extra
        for copies, extra in map(_DECODER_COSTS.get, _plugins_to_try(syntax))
    )
    in_header = _pixel_value_left_in_the_bytes(header, syntax) is None
    if in_header and not uid.UID(syntax).is_encapsulated:
        per_sample += sample_bytes * max(1, int(header.get("NumberOfFrames", 1) or 1))
    return per_sample * samples


def reduce_frame(frame: np.ndarray, factor: int) -> np.ndarray:
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


def _pixel_source(data: bytes, header: Dataset, syntax: str) -> Dataset | io.BytesIO:
    """Where the decoder reads the pixel data element's value from.

    From the file's bytes, positioned where `header` found the value, when the header read left
    it there (it is over `core.dicom_reader`'s deferral size): the decoder then reads frame 0
    only. Positioned by the header, whose reader found the VR the data set really has, not by
    pydicom's reader of the bytes, which trusts the transfer syntax (some writers store an
    implicit VR data set under a JPEG syntax). From `header` itself otherwise: a small element
    it holds already, or a deflated data set, which only `header` holds inflated.
    """
    element = _pixel_value_left_in_the_bytes(header, syntax)
    if element is None:
        return header
    stream = io.BytesIO(data)  # shares `data`'s buffer: no copy
    stream.seek(element.value_tell)
    return stream


def _pixel_value_left_in_the_bytes(header: Dataset, syntax: str) -> RawDataElement | None:
    """The pixel data element as the header read it, if its value was left in the file's bytes
    (deferred, and not deflated); else None."""
    element = header.get_item("PixelData", keep_deferred=True)
    if syntax == uid.DeflatedExplicitVRLittleEndian or not isinstance(element, RawDataElement):
        return None
    return element if element.value is None else None


def _decode(
    source: Dataset | io.BytesIO, header: Dataset, syntax: str, plugin: str
) -> tuple[np.ndarray, str]:
    decoder = get_decoder(syntax)
    # raw: no conversion from YBR to RGB (see `first_frame`).
    if isinstance(source, Dataset):
        frame, properties = decoder.as_array(source, index=0, raw=True, decoding_plugin=plugin)
    else:
        # Read from a stream, the layout comes from the header, as pydicom's own `pixel_array`
        # takes it from the part of the data set it reads before the pixels.
        options = as_pixel_options(header, transfer_syntax_uid=syntax, pixel_keyword="PixelData")
        vr = header.get_item("PixelData", keep_deferred=True).VR
        if vr:
            options["pixel_vr"] = vr
        frame, properties = decoder.as_array(
            source, index=0, raw=True, decoding_plugin=plugin, **options
        )
    return frame, str(properties.get("photometric_interpretation", ""))


def _plugins_to_try(syntax: str) -> tuple[str, ...]:
    """The plugins that decode `syntax`, in the order they are tried: its first choice where
    that is installed here, then GDCM where there is none, or for what Pillow may refuse
    (`GDCM_SECOND_TRY`). Never empty; a RuntimeError from any but the last moves on to the
    next. `first_frame` decodes with them and `decode_bytes_per_pixel` costs them."""
    first_choice = FIRST_CHOICE_PLUGINS.get(syntax)
    if first_choice is None or not _available(syntax, first_choice):
        return ("gdcm",)
    if syntax in GDCM_SECOND_TRY:
        return (first_choice, "gdcm")
    return (first_choice,)


@cache
def _available(syntax: str, plugin: str) -> bool:
    """Whether `plugin` can decode `syntax` here (its library is installed and loads)."""
    return plugin == "" or plugin in get_decoder(syntax).available_plugins
