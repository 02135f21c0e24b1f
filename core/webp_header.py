"""A WebP file's size, read from its header before Pillow opens it, and what decoding it costs.

Pillow's WebP plugin is unlike the others: it hands the whole file to libwebp's animation
decoder as soon as the file is opened, and that decoder allocates its canvas (twice) right
then. So for WebP the size check (`MAX_PIXELS`) and the memory booking that every decode makes
before decoding (`core.decoded.refuse_costly_decode`) must happen before `Image.open`, from the
header read here, as libwebp and Pillow read it.
"""

from __future__ import annotations

import struct

#: Bytes a WebP pixel costs from open to gray: libwebp's two RGBA canvases (the frame and the
#: one kept for the next frame), Pillow's copy of the frame and its image (4 bytes each), then
#: this app's gray and alpha planes and working copies (`core.raster_reader`), with room to
#: spare. Measured (peak resident memory, `tests/test_webp.py`): about 16 for an opaque file,
#: lossy, lossless or animated, and 19-20 for a transparent one, the worst case.
WEBP_BYTES_PER_PIXEL = 24

_RIFF_HEADER_BYTES = 30  # RIFF, size, WEBP, the first chunk's header and its size fields
_VP8_START_CODE = b"\x9d\x01\x2a"
_VP8L_SIGNATURE = 0x2F
_SIDE_MASK = 0x3FFF  # VP8 and VP8L store each side in 14 bits


def is_webp(data: bytes | bytearray) -> bool:
    """Whether `data` is a RIFF container holding a WebP image."""
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def webp_size(data: bytes | bytearray) -> tuple[int, int] | None:
    """(width, height) of the WebP image in `data` (the canvas, for an animated one), or None
    when its header is too damaged to say."""
    if len(data) < _RIFF_HEADER_BYTES or not is_webp(data):
        return None
    chunk = bytes(data[12:16])
    if chunk == b"VP8X":  # extended: the canvas size, 24 bits a side, minus one
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 " and data[23:26] == _VP8_START_CODE:  # lossy
        width, height = struct.unpack("<HH", data[26:30])
        return width & _SIDE_MASK, height & _SIDE_MASK
    if chunk == b"VP8L" and data[20] == _VP8L_SIGNATURE:  # lossless
        bits = int.from_bytes(data[21:25], "little")
        return (bits & _SIDE_MASK) + 1, ((bits >> 14) & _SIDE_MASK) + 1
    return None
