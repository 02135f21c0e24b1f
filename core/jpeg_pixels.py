"""Decoding JPEG pixels strictly: damaged data is refused, never scored.

libjpeg repairs what it can of damaged entropy-coded data and only *warns*: a JPEG whose lower
half is garbage decodes to a picture with a garbled lower half, which the model then scores
(94.9 where the intact file scores 45.3). Pillow ignores those warnings and cannot be asked to
stop on them. `simplejpeg` (libjpeg-turbo's TurboJPEG API) can: with `strict=True` any warning
raises, so "Corrupt JPEG data" and "Premature end of JPEG file" become this file's error. It also
decodes at 1/2, 1/4 or 1/8 scale in the DCT, as Pillow's `draft` did, and is faster than Pillow
(docs/performance.md). Pillow still reads the header (EXIF orientation, size, format) for the
caller.

Two limits are checked before decoding, from the header and the bytes alone:
- the scan count: each scan of a progressive JPEG is a pass over the whole image, so 20,000 tiny
  scans take minutes while staying valid; `MAX_JPEG_SCANS` is the limit nvImageCodec applies by
  default after a security review of libjpeg-turbo (256). The count of SOS markers is exact:
  inside entropy-coded data every 0xFF byte is followed by a stuffed 0x00 or a restart marker;
  an embedded thumbnail adds its own one or few.
- the memory: a progressive (or multi-scan) JPEG holds every DCT coefficient of the full-size
  image while it decodes, 2 bytes each, even when the output is scaled down.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import simplejpeg
from PIL import Image

from core.decoded import refuse_costly_decode
from core.errors import UnreadableImage
from core.reason_codes import ReasonCode

#: The most scans (SOS markers) a JPEG may hold. libjpeg's own progressive scripts write about
#: ten; 256 is nvImageCodec's default limit, set against this very denial of service.
MAX_JPEG_SCANS = 256
#: The scales libjpeg can decode directly (1/8, 1/4, 1/2).
JPEG_SCALES = (8, 4, 2)
#: Bytes a decoded pixel takes after the decode, in the raster reader's own working copies: the
#: gray image, its upright copy and the final array (one byte a pixel each).
WORKING_BYTES_PER_PIXEL = 3
_SOS = b"\xff\xda"
#: The chroma planes' size relative to the luma plane, by subsampling (two chroma planes).
_CHROMA_SHARE = {"444": 1.0, "422": 0.5, "440": 0.5, "420": 0.25, "411": 0.25, "441": 0.25}


def decode_jpeg(
    data: bytes, path: Path, header: Image.Image, factor: int
) -> tuple[Image.Image, int]:
    """The JPEG's pixels decoded at 1/s scale, the largest s in `JPEG_SCALES` (or 1) not over
    `factor`; returns the image (L for grey JPEGs, RGBX for colour, CMYK) and the scale taken.

    `header` is the file opened lazily by Pillow; its size and progressive flag are used.

    Raises:
        UnreadableImage: too many scans, or the decode would need too much memory.
        ValueError: the JPEG data is damaged, truncated or not decodable (any libjpeg warning).
    """
    width, height = header.size
    scans = data.count(_SOS)
    if scans > MAX_JPEG_SCANS:
        raise UnreadableImage(
            path,
            f"the JPEG has too many scans to decode safely ({scans}; the limit is "
            f"{MAX_JPEG_SCANS})",
            ReasonCode.TOO_LARGE,
        )
    _, _, colourspace, subsampling = simplejpeg.decode_jpeg_header(data, strict=True)
    scale = next((s for s in JPEG_SCALES if s <= factor), 1)
    out_width, out_height = -(-width // scale), -(-height // scale)
    target = {"Gray": "GRAY", "CMYK": "CMYK", "YCCK": "CMYK"}.get(colourspace, "RGBX")
    channels = 1 if target == "GRAY" else 4
    cost = out_width * out_height * (channels + WORKING_BYTES_PER_PIXEL)
    if header.info.get("progressive") or scans > 1:
        cost += width * height * 2 * _planes(target, subsampling)
    refuse_costly_decode(path, (width, height), cost / (width * height), held=len(data))
    pixels = simplejpeg.decode_jpeg(
        data,
        colorspace=target,
        min_width=out_width,
        min_height=out_height,
        min_factor=scale,
        strict=True,
    )
    decoded_height, decoded_width = pixels.shape[:2]
    taken = next((s for s in (1, *JPEG_SCALES[::-1]) if -(-width // s) == decoded_width), 1)
    if target == "GRAY":
        return Image.fromarray(pixels.reshape(decoded_height, decoded_width)), taken
    if target == "CMYK":
        # Adobe writes CMYK inverted, and every reader (Pillow too) assumes Adobe's convention.
        np.invert(pixels, out=pixels)
    return Image.frombuffer(
        target, (decoded_width, decoded_height), pixels, "raw", target, 0, 1
    ), taken


def _planes(target: str, subsampling: str) -> float:
    """Full-size planes' worth of DCT coefficients the JPEG's components hold."""
    if target == "GRAY":
        return 1.0
    if target == "CMYK":
        return 4.0
    return 1.0 + 2 * _CHROMA_SHARE.get(subsampling, 1.0)
