"""Decoding the first frame of a DICOM file: by decoders that fail cleanly, GDCM at arm's length.

GDCM aborts or segfaults the whole process on some damaged compressed streams (a fuzzing run of
single changed bytes: docs/reliability.md). So each compressed transfer syntax is decoded in this
process by a decoder that raises on damaged data where one exists under a permissive licence:
Pillow (libjpeg-turbo, OpenJPEG) for JPEG and JPEG 2000, pyjpegls (CharLS) for JPEG-LS, pydicom
itself for RLE and uncompressed data. JPEG Lossless (Process 14, the usual CR and DX encoding) has
no such decoder (pylibjpeg-libjpeg is GPL), so GDCM decodes it in a child process
(`core.isolated_decoder`): a crash there costs that one file. The child also takes JPEG 2000 that
Pillow refuses, and any syntax whose in-process decoder is missing (a bundle built without it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from pydicom import uid
from pydicom.dataset import Dataset
from pydicom.pixels import get_decoder, pixel_array

from core.isolated_decoder import IsolatedDecoder

#: The pydicom plugin that decodes each transfer syntax in this process; "" is pydicom's own code
#: for data that is not compressed. Naming the plugin keeps decoding the same whatever else is
#: installed (the developer extras bring GPL and other decoders).
IN_PROCESS_PLUGINS: dict[str, str] = {
    uid.ImplicitVRLittleEndian: "",
    uid.ExplicitVRLittleEndian: "",
    uid.DeflatedExplicitVRLittleEndian: "",
    uid.ExplicitVRBigEndian: "",
    uid.RLELossless: "pydicom",
    uid.JPEGBaseline8Bit: "pillow",
    uid.JPEGExtended12Bit: "pillow",  # 8-bit samples only: libjpeg cannot decode 12-bit ones
    uid.JPEGLSLossless: "pyjpegls",
    uid.JPEGLSNearLossless: "pyjpegls",
    uid.JPEG2000Lossless: "pillow",
    uid.JPEG2000: "pillow",
}
#: Decoded by GDCM only, in the child process.
GDCM_ONLY = frozenset({uid.JPEGLossless, uid.JPEGLosslessSV1})
#: Given to GDCM in the child when Pillow refuses them: older GDCM wrote JPEG 2000 wrapped in a
#: JP2 file header (which the standard forbids), and reads it back; Pillow does not.
GDCM_SECOND_TRY = frozenset({uid.JPEG2000Lossless, uid.JPEG2000})
#: Every transfer syntax the app decodes.
DECODABLE = frozenset(IN_PROCESS_PLUGINS) | GDCM_ONLY


def first_frame(path: Path, header: Dataset, syntax: str, factor: int) -> np.ndarray:
    """Decode frame 0 of `path` (read from the file, so other frames never reach memory), reduced
    by `factor` (see `reduce_frame`).

    Raises:
        NotImplementedError: the decoder cannot decode this encoding of the pixels.
        UnreadableImage: the child decoding with GDCM crashed or hung on this file.
        ValueError, RuntimeError, ...: the pixel data is damaged (what pydicom and its plugins
            raise; `core.dicom_reader` turns each into an `UnreadableImage`).
    """
    if syntax == uid.DeflatedExplicitVRLittleEndian:
        # The header read has already inflated it all.
        return reduce_frame(pixel_array(header, index=0), factor)
    plugin = IN_PROCESS_PLUGINS.get(syntax)
    if plugin is not None and _available(syntax, plugin):
        try:
            return reduce_frame(pixel_array(path, index=0, decoding_plugin=plugin), factor)
        except RuntimeError:  # how pydicom reports a plugin's failure, whatever it raised
            if syntax not in GDCM_SECOND_TRY:
                raise
    # Reduced in the child: a smaller array to send back, and the full frame is never here.
    return _GDCM.run(path, factor)


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


@cache
def _available(syntax: str, plugin: str) -> bool:
    """Whether `plugin` can decode `syntax` here (its library is installed and loads)."""
    return plugin == "" or plugin in get_decoder(syntax).available_plugins


def _gdcm_first_frame(path: str, factor: int) -> np.ndarray:
    """Runs in the child: frame 0 decoded by GDCM, reduced by `factor`."""
    return reduce_frame(pixel_array(path, index=0, decoding_plugin="gdcm"), factor)


_GDCM = IsolatedDecoder(_gdcm_first_frame)
