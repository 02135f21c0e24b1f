"""The one way the engine reads a file into pixels, whatever the file is.

A file is read once (`core.file_bytes`) and its bytes are decoded in a child process
(`core.isolated_decoder`), within a deadline, so a decoder that crashes or loops costs that one
file. DICOM is recognised by its content, not its name (many DICOM files have no extension, some
are misnamed `.png`); everything else goes to Pillow. Every way a file can fail ends here as an
`UnreadableImage` whose message names the file and says why, so a folder of mixed files can be
screened without one bad file stopping the rest.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.decoded import DecodedImage
from core.dicom_signature import may_be_dicom
from core.errors import UnreadableImage
from core.file_bytes import NOT_A_FILE, read_file_bytes
from core.isolated_decoder import DecoderPool, IsolatedDecoder
from core.raster_reader import read_raster
from core.reason_codes import ReasonCode

__all__ = [
    "DECODERS",
    "NOT_A_FILE",
    "DecodeSlot",
    "decode_image",
    "decode_isolated",
    "decode_slot",
    "read_image",
]

#: Files decoded at once, process-wide (the screener's threads, the window's previews), each in
#: its own child; together they draw on one memory budget (`core.decode_budget`). Two cores are
#: what a clinic laptop has, so a third would not decode faster anyway.
MAX_CONCURRENT_DECODES = 2

#: What a decoder may raise for a file it cannot make sense of: Pillow and pydicom raise many
#: kinds for damaged data, and none of them may escape as anything but `UnreadableImage`.
_DECODER_FAILURES = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    RuntimeError,
    NotImplementedError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    ZeroDivisionError,
    OverflowError,
)


def read_image(path: Path, min_side: int | None = None) -> DecodedImage:
    """Read an image file in any format of `core.formats` into upright 8-bit grayscale pixels.

    `min_side`: the shortest side the caller needs (the model's input size); large images are
    reduced by a power of two down to no less than that, during decoding where the format allows,
    so a 4000-pixel radiograph never sits in memory at full size for longer than it must.
    `None` keeps the full size. The file is read once and decoded in a child process.

    Raises:
        UnreadableImage: missing, a folder, a pipe or a device, empty, unreadable, not an
            image, damaged, too large, too slow to decode.
        UnsupportedDicom: (an `UnreadableImage`) a DICOM file without an image or in an encoding
            we cannot decode.
    """
    path = Path(path)
    with decode_slot() as slot:
        return slot.decode(slot.read(path), path, min_side)


@contextmanager
def decode_slot() -> Iterator[DecodeSlot]:
    """One of the `MAX_CONCURRENT_DECODES` decoders, lent to this thread until the block ends
    (waiting while all are busy), to read a file and decode it; what was booked for it on the
    memory budget is returned at the end."""
    with DECODERS.lent() as decoder:
        yield DecodeSlot(decoder)


class DecodeSlot:
    """A decoder lent to one thread: read a file with its memory booked first, then decode it.

    Booking before reading (twice the file's size: the bytes here, then the child's copy) keeps
    a file that waits for memory from sitting in memory while it waits.
    """

    def __init__(self, decoder: IsolatedDecoder) -> None:
        self._decoder = decoder

    def read(self, path: Path) -> bytearray:
        """`read_file_bytes(path)`, after booking memory for its bytes and their copy.

        Raises:
            UnreadableImage: as `read_file_bytes`.
        """
        return read_file_bytes(path, before_read=lambda size: self._decoder.book(2 * size))

    def decode(
        self,
        data: bytes | bytearray,
        path: Path,
        min_side: int | None,
        timeout_s: float | None = None,
    ) -> DecodedImage:
        """`decode_image` in this slot's child, within `timeout_s` (default `DECODE_TIMEOUT_S`;
        time spent waiting for memory does not count). A bytearray `data` is emptied once the
        child has it.

        Raises:
            UnreadableImage: as `decode_image`; also when the decode outlived the deadline or
                the decoder died (the child is replaced for the next file).
        """
        return self._decoder.run(path, min_side, data=data, timeout_s=timeout_s)


def decode_isolated(
    data: bytes | bytearray, path: Path, min_side: int | None, timeout_s: float | None = None
) -> DecodedImage:
    """`decode_image` in a decoder child (see `DecodeSlot.decode`).

    Raises:
        UnreadableImage: as `DecodeSlot.decode`.
    """
    with decode_slot() as slot:
        return slot.decode(data, path, min_side, timeout_s)


def decode_image(data: bytes, path: Path, min_side: int | None) -> DecodedImage:
    """The file's bytes decoded in this process (`read_image` runs this in a child).

    `path` names the file in messages only.

    Raises:
        UnreadableImage: not an image, damaged, too large (see `read_image`).
    """
    try:
        if may_be_dicom(data):
            # Imported here: pydicom costs every decoder child ~40 MB that JPEGs never need.
            from core.dicom_reader import is_dicom, read_dicom

            if is_dicom(data):
                return read_dicom(data, path, min_side)
        return read_raster(data, path, min_side)
    except UnreadableImage:
        raise
    except MemoryError as exc:
        raise UnreadableImage(
            path, "there is not enough memory to decode the image", ReasonCode.OUT_OF_MEMORY
        ) from exc
    except _DECODER_FAILURES as exc:
        raise UnreadableImage(
            path, "the file is damaged or not a supported image", ReasonCode.DAMAGED_DATA
        ) from exc


def _decode_in_child(path: str, data: bytes, min_side: int | None) -> DecodedImage:
    """The decoder children's target (module level, so a child can import it by name)."""
    return decode_image(data, Path(path), min_side)


DECODERS = DecoderPool(_decode_in_child, MAX_CONCURRENT_DECODES)
