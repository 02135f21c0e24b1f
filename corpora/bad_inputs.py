"""The corpus of issue #5, "any input, a clear answer": files a clinic may drop on the app.

Each kind is one function that writes its file into a folder and returns the path that must get
one result row. Every file is generated here from one real radiograph (a sample PNG), so nothing
but the shared samples is read from disk. `tests/test_bad_inputs.py` says what each kind must
come to; `benchmarks/bad_input_corpus.py` prints what each one came to.

Two groups:
- `BAD_KINDS`: damaged, empty, misnamed, tiny, huge, unsupported or unreadable files, and valid
  radiographs stored in unusual ways (16-bit, CMYK, palette, alpha, animated, multi-page, odd
  names), which must be screened like the plain sample.
- `SPECIAL_KINDS`: things in a folder that are not regular files (a named pipe, a link to a
  device). Opening them the ordinary way blocks or never ends, so they are kept apart.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image
from pydicom import uid
from pydicom.dataset import Dataset, FileMetaDataset

#: The radiograph every kind is made from: 8-bit grayscale, 392 x 256, scored 76.8 by the
#: shipped model: a score well inside the range, so a change in its pixels shows in the score.
XRAY_SAMPLE = Path("samples") / "PNEUMONIA" / "person1244_virus_2111.png"

Builder = Callable[[Path, np.ndarray], Path]


@dataclass(frozen=True)
class Kind:
    """One kind of input: its name, what the file is (in words), and how to make it."""

    name: str
    what: str
    build: Builder


def load_xray(shared_data: Path) -> np.ndarray:
    """The sample radiograph as a 2-D uint8 array."""
    with Image.open(shared_data / XRAY_SAMPLE) as image:
        return np.asarray(image.convert("L"))


def encoded(pixels: np.ndarray | Image.Image, fmt: str, **options: object) -> bytes:
    """`pixels` saved in `fmt` (a Pillow format name), as bytes."""
    image = pixels if isinstance(pixels, Image.Image) else Image.fromarray(pixels)
    buffer = BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _written(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk with its length and a valid CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A valid-looking PNG whose header declares `width` x `height`, with almost no data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit gray
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def make_dataset(
    pixels: np.ndarray, photometric: str = "MONOCHROME2", bits_stored: int = 8, **elements: object
) -> Dataset:
    """A minimal DX image dataset holding `pixels` (2-D, or 3-D for several frames)."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.SOPClassUID = uid.DigitalXRayImageStorageForPresentation
    ds.SOPInstanceUID = uid.generate_uid()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.Modality = "DX"
    ds.set_pixel_data(pixels, photometric, bits_stored)
    for keyword, value in elements.items():
        setattr(ds, keyword, value)
    return ds


def dicom_image(pixels: np.ndarray, photometric: str = "MONOCHROME2", bits: int = 8) -> Dataset:
    """A minimal digital X-ray DICOM dataset holding `pixels`."""
    return make_dataset(pixels, photometric, bits, PatientID="CORPUS-1")


def dicom_bytes(ds: Dataset) -> bytes:
    buffer = BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


# --- Empty, damaged, not an image ---------------------------------------------------------------


def empty_file(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "empty.jpg", b"")


def truncated_jpeg(folder: Path, xray: np.ndarray) -> Path:
    whole = encoded(xray, "JPEG", quality=90)
    return _written(folder / "cut-in-half.jpg", whole[: len(whole) // 2])


def truncated_png(folder: Path, xray: np.ndarray) -> Path:
    whole = encoded(xray, "PNG")
    return _written(folder / "cut-in-half.png", whole[: len(whole) // 2])


def png_cut_in_its_header(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "cut-in-header.png", encoded(xray, "PNG")[:20])


def png_with_a_bad_checksum(folder: Path, xray: np.ndarray) -> Path:
    data = bytearray(encoded(xray, "PNG"))
    data[60] ^= 0xFF  # inside the first IDAT chunk: its CRC no longer matches
    return _written(folder / "bad-crc.png", bytes(data))


def truncated_dicom(folder: Path, xray: np.ndarray) -> Path:
    whole = dicom_bytes(dicom_image(xray))
    return _written(folder / "cut-in-half.dcm", whole[: len(whole) // 2])


def dicom_cut_in_its_header(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "cut-in-header.dcm", dicom_bytes(dicom_image(xray))[:300])


def random_bytes_named_jpg(folder: Path, xray: np.ndarray) -> Path:
    noise = np.random.default_rng(5).integers(0, 256, 20_000, dtype=np.uint8).tobytes()
    return _written(folder / "random.jpg", noise)


def text_named_png(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "notes.png", b"Patient seen 14 March, film to follow.\n")


def html_named_png(folder: Path, xray: np.ndarray) -> Path:
    page = "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n"
    return _written(folder / "download.png", page.encode())


def dicom_preamble_then_noise(folder: Path, xray: np.ndarray) -> Path:
    noise = np.random.default_rng(7).integers(0, 256, 4000, dtype=np.uint8).tobytes()
    return _written(folder / "noise.dcm", bytes(128) + b"DICM" + noise)


# --- Tiny, blank, huge --------------------------------------------------------------------------


def one_pixel_png(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "one-pixel.png", encoded(xray[:1, :1], "PNG"))


def one_pixel_jpeg(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "one-pixel.jpg", encoded(xray[:1, :1], "JPEG"))


def one_pixel_dicom(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "one-pixel.dcm", dicom_bytes(dicom_image(xray[:1, :1].copy())))


def blank_png(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "blank.png", encoded(np.full((600, 600), 128, np.uint8), "PNG"))


def png_bomb(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "bomb.png", png_claiming(100_000, 100_000))


def png_just_over_the_limit(folder: Path, xray: np.ndarray) -> Path:
    # 120 megapixels: Pillow itself only warns below twice its limit; the app must refuse.
    return _written(folder / "large-bomb.png", png_claiming(12_000, 10_000))


def dicom_bomb(folder: Path, xray: np.ndarray) -> Path:
    ds = dicom_image(xray)
    ds.Rows, ds.Columns = 60_000, 60_000
    return _written(folder / "bomb.dcm", dicom_bytes(ds))


# --- DICOM that holds no image we can decode ----------------------------------------------------


def dicom_without_pixel_data(folder: Path, xray: np.ndarray) -> Path:
    ds = dicom_image(xray)
    del ds.PixelData
    return _written(folder / "no-pixels.dcm", dicom_bytes(ds))


def structured_report(sop_class: str) -> Dataset:
    """A DICOM structured report of `sop_class`: a valid DICOM file that holds no image."""
    report = Dataset()
    report.file_meta = FileMetaDataset()
    report.file_meta.TransferSyntaxUID = uid.ExplicitVRLittleEndian
    report.SOPClassUID = sop_class
    report.SOPInstanceUID = uid.generate_uid()
    report.Modality = "SR"
    return report


def dicom_structured_report(folder: Path, xray: np.ndarray) -> Path:
    report = structured_report(uid.ComprehensiveSRStorage)
    report.ValueType = "CONTAINER"
    report.CompletionFlag = "COMPLETE"
    return _written(folder / "report.dcm", dicom_bytes(report))


def dicom_in_a_private_transfer_syntax(folder: Path, xray: np.ndarray) -> Path:
    ds = dicom_image(xray)
    ds.file_meta.TransferSyntaxUID = "1.2.826.0.1.3680043.9.9999.1"
    buffer = BytesIO()
    ds.save_as(buffer, implicit_vr=False, little_endian=True, enforce_file_format=True)
    return _written(folder / "private-syntax.dcm", buffer.getvalue())


def dicom_in_an_unsupported_colour_space(folder: Path, xray: np.ndarray) -> Path:
    ds = dicom_image(np.stack([xray, xray, xray], axis=-1), "RGB")
    ds.PhotometricInterpretation = "HSV"  # retired in 2006; nothing decodes it
    return _written(folder / "hsv.dcm", dicom_bytes(ds))


# --- Files that cannot be opened, folders, links ------------------------------------------------


def dangling_link(folder: Path, xray: np.ndarray) -> Path:
    link = folder / "moved-away.jpg"
    link.symlink_to(folder / "no-such-file.jpg")
    return link


def link_to_itself(folder: Path, xray: np.ndarray) -> Path:
    link = folder / "self-link.png"
    link.symlink_to(link.name)
    return link


def folder_named_like_an_image(folder: Path, xray: np.ndarray) -> Path:
    """A folder named `x.jpg` is walked like any folder: the file inside it gets the row."""
    return _written(folder / "x.jpg" / "inside.png", b"not an image either")


def folder_with_a_link_loop(folder: Path, xray: np.ndarray) -> Path:
    """A link back to the dropped folder: the walk ends, and nothing is screened twice."""
    inner = folder / "loop"
    inner.mkdir()
    (inner / "back-to-the-top").symlink_to(folder, target_is_directory=True)
    return _written(inner / "inside-the-loop.jpg", b"GIF89a but not really")


# --- Valid radiographs, stored in unusual ways --------------------------------------------------


def sample_as_is(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "sample.png", encoded(xray, "PNG"))


def png_16_bit(folder: Path, xray: np.ndarray) -> Path:
    deep = Image.fromarray(xray.astype(np.uint16) * 257)  # the full 16-bit range
    return _written(folder / "16-bit.png", encoded(deep, "PNG"))


def tiff_16_bit(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "16-bit.tif", encoded(xray.astype(np.uint16) * 257, "TIFF"))


def cmyk_jpeg(folder: Path, xray: np.ndarray) -> Path:
    cmyk = Image.fromarray(xray).convert("CMYK")
    return _written(folder / "cmyk.jpg", encoded(cmyk, "JPEG", quality=95))


def palette_png(folder: Path, xray: np.ndarray) -> Path:
    # Index i stands for gray 255 - i: the indices alone would give the negative.
    palette = Image.frombytes("P", (xray.shape[1], xray.shape[0]), (255 - xray).tobytes())
    palette.putpalette([level for index in range(256) for level in (255 - index,) * 3])
    return _written(folder / "palette.png", encoded(palette, "PNG"))


def png_with_opaque_alpha(folder: Path, xray: np.ndarray) -> Path:
    rgba = np.stack([xray, xray, xray, np.full_like(xray, 255)], axis=-1)
    return _written(folder / "alpha.png", encoded(rgba, "PNG"))


def animated_gif(folder: Path, xray: np.ndarray) -> Path:
    later = [Image.fromarray(255 - xray), Image.fromarray(xray // 4)]
    data = encoded(xray, "GIF", save_all=True, append_images=later, loop=0)
    return _written(folder / "animated.gif", data)


def multi_page_tiff(folder: Path, xray: np.ndarray) -> Path:
    later = [Image.fromarray(255 - xray), Image.fromarray(np.zeros_like(xray))]
    data = encoded(xray, "TIFF", save_all=True, append_images=later)
    return _written(folder / "pages.tiff", data)


def jpeg_turned_by_exif(folder: Path, xray: np.ndarray) -> Path:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored a quarter turn left; viewers turn it back
    stored = Image.fromarray(xray).transpose(Image.Transpose.ROTATE_90)
    return _written(folder / "phone.jpg", encoded(stored, "JPEG", quality=95, exif=exif))


def jpeg_named_png(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "really-a-jpeg.png", encoded(xray, "JPEG", quality=95))


def dicom_monochrome1_without_extension(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "IM0001", dicom_bytes(dicom_image(255 - xray, "MONOCHROME1")))


def name_with_spaces_and_accents(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "Radiologie Kénya" / "enfant Nyaɓoke 肺炎.png", encoded(xray, "BMP"))


def name_that_is_not_utf8(folder: Path, xray: np.ndarray) -> Path:
    # Linux allows any bytes in a name; a USB stick from an old camera may have them.
    name = os.fsdecode(b"scan-\xff\xfe.png")
    return _written(folder / name, encoded(xray, "PNG", optimize=True))


def damaged_file_with_a_non_ascii_name(folder: Path, xray: np.ndarray) -> Path:
    whole = encoded(xray, "JPEG")
    return _written(folder / "Ωmega ñandú.jpg", whole[: len(whole) // 3])


# --- Hostile files of issue 14: costly to decode, damaged inside, invalid values --------------


def deep_rgba_png(width: int, height: int, note: bytes = b"") -> bytes:
    """A 16-bit RGBA PNG of `width` x `height` zeros: 9999 x 9999 is 777 kB on disk and 800 MB
    of samples (within `MAX_PIXELS`). `note` goes into a text chunk, to make copies differ."""
    header = struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0)
    row = bytes(1 + width * 8)  # filter byte 0, then the row's samples
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    text = png_chunk(b"tEXt", b"Comment\x00" + note) if note else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + text
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def progressive_jpeg_with_extra_scans(pixels: np.ndarray, extra_scans: int) -> bytes:
    """A valid progressive JPEG of `pixels` (grayscale) followed by `extra_scans` scans that each
    make libjpeg pass over every block of the image once more, and change nothing.

    Each extra scan is a first AC scan of the last coefficient (Ss = Se = 63, Ah = Al = 0) whose
    data is end-of-band runs covering all blocks: a few bytes for a pass over the whole image,
    and no warning (a scan with Ah = Al may repeat), so only the count or the time can stop it.
    """
    whole = encoded(pixels, "JPEG", quality=90, progressive=True)
    assert whole.endswith(b"\xff\xd9")
    # An AC table of two codes: "0" is EOB14 (a run of 2^14 + 14 more bits), "10" is EOB.
    table = bytes([0x13]) + bytes([1, 1] + [0] * 14) + bytes([0xE0, 0x00])
    dht = b"\xff\xc4" + struct.pack(">H", 2 + len(table)) + table
    blocks = -(-pixels.shape[0] // 8) * -(-pixels.shape[1] // 8)
    runs = -(-blocks // 32767)
    data = _stuffed(("0" + "1" * 14) * runs)
    header = bytes([1, 1, 0x03, 63, 63, 0x00])  # one component (id 1), AC table 3, Ss Se Ah/Al
    scan = b"\xff\xda" + struct.pack(">H", 2 + len(header)) + header + data
    return whole[:-2] + dht + scan * extra_scans + b"\xff\xd9"


def _stuffed(bits: str) -> bytes:
    """`bits` as entropy-coded bytes: padded with ones, each 0xFF followed by a stuffed 0x00."""
    bits += "1" * (-len(bits) % 8)
    out = bytearray()
    for start in range(0, len(bits), 8):
        out.append(int(bits[start : start + 8], 2))
        if out[-1] == 0xFF:
            out.append(0x00)
    return bytes(out)


def jpeg_with_garbled_lower_half(pixels: np.ndarray, seed: int = 0) -> bytes:
    """A baseline JPEG of `pixels` whose entropy-coded data is random from its middle to the end
    (no 0xFF, so no marker is faked): libjpeg decodes a garbled lower half and only warns."""
    whole = bytearray(encoded(pixels, "JPEG", quality=90))
    sos = whole.rfind(b"\xff\xda")
    start = sos + 2 + int.from_bytes(whole[sos + 2 : sos + 4], "big")
    middle, end = (start + len(whole) - 2) // 2, len(whole) - 2
    rng = np.random.default_rng(seed)
    whole[middle:end] = rng.integers(0, 255, end - middle, dtype=np.uint8).tobytes()
    return bytes(whole)


def float_tiff_with(pixels: np.ndarray, value: float) -> bytes:
    """`pixels` as a 32-bit float TIFF with a block of `value` (NaN or infinity) in it."""
    values = pixels.astype(np.float32)
    values[10:20, 10:20] = value
    return encoded(Image.fromarray(values, mode="F"), "TIFF")


def png_deep_rgba_bomb(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "deep-rgba.png", deep_rgba_png(9999, 9999))


def jpeg_scan_bomb(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "many-scans.jpg", progressive_jpeg_with_extra_scans(xray, 2000))


def jpeg_garbled(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "garbled.jpg", jpeg_with_garbled_lower_half(xray))


def float_tiff_with_nan(folder: Path, xray: np.ndarray) -> Path:
    return _written(folder / "float-nan.tif", float_tiff_with(xray, float("nan")))


BAD_KINDS: tuple[Kind, ...] = (
    Kind("empty", "a zero-byte file named .jpg", empty_file),
    Kind("truncated-jpeg", "the first half of a JPEG", truncated_jpeg),
    Kind("truncated-png", "the first half of a PNG", truncated_png),
    Kind("png-cut-in-header", "the first 20 bytes of a PNG", png_cut_in_its_header),
    Kind("png-bad-crc", "a PNG with one byte of its image data flipped", png_with_a_bad_checksum),
    Kind("truncated-dicom", "the first half of a DICOM file", truncated_dicom),
    Kind("dicom-cut-in-header", "the first 300 bytes of a DICOM file", dicom_cut_in_its_header),
    Kind("random-bytes", "20 kB of random bytes named .jpg", random_bytes_named_jpg),
    Kind("text", "a line of text named .png", text_named_png),
    Kind("html", "an HTML error page named .png", html_named_png),
    Kind("dicom-noise", "the DICOM preamble, then random bytes", dicom_preamble_then_noise),
    Kind("one-pixel-png", "a 1x1 PNG", one_pixel_png),
    Kind("one-pixel-jpeg", "a 1x1 JPEG", one_pixel_jpeg),
    Kind("one-pixel-dicom", "a 1x1 DICOM image", one_pixel_dicom),
    Kind("blank", "a 600x600 PNG of one grey level", blank_png),
    Kind("png-bomb", "a PNG whose header claims 100000x100000", png_bomb),
    Kind("png-over-limit", "a PNG whose header claims 12000x10000", png_just_over_the_limit),
    Kind("dicom-bomb", "a DICOM file whose header claims 60000x60000", dicom_bomb),
    Kind("png-deep-rgba", "a 777 kB 16-bit RGBA PNG of 9999x9999 zeros", png_deep_rgba_bomb),
    Kind("jpeg-scan-bomb", "a progressive JPEG with 2000 extra scans", jpeg_scan_bomb),
    Kind("jpeg-garbled", "a JPEG whose lower half of data is random", jpeg_garbled),
    Kind("tiff-float-nan", "a float TIFF holding NaN values", float_tiff_with_nan),
    Kind("dicom-no-pixels", "a DX image DICOM file without pixel data", dicom_without_pixel_data),
    Kind("dicom-report", "a DICOM structured report (no image)", dicom_structured_report),
    Kind(
        "dicom-private-syntax",
        "a DICOM file in a private transfer syntax",
        dicom_in_a_private_transfer_syntax,
    ),
    Kind(
        "dicom-hsv",
        "a DICOM file with HSV photometric interpretation",
        dicom_in_an_unsupported_colour_space,
    ),
    Kind("dangling-link", "a symbolic link to a file that is gone", dangling_link),
    Kind("self-link", "a symbolic link to itself", link_to_itself),
    Kind("folder-x.jpg", "a folder named x.jpg holding a text file", folder_named_like_an_image),
    Kind("link-loop", "a folder with a link back to the dropped folder", folder_with_a_link_loop),
    Kind(
        "non-ascii-damaged",
        "a damaged JPEG named 'Ωmega ñandú.jpg'",
        damaged_file_with_a_non_ascii_name,
    ),
    Kind("sample", "the sample radiograph, 8-bit PNG", sample_as_is),
    Kind("png-16-bit", "the sample as a 16-bit PNG", png_16_bit),
    Kind("tiff-16-bit", "the sample as a 16-bit TIFF", tiff_16_bit),
    Kind("cmyk-jpeg", "the sample as a CMYK JPEG", cmyk_jpeg),
    Kind("palette-png", "the sample as a palette PNG (inverted indices)", palette_png),
    Kind("alpha-png", "the sample as an RGBA PNG", png_with_opaque_alpha),
    Kind("animated-gif", "the sample as the first of 3 GIF frames", animated_gif),
    Kind("multi-page-tiff", "the sample as the first of 3 TIFF pages", multi_page_tiff),
    Kind("exif-rotated-jpeg", "the sample turned, with EXIF orientation 6", jpeg_turned_by_exif),
    Kind("jpeg-named-png", "the sample as a JPEG named .png", jpeg_named_png),
    Kind(
        "dicom-monochrome1",
        "the sample as MONOCHROME1 DICOM, no extension",
        dicom_monochrome1_without_extension,
    ),
    Kind(
        "spaces-and-accents",
        "the sample as BMP in 'Radiologie Kénya/enfant Nyaɓoke 肺炎.png'",
        name_with_spaces_and_accents,
    ),
    Kind("non-utf8-name", "the sample, its file name not valid UTF-8", name_that_is_not_utf8),
)


# --- Not regular files --------------------------------------------------------------------------


def named_pipe(folder: Path, xray: np.ndarray) -> Path:
    pipe = folder / "pipe.jpg"
    os.mkfifo(pipe)  # opening it for reading waits for a writer that never comes
    return pipe


def link_to_an_endless_device(folder: Path, xray: np.ndarray) -> Path:
    link = folder / "zeros.png"
    link.symlink_to("/dev/zero")  # reading it never reaches an end
    return link


SPECIAL_KINDS: tuple[Kind, ...] = (
    Kind("named-pipe", "a named pipe (FIFO) called pipe.jpg", named_pipe),
    Kind("device-link", "a link called zeros.png to /dev/zero", link_to_an_endless_device),
)
KINDS: dict[str, Kind] = {kind.name: kind for kind in BAD_KINDS + SPECIAL_KINDS}


def build(kinds: tuple[Kind, ...], folder: Path, xray: np.ndarray) -> dict[str, Path]:
    """Write every kind into `folder`; returns each kind's path (the one that gets its row)."""
    folder.mkdir(parents=True, exist_ok=True)
    return {kind.name: kind.build(folder, xray) for kind in kinds}
