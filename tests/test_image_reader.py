"""Reading ordinary image files, and refusing every kind of bad file with a readable message.

Every file is generated here from a real sample PNG; DICOM has its own tests in
`test_dicom_reader.py`.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import simplejpeg
from PIL import ExifTags, Image

from core.decoded import DecodedImage, reduction_factor
from core.errors import UnreadableImage
from core.image_reader import decode_image, read_image

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared/data/samples/PNEUMONIA"


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    """A real chest X-ray, 8-bit grayscale, 554 x 256."""
    return np.asarray(Image.open(SAMPLES / "person1141_bacteria_3085.png").convert("L"))


def save(array: np.ndarray | Image.Image, path: Path, **options: object) -> Path:
    image = array if isinstance(array, Image.Image) else Image.fromarray(array)
    image.save(path, **options)
    return path


def mean_error(actual: np.ndarray, expected: np.ndarray) -> float:
    assert actual.shape == expected.shape
    return float(np.abs(actual.astype(int) - expected.astype(int)).mean())


def assert_refused(path: Path) -> str:
    """`read_image` raises `UnreadableImage` (nothing else) with a sentence naming the file."""
    with pytest.raises(UnreadableImage) as caught:
        read_image(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name} could not be read: "), message
    assert message.endswith(".")
    assert caught.value.path == path
    return message


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR (with a valid CRC) declares `width` x `height`, and almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit gray, no interlace
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --- Formats ----------------------------------------------------------------------------------


def test_png_8_bit_gives_its_pixels_unchanged(tmp_path, sample):
    decoded = read_image(save(sample, tmp_path / "chest.png"))

    assert isinstance(decoded, DecodedImage)
    assert decoded.source_format == "PNG"
    assert decoded.pixels.dtype == np.uint8
    np.testing.assert_array_equal(decoded.pixels, sample)
    assert decoded.original_size == (554, 256)
    assert decoded.dicom == {}


def test_png_16_bit_is_stretched_from_its_darkest_to_its_brightest(tmp_path, sample):
    # 12-bit data in a 16-bit PNG, as many exports are: 100 + 16 * v spans 100..4180.
    deep = Image.fromarray(sample.astype(np.uint16) * 16 + 100).convert("I;16")

    decoded = read_image(save(deep, tmp_path / "deep.png"))

    assert Image.open(tmp_path / "deep.png").mode.startswith("I")
    # (100 + 16 v - 100) * 255 / (16 * 255) = v: the original 8-bit pixels come back.
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_palette_png_gives_the_palette_grays(tmp_path, sample):
    # Index i stands for gray 255 - i, so the indices alone would give the negative.
    palette = Image.frombytes("P", (554, 256), (255 - sample).tobytes())
    palette.putpalette([level for index in range(256) for level in (255 - index,) * 3])

    decoded = read_image(save(palette, tmp_path / "palette.png"))

    assert Image.open(tmp_path / "palette.png").mode == "P"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_png_with_alpha_is_composited_on_black(tmp_path, sample):
    alpha = np.full(sample.shape, 255, dtype=np.uint8)
    alpha[:, :100] = 0  # a transparent band on the left
    alpha[:, 100:200] = 128  # and a half-transparent one
    rgba = np.stack([sample, sample, sample, alpha], axis=-1)

    decoded = read_image(save(rgba, tmp_path / "alpha.png"))

    assert not decoded.pixels[:, :100].any()
    np.testing.assert_allclose(decoded.pixels[:, 100:200], sample[:, 100:200] * (128 / 255), atol=1)
    np.testing.assert_array_equal(decoded.pixels[:, 200:], sample[:, 200:])


def test_rgb_png_gives_its_gray_levels(tmp_path, sample):
    rgb = np.stack([sample, sample, sample], axis=-1)

    decoded = read_image(save(rgb, tmp_path / "rgb.png"))

    np.testing.assert_array_equal(decoded.pixels, sample)


def test_jpeg_with_exif_orientation_6_is_turned_upright(tmp_path, sample):
    # Orientation 6: the camera stored the picture turned a quarter to the left, and a viewer
    # turns it a quarter to the right to show it.
    stored = Image.fromarray(sample).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6

    decoded = read_image(save(stored, tmp_path / "phone.jpg", exif=exif, quality=95))

    assert decoded.source_format == "JPEG"
    assert mean_error(decoded.pixels, sample) < 1.5
    assert decoded.original_size == (554, 256)


def test_jpeg_with_exif_orientation_is_turned_upright_when_reduced_too(tmp_path, sample):
    large = Image.fromarray(sample).resize((554 * 4, 256 * 4)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6

    decoded = read_image(save(large, tmp_path / "phone.jpg", exif=exif), min_side=256)

    assert decoded.pixels.shape == (256, 554)
    assert decoded.original_size == (554 * 4, 256 * 4)
    assert mean_error(decoded.pixels, sample) < 4


@pytest.mark.parametrize(("min_side", "factor"), [(256, 4), (200, 4), (100, 8), (60, 16)])
def test_large_jpeg_is_decoded_reduced_but_never_below_min_side(tmp_path, sample, min_side, factor):
    full = Image.fromarray(sample).resize((554 * 4, 256 * 4), Image.Resampling.BICUBIC)
    path = save(full, tmp_path / "large.jpg", quality=95)

    decoded = read_image(path, min_side=min_side)

    assert reduction_factor(full.size, min_side) == factor
    assert min(decoded.pixels.shape) >= min_side
    assert decoded.pixels.shape == (-(-1024 // factor), -(-2216 // factor))
    assert decoded.original_size == (2216, 1024)
    reference = np.asarray(Image.open(path).convert("L").reduce(factor))
    assert mean_error(decoded.pixels, reference) < 3


def test_large_jpeg_is_decoded_by_libjpeg_at_the_reduced_size(tmp_path, sample, monkeypatch):
    full = Image.fromarray(sample).resize((554 * 8, 256 * 8))
    path = save(full, tmp_path / "large.jpg")
    decoded_shapes = []
    original_decode = simplejpeg.decode_jpeg

    def recording_decode(*args, **options):
        pixels = original_decode(*args, **options)
        decoded_shapes.append(pixels.shape[:2])
        return pixels

    monkeypatch.setattr(simplejpeg, "decode_jpeg", recording_decode)

    decode_image(path.read_bytes(), path, min_side=256)  # in this process, to see the decoder

    assert decoded_shapes == [(256, 554)]  # 1/8 scale, never 2048 x 4432


def test_without_min_side_the_full_size_is_kept(tmp_path, sample):
    full = Image.fromarray(sample).resize((554 * 4, 256 * 4))

    decoded = read_image(save(full, tmp_path / "large.png"))

    assert decoded.pixels.shape == (1024, 2216)


def test_large_png_is_reduced_by_the_same_rule(tmp_path, sample):
    blocks = np.kron(sample, np.ones((4, 4), dtype=np.uint8))

    decoded = read_image(save(blocks, tmp_path / "large.png"), min_side=200)

    np.testing.assert_array_equal(decoded.pixels, sample)


def test_cmyk_jpeg_gives_its_gray_levels(tmp_path, sample):
    cmyk = Image.fromarray(sample).convert("CMYK")

    decoded = read_image(save(cmyk, tmp_path / "print.jpg", quality=95))

    assert mean_error(decoded.pixels, sample) < 1.5


def test_bmp_gives_its_pixels_unchanged(tmp_path, sample):
    decoded = read_image(save(sample, tmp_path / "chest.bmp"))

    assert decoded.source_format == "BMP"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_multi_page_tiff_gives_its_first_page(tmp_path, sample):
    pages = [Image.fromarray(255 - sample), Image.fromarray(np.zeros_like(sample))]

    decoded = read_image(save(sample, tmp_path / "pages.tif", save_all=True, append_images=pages))

    assert decoded.source_format == "TIFF"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_16_bit_tiff_is_stretched(tmp_path, sample):
    deep = Image.fromarray(sample.astype(np.uint16) * 257)

    decoded = read_image(save(deep, tmp_path / "deep.tiff"))

    np.testing.assert_array_equal(decoded.pixels, sample)


def test_animated_gif_gives_its_first_frame(tmp_path, sample):
    frames = [Image.fromarray(255 - sample), Image.fromarray(sample // 4)]

    path = save(sample, tmp_path / "loop.gif", save_all=True, append_images=frames, loop=0)
    decoded = read_image(path)

    assert decoded.source_format == "GIF"
    np.testing.assert_array_equal(decoded.pixels, sample)


def test_decoded_pixels_are_read_only(tmp_path, sample):
    decoded = read_image(save(sample, tmp_path / "chest.png"))

    with pytest.raises(ValueError):
        decoded.pixels[0, 0] = 1


# --- Bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.jpg", "empty.png", "empty.dcm", "empty"])
def test_empty_file_is_refused_as_empty(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")

    assert assert_refused(path) == f"{name} could not be read: the file is empty."


def test_missing_file_is_refused(tmp_path):
    assert "does not exist" in assert_refused(tmp_path / "gone.png")


def test_folder_named_like_an_image_is_refused(tmp_path):
    folder = tmp_path / "x.jpg"
    folder.mkdir()

    assert "folder" in assert_refused(folder)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX user that permissions bind"
)
def test_file_without_read_permission_is_refused(tmp_path, sample):
    path = save(sample, tmp_path / "locked.png")
    path.chmod(0)
    try:
        assert "permission" in assert_refused(path)
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)  # opening it to read would wait for a writer for ever

    assert "not an ordinary file" in assert_refused(pipe)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "zeros.png"
    link.symlink_to("/dev/zero")

    assert "not an ordinary file" in assert_refused(link)


def test_permission_denied_while_reading_is_refused(tmp_path, sample, monkeypatch):
    path = save(sample, tmp_path / "locked.png")

    def deny(*_args: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("core.file_bytes.os.open", deny)

    assert "permission" in assert_refused(path)


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "cut.jpg"), ("PNG", "cut.png")])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_image_is_refused_as_damaged(tmp_path, sample, fmt, name, keep):
    whole = save(sample, tmp_path / f"whole.{fmt.lower()}", format=fmt).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * keep)])

    assert "damaged or incomplete" in assert_refused(path)


def test_random_bytes_named_jpg_are_refused_as_not_an_image(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes())

    assert "not an image" in assert_refused(path)


def test_html_named_png_is_refused_as_not_an_image(tmp_path):
    path = tmp_path / "download.png"
    path.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>\n")

    assert "not an image" in assert_refused(path)


@pytest.mark.parametrize(("width", "height"), [(100_000, 100_000), (12_000, 10_000)])
def test_png_declaring_a_huge_image_is_refused_as_a_decompression_bomb(tmp_path, width, height):
    # 10 gigapixels trips Pillow's error; 120 megapixels only its warning, which must refuse too.
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(width, height))

    assert "too large" in assert_refused(path)


@pytest.mark.filterwarnings("ignore:Tag data larger than file")  # Pillow, on damaged TIFFs
def test_damaged_files_never_raise_anything_but_unreadable_image(tmp_path, sample):
    """Bytes flipped at random in JPEG and PNG files: each reads, or is refused; nothing else."""
    rng = np.random.default_rng(2024)
    small = sample[:64, :64]
    for fmt in ("JPEG", "PNG", "BMP", "TIFF", "GIF"):
        whole = bytearray(save(small, tmp_path / f"whole.{fmt.lower()}", format=fmt).read_bytes())
        for attempt in range(8):
            damaged = bytearray(whole)
            for position in rng.integers(0, len(damaged), 6):
                damaged[position] = int(rng.integers(0, 256))
            path = tmp_path / f"damaged-{attempt}.{fmt.lower()}"
            path.write_bytes(bytes(damaged))
            try:
                read_image(path)
            except UnreadableImage as error:
                assert str(error).startswith(path.name)
