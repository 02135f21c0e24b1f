"""Whether a file's bytes may be DICOM, told from the bytes alone, without loading pydicom.

pydicom and its decoder plugins take about 40 MB and a quarter of a second to import in each
decoder child; a batch of JPEGs never needs them. So the decoder asks this module first, and only
a file that may be DICOM brings pydicom in (`core.dicom_reader.is_dicom` then decides).
"""

from __future__ import annotations

import struct

#: The value representations of DICOM PS3.5 table 6.2-1: a data set written without preamble
#: and file meta opens, in explicit VR, with one of these after its first tag.
_VR_TABLE = """
AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW
PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV
"""
VALUE_REPRESENTATIONS = frozenset(_VR_TABLE.split())
#: The groups a data set may start with: 0002 (file meta, kept without the preamble) or 0008.
FIRST_GROUPS = (0x0002, 0x0008)


def has_part10_signature(data: bytes | bytearray) -> bool:
    """True for a DICOM Part 10 file: 128 bytes of preamble, then `DICM`."""
    return data[128:132] == b"DICM"


def starts_like_a_data_set(data: bytes | bytearray) -> bool:
    """Whether `data` opens with a plausible element of group 0008 or 0002: a known VR (explicit
    VR, either byte order) or a 4-byte length that fits in the file (implicit VR, little endian).
    A chance match is possible; `core.dicom_reader.is_dicom` asks pydicom to confirm."""
    if len(data) < 8:
        return False
    for order in "<>":
        group, _element = struct.unpack(order + "HH", data[:4])
        if group not in FIRST_GROUPS:
            continue
        if bytes(data[4:6]).decode("latin-1") in VALUE_REPRESENTATIONS:
            return True
        return order == "<" and 0 < struct.unpack("<I", data[4:8])[0] <= len(data) - 8
    return False


def may_be_dicom(data: bytes | bytearray) -> bool:
    """True when `data` has the Part 10 signature or starts like a data set."""
    return has_part10_signature(data) or starts_like_a_data_set(data)
