"""Turning a decoded DICOM frame into the 8-bit grayscale a radiologist's viewer would show.

The order is the standard's (PS3.3 C.11): stored values -> modality LUT or rescale -> VOI LUT or
window -> 8 bits, then MONOCHROME1 is inverted so that bone is always bright. The modality's own
window is used because it is what the modality chose to show; without one the data is stretched.
Colour frames are also measured for colour (`colour_share_of`) before they become grey, as every
other format is, so the quality gate judges a colour DICOM like a colour PNG.
"""

from __future__ import annotations

import numpy as np
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.pixels import apply_color_lut, apply_modality_lut, convert_color_space

from core.colour import colour_share, nearest_probe
from core.decoded import stretch_to_uint8

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601, as Pillow's "L"
#: Bytes per pixel the display transforms allocate, at most: grey (a float64 modality LUT or
#: rescale, a float32 window, the uint8 result), colour (a float32 copy of three channels, the
#: float32 luminance, the uint8 result, after any conversion from YBR), palette colour (the
#: same, after a 16-bit RGB lookup).
_GREY_WORKING_BYTES = 8 + 4 + 1
_COLOUR_WORKING_BYTES = 3 * 4 + 4 + 1 + 2 * 3 * 4 + 3  # and YBR to RGB: two float32, one uint8
_PALETTE_WORKING_BYTES = 3 * 2 + _COLOUR_WORKING_BYTES
#: What pydicom's decoders may return YBR in (YBR_ICT and YBR_RCT come back as RGB).
_YBR = ("YBR_FULL", "YBR_FULL_422")


def display_pixels(frame: np.ndarray, ds: Dataset, photometric: str = "") -> np.ndarray:
    """The 2-D uint8 display image of one decoded frame, using the display attributes of `ds`.

    `photometric`: the interpretation the frame is in, where decoding changed it (see
    `core.dicom_decoding.first_frame`); by default the one `ds` gives.

    Grayscale: the modality LUT (or rescale slope/intercept), then the first VOI LUT if present,
    else the first window centre/width (LINEAR, LINEAR_EXACT or SIGMOID), else 8-bit data as
    stored and deeper data stretched min..max; MONOCHROME1 is inverted last. Colour (RGB, YBR
    converted to RGB here, PALETTE COLOR) is reduced to luminance.

    Presentation LUT Shape is not applied: in X-ray images it follows the photometric
    interpretation (INVERSE only with MONOCHROME1), which is already honoured.
    """
    photometric = _interpretation(ds, photometric)
    if photometric == "PALETTE COLOR":
        return _luminance(apply_color_lut(frame, ds))
    if frame.ndim == 3:
        return _luminance(_as_rgb(frame, photometric))
    values = apply_modality_lut(frame, ds)
    gray = _values_of_interest(values, ds)
    return 255 - gray if photometric == "MONOCHROME1" else gray


def display_bytes_per_pixel(ds: Dataset) -> float:
    """What `display_pixels` allocates per pixel of the frame it is given, in bytes, at most."""
    photometric = _interpretation(ds)
    if photometric == "PALETTE COLOR":
        return _PALETTE_WORKING_BYTES
    return _COLOUR_WORKING_BYTES if int(ds.get("SamplesPerPixel", 1)) > 1 else _GREY_WORKING_BYTES


def colour_share_of(frame: np.ndarray, ds: Dataset, photometric: str = "") -> float:
    """Share of strongly coloured pixels in a decoded frame (`core.colour`); 0 for grey ones.

    Measured on a small probe of the frame (YBR converted to RGB), scaled from the bit depth
    of its samples (or of its palette's entries) to 0-255 as the measure expects. `photometric`
    as for `display_pixels`.
    """
    photometric = _interpretation(ds, photometric)
    if photometric == "PALETTE COLOR":
        rgb = apply_color_lut(nearest_probe(frame), ds)
        bits = _palette_bits(ds, rgb)
    elif frame.ndim == 3:
        rgb = _as_rgb(nearest_probe(frame), photometric)
        bits = int(ds.get("BitsStored", 8 * frame.dtype.itemsize))
    else:
        return 0.0
    if bits <= 8:
        return colour_share(rgb)
    return colour_share(rgb.astype(np.float32) * (255.0 / (2**bits - 1)))


def _interpretation(ds: Dataset, photometric: str = "") -> str:
    found = photometric or ds.get("PhotometricInterpretation", "MONOCHROME2")
    return str(found).strip().upper()


def _as_rgb(frame: np.ndarray, photometric: str) -> np.ndarray:
    """A colour frame in RGB: YBR_FULL (what YBR_FULL_422 becomes when decoded) converted by
    pydicom, in float32 copies of this frame; others as they are."""
    if photometric in _YBR:
        return convert_color_space(frame, "YBR_FULL", "RGB")
    return frame


def _palette_bits(ds: Dataset, rgb: np.ndarray) -> int:
    """The bit depth of a palette's entries: its descriptor's third value (8 or 16)."""
    descriptor = ds.get("RedPaletteColorLookupTableDescriptor")
    if descriptor is not None and len(descriptor) == 3 and int(descriptor[2]) in (8, 16):
        return int(descriptor[2])
    return 8 * rgb.dtype.itemsize


def _values_of_interest(values: np.ndarray, ds: Dataset) -> np.ndarray:
    voi_luts = ds.get("VOILUTSequence")
    if voi_luts:
        return apply_voi_table(values, voi_luts[0], ds)
    window = window_of(ds)
    if window is not None:
        return apply_window(values, *window)
    if int(ds.get("BitsStored", 16)) <= 8 and values.min() >= 0 and values.max() <= 255:
        # Already display-ready (a secondary capture, a digitised film): stretching it would
        # change the pixels the sender chose.
        return np.rint(values).astype(np.uint8)
    return stretch_to_uint8(values)


def window_of(ds: Dataset) -> tuple[float, float, str] | None:
    """The first (default) window as (centre, width, VOI LUT function), or None if absent or bad.

    A width the standard forbids (below 1 for LINEAR, 0 or less otherwise) counts as absent,
    so such files are stretched rather than refused.
    """
    center, width = ds.get("WindowCenter"), ds.get("WindowWidth")
    if center in (None, "") or width in (None, ""):
        return None
    center = float(center[0] if _is_multi(center) else center)
    width = float(width[0] if _is_multi(width) else width)
    function = str(ds.get("VOILUTFunction", "LINEAR")).strip().upper() or "LINEAR"
    if function not in ("LINEAR", "LINEAR_EXACT", "SIGMOID"):
        function = "LINEAR"
    if width < (1.0 if function == "LINEAR" else np.finfo(np.float64).tiny):
        return None
    return center, width, function


def apply_window(values: np.ndarray, center: float, width: float, function: str) -> np.ndarray:
    """Window `values` straight to 0..255 by the formulas of PS3.3 C.11.2.1.2 and C.11.2.1.3.

    Done here rather than with pydicom's `apply_windowing`, which maps onto the stored-bits range
    and would need a second, lossy mapping down to 8 bits.
    """
    y = np.array(values, dtype=np.float32)  # one working copy, changed in place (large images)
    if function == "SIGMOID":
        y -= center
        y *= -4.0 / width
        with np.errstate(over="ignore"):
            np.exp(y, out=y)
        y += 1.0
        np.divide(255.0, y, out=y)
    elif function == "LINEAR_EXACT":
        y -= center
        y *= 255.0 / width
        y += 127.5
    elif width == 1.0:  # LINEAR with width 1 is a threshold at centre - 0.5
        return np.where(y <= center - 0.5, 0, 255).astype(np.uint8)
    else:  # LINEAR: ((x - (c - 0.5)) / (w - 1) + 0.5) * 255
        y -= center - 0.5
        y *= 255.0 / (width - 1.0)
        y += 127.5
    np.clip(y, 0, 255, out=y)
    return np.rint(y, out=y).astype(np.uint8)


def apply_voi_table(values: np.ndarray, item: Dataset, ds: Dataset) -> np.ndarray:
    """Look `values` up in a VOI LUT Sequence item and scale the table's output to 0..255.

    Values are rounded to integers first: after a rescale they are floats, and a lookup table is
    indexed by integers (pydicom's `apply_voi` warns about floats and, for 8-bit tables with more
    than 256 entries, wraps the indices). The output is scaled by the table's own range, not the
    bit depth its descriptor claims, because descriptors that overstate it are common.
    """
    entries, first_mapped, _bits = (int(v) for v in item.LUTDescriptor)
    table = _lut_data(item, entries or 65536, ds)
    indices = np.rint(values).astype(np.int64) - first_mapped
    np.clip(indices, 0, table.size - 1, out=indices)
    return stretch_to_uint8(table)[indices]


def _lut_data(item: Dataset, entries: int, ds: Dataset) -> np.ndarray:
    raw = item.LUTData
    if isinstance(raw, bytes):  # read as OW: 16-bit words, or one byte an entry if packed
        little_endian = ds.original_encoding[1] is not False
        dtype = np.uint8 if len(raw) == entries else np.dtype("<u2" if little_endian else ">u2")
        return np.frombuffer(raw, dtype=dtype)[:entries].astype(np.int64)
    return np.atleast_1d(np.asarray(raw, dtype=np.int64))[:entries]


def _luminance(rgb: np.ndarray) -> np.ndarray:
    luma = rgb.astype(np.float32) @ _LUMA
    if rgb.dtype == np.uint8:
        return np.clip(np.rint(luma), 0, 255).astype(np.uint8)
    return stretch_to_uint8(luma)


def _is_multi(value: object) -> bool:
    return isinstance(value, MultiValue | list | tuple)
