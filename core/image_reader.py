"""The one way the engine reads a file into pixels, whatever the file is.

DICOM is recognised by its content, not its name (many DICOM files have no extension, some are
misnamed `.png`); everything else goes to Pillow. Every way a file can fail ends here as an
`UnreadableImage` whose message names the file and says why, so a folder of mixed files can be
screened without one bad file stopping the rest.
"""

from __future__ import annotations

import stat
import struct
from pathlib import Path

from core.decoded import DecodedImage
from core.dicom_reader import is_dicom, read_dicom
from core.errors import UnreadableImage
from core.raster_reader import read_raster

#: The reason given for a named pipe, a device or a socket found among the files.
NOT_A_FILE = "it is not an ordinary file (it is a named pipe, a device or a socket)"

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
    """Read a JPEG, PNG, BMP, TIFF, GIF or DICOM file into upright 8-bit grayscale pixels.

    `min_side`: the shortest side the caller needs (the model's input size); large images are
    reduced by a power of two down to no less than that, during decoding where the format allows,
    so a 4000-pixel radiograph never sits in memory at full size for longer than it must.
    `None` keeps the full size.

    Raises:
        UnreadableImage: missing, a folder, a pipe or a device, empty, unreadable, not an
            image, damaged, too large.
        UnsupportedDicom: (an `UnreadableImage`) a DICOM file without an image or in an encoding
            we cannot decode.
    """
    path = Path(path)
    _check_file(path)
    try:
        if is_dicom(path):
            return read_dicom(path, min_side)
        return read_raster(path, min_side)
    except UnreadableImage:
        raise
    except PermissionError as exc:
        raise UnreadableImage(path, "permission to read the file was denied") from exc
    except MemoryError as exc:
        raise UnreadableImage(path, "there is not enough memory to decode the image") from exc
    except _DECODER_FAILURES as exc:
        raise UnreadableImage(path, "the file is damaged or not a supported image") from exc


def _check_file(path: Path) -> None:
    """Refuse what is not a readable, non-empty file, before any decoder sees it.

    A named pipe or a device (a link to /dev/zero) is refused by its type, never opened: opening
    a pipe waits for a writer, and reading a device may never end.
    """
    try:
        if path.is_dir():
            raise UnreadableImage(path, "it is a folder, not a file")
        status = path.stat()
    except FileNotFoundError as exc:
        raise UnreadableImage(path, "the file does not exist") from exc
    except PermissionError as exc:
        raise UnreadableImage(path, "permission to read the file was denied") from exc
    except OSError as exc:
        raise UnreadableImage(path, f"the file cannot be opened ({exc.strerror})") from exc
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableImage(path, NOT_A_FILE)
    if status.st_size == 0:
        raise UnreadableImage(path, "the file is empty")
