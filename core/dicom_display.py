"""Turning a decoded DICOM frame into the 8-bit grayscale a radiologist's viewer would show.

The order is the standard's (PS3.3 C.11): stored values -> modality LUT or rescale -> VOI LUT or
window -> 8 bits, then MONOCHROME1 is inverted so that bone is always bright. The modality's own
window is used because it is what the modality chose to show; without one the data is stretched.
"""

from __future__ import annotations

import numpy as np
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.pixels import apply_color_lut, apply_modality_lut

from core.decoded import stretch_to_uint8

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601, as Pillow's "L"


def display_pixels(frame: np.ndarray, ds: Dataset) -> np.ndarray:
    """The 2-D uint8 display image of one decoded frame, using the display attributes of `ds`.

    Grayscale: the modality LUT (or rescale slope/intercept), then the first VOI LUT if present,
    else the first window centre/width (LINEAR, LINEAR_EXACT or SIGMOID), else 8-bit data as
    stored and deeper data stretched min..max; MONOCHROME1 is inverted last. Colour (RGB, YBR
    already converted by pydicom, PALETTE COLOR) is reduced to luminance.

    Presentation LUT Shape is not applied: in X-ray images it follows the photometric
    interpretation (INVERSE only with MONOCHROME1), which is already honoured.
    """
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip().upper()
    if photometric == "PALETTE COLOR":
        return _luminance(apply_color_lut(frame, ds))
    if frame.ndim == 3:
        return _luminance(frame)
    values = apply_modality_lut(frame, ds)
    gray = _values_of_interest(values, ds)
    return 255 - gray if photometric == "MONOCHROME1" else gray


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
