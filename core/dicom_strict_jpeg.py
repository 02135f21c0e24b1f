"""A pydicom decoding plugin for JPEG Baseline and Extended: Pillow, after a strict check.

libjpeg only *warns* about corrupt entropy-coded data ("Corrupt JPEG data: premature end of data
segment") and goes on decoding, and Pillow ignores those warnings: a DICOM whose JPEG is garbled
halfway decodes into a picture whose lower half is noise, and that picture was scored. So each
frame is first decoded by libjpeg-turbo in strict mode (`simplejpeg`), where every such warning is
an error, at 1/8 scale (the entropy-coded data is read in full, the inverse DCT is almost free);
only an intact frame then goes to pydicom's own Pillow plugin, which knows DICOM's colour rules
(YBR, RGB with or without the Adobe marker) and decodes it at full size.

Registered with pydicom by `core.dicom_decoding` under `PLUGIN`; this module is the plugin
(pydicom imports it by name and needs `is_available` and `DECODER_DEPENDENCIES`).
"""

from __future__ import annotations

import simplejpeg
from pydicom import uid
from pydicom.pixels.decoders import pillow
from pydicom.pixels.decoders.base import DecodeRunner

#: The label the plugin is registered under.
PLUGIN = "pillow-strict"

DECODER_DEPENDENCIES = {
    uid.JPEGBaseline8Bit: ("pillow>=10.0", "simplejpeg>=1.6"),
    uid.JPEGExtended12Bit: ("pillow>=10.0", "simplejpeg>=1.6"),
}


def is_available(syntax: str) -> bool:
    """Whether this plugin can decode `syntax` here (pydicom asks when it is registered)."""
    return syntax in DECODER_DEPENDENCIES and pillow.is_available(syntax)


def check_intact(jpeg: bytes, samples_per_pixel: int) -> None:
    """Decode `jpeg` strictly at 1/8 scale, only to find damage; the pixels are thrown away.

    Raises:
        ValueError: the JPEG data is damaged (libjpeg-turbo reported corrupt data).
    """
    try:
        simplejpeg.decode_jpeg(
            jpeg,
            colorspace="GRAY" if samples_per_pixel == 1 else "RGB",
            fastdct=True,
            fastupsample=True,
            min_height=1,
            min_width=1,
            strict=True,
        )
    except ValueError as exc:
        raise ValueError(f"the JPEG data is damaged ({exc})") from exc


def decode_frame(src: bytes, runner: DecodeRunner) -> bytes:
    """pydicom's plugin entry: one encoded frame in, its decoded bytes out.

    The decode is pydicom's own Pillow plugin function: the one pydicom registers as "pillow"
    (pinned to pydicom 3, where plugins are module functions of this form).
    """
    if runner.bits_stored <= 8:  # 12-bit JPEG Extended: Pillow raises NotImplementedError
        check_intact(src, runner.samples_per_pixel)
    return pillow._decode_frame(src, runner)
