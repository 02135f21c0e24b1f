"""DICOM files for the tests and benchmarks: written in any transfer syntax, small ones to damage.

`write` saves a dataset compressed as its transfer syntax requires (GDCM for JPEG Lossless, which
pydicom cannot encode). `small_compressed_image` and `with_byte_changed` make the damaged files of
`tests/test_bad_inputs.py`, `tests/test_dicom_reader.py`, `tests/test_bundle.py` and
`benchmarks/dicom_fuzz.py`. `write_without_preamble` writes a data set as older writers did (no
preamble, no file meta); `write_deflated_bomb` a small file whose data set inflates to gigabytes
(`tests/test_dicom_bounds.py`, `benchmarks/dicom_bomb_memory.py`).
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import gdcm
import numpy as np
from PIL import Image
from pydicom import uid
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_dataset, write_file_meta_info

from corpora.bad_inputs import make_dataset

GDCM_SYNTAXES = {
    uid.JPEGLossless: gdcm.TransferSyntax.JPEGLosslessProcess14,
    uid.JPEGLosslessSV1: gdcm.TransferSyntax.JPEGLosslessProcess14_1,
}


def radiograph_like(height: int = 48, width: int = 64) -> np.ndarray:
    """A smooth gradient with a bright blob: compresses like an image, not like noise."""
    y, x = np.mgrid[0:height, 0:width]
    blob = 120 * np.exp(-((x - width / 2) ** 2 + (y - height / 3) ** 2) / 150)
    return np.clip(x * 2 + y + blob, 0, 255).astype(np.uint8)


def write(ds: Dataset, path: Path, syntax: str = uid.ExplicitVRLittleEndian) -> Path:
    """Save `ds` to `path` in `syntax`, compressing its pixel data as that syntax requires."""
    if syntax in GDCM_SYNTAXES:
        plain = write(ds, path.with_name(path.name + ".plain"), uid.ExplicitVRLittleEndian)
        return _gdcm_transcode(plain, path, GDCM_SYNTAXES[syntax])
    if syntax == uid.JPEGBaseline8Bit:
        frames = ds.pixel_array if int(ds.get("NumberOfFrames", 1)) > 1 else [ds.pixel_array]
        ds.PixelData = encapsulate([_jpeg_bytes(frame) for frame in frames])
        ds["PixelData"].VR = "OB"
        ds.file_meta.TransferSyntaxUID = syntax
    elif syntax in (uid.RLELossless, uid.JPEGLSLossless, uid.JPEG2000Lossless):
        ds.compress(syntax)
    elif syntax == uid.JPEG2000:
        ds.compress(syntax, j2k_cr=[8])
    else:
        ds.file_meta.TransferSyntaxUID = syntax
    ds.save_as(path, enforce_file_format=True)
    return path


def _jpeg_bytes(frame: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(frame).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _gdcm_transcode(source: Path, target: Path, syntax: int) -> Path:
    reader = gdcm.ImageReader()
    reader.SetFileName(str(source))
    assert reader.Read()
    change = gdcm.ImageChangeTransferSyntax()
    change.SetTransferSyntax(gdcm.TransferSyntax(syntax))
    change.SetInput(reader.GetImage())
    assert change.Change()
    writer = gdcm.ImageWriter()
    writer.SetFileName(str(target))
    writer.SetFile(reader.GetFile())
    writer.SetImage(change.GetOutput())
    assert writer.Write()
    return target


def small_compressed_image(path: Path, syntax: str) -> tuple[bytes, int]:
    """A small radiograph-like image written to `path` in `syntax` (8-bit for JPEG Baseline,
    12-bit otherwise): the file's bytes, and where its compressed stream starts (the JPEG or JPEG
    2000 start marker), the base of the damaged files in tests and benchmarks/dicom_fuzz.py."""
    pixels = radiograph_like(48, 64)
    if syntax == uid.JPEGBaseline8Bit:
        dataset = make_dataset(pixels)
    else:
        dataset = make_dataset(pixels.astype(np.uint16) * 16, bits_stored=12)
    whole = write(dataset, path, syntax).read_bytes()
    return whole, whole.index(b"\xff\xd8" if b"\xff\xd8" in whole else b"\xff\x4f")


def with_byte_changed(whole: bytes, position: int, value: int, path: Path) -> Path:
    """`whole` with its byte at `position` set to `value`, written to `path`: one damaged file."""
    data = bytearray(whole)
    data[position] = value
    path.write_bytes(bytes(data))
    return path


def write_without_preamble(
    ds: Dataset, path: Path, syntax: str, keep_file_meta: bool = False
) -> Path:
    """Save `ds` as a bare data set in `syntax` (one of the three uncompressed ones): no
    128-byte preamble, no `DICM`, and (unless `keep_file_meta`) no file meta, as some older
    writers produce.

    pydicom writes pixel data as it holds it (little endian from `set_pixel_data`), so for big
    endian the samples are swapped here first.
    """
    if keep_file_meta:
        ds.file_meta.TransferSyntaxUID = syntax
    else:
        ds.file_meta = FileMetaDataset()
    encoding = uid.UID(syntax)
    if not encoding.is_little_endian and int(ds.BitsAllocated) > 8:
        samples = np.frombuffer(ds.PixelData, dtype=f"<u{int(ds.BitsAllocated) // 8}")
        ds.PixelData = samples.byteswap().tobytes()
    ds.save_as(
        path,
        implicit_vr=encoding.is_implicit_VR,
        little_endian=encoding.is_little_endian,
        enforce_file_format=False,
    )
    return path


def write_deflated_bomb(path: Path, zero_bytes: int, rows: int, columns: int) -> Path:
    """A Deflated Explicit VR Little Endian file declaring an 8-bit `rows` x `columns` image,
    whose pixel data element holds `zero_bytes` zeros: about a thousandth of that on disk.

    Compressed in steps of 1 MiB, so the zeros never exist whole here either.
    """
    ds = make_dataset(np.zeros((2, 2), dtype=np.uint8))
    del ds.PixelData
    ds.Rows, ds.Columns = rows, columns
    body = DicomBytesIO()
    body.is_little_endian, body.is_implicit_VR = True, False
    write_dataset(body, ds)
    # (7FE0,0010) Pixel Data, OB, two reserved bytes, a 4-byte length.
    body.write(struct.pack("<HH2sHI", 0x7FE0, 0x0010, b"OB", 0, zero_bytes))
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    parts = [deflater.compress(body.getvalue())]
    chunk = bytes(1 << 20)
    for start in range(0, zero_bytes, len(chunk)):
        parts.append(deflater.compress(chunk[: zero_bytes - start]))
    parts.append(deflater.flush())
    ds.file_meta.TransferSyntaxUID = uid.DeflatedExplicitVRLittleEndian
    meta = DicomBytesIO()
    write_file_meta_info(meta, ds.file_meta, enforce_standard=True)
    path.write_bytes(bytes(128) + b"DICM" + meta.getvalue() + b"".join(parts))
    return path
