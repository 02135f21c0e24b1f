"""WebP (issue 18): a film saved as WebP is screened like the same film in any other format, and
its size and decode cost are checked from its header before libwebp allocates anything."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.decoded import MAX_DECODE_BYTES, MAX_PIXELS
from core.errors import UnreadableImage
from core.image_reader import decode_image, read_image
from core.model_card import load_model_card
from core.raster_reader import HEADER_DAMAGED
from core.reason_codes import ReasonCode
from core.result import Status
from core.result_log import ResultLog
from core.screening import Screener
from core.webp_header import WEBP_BYTES_PER_PIXEL, webp_size
from tests.conftest import REPO, SHIPPED_MODEL_DIR

SAMPLE = REPO.parent / "shared/data/samples/PNEUMONIA/person1141_bacteria_3085.png"
#: Lossy WebP at quality 90 moves a film's score less than this (as JPEG does: test_bad_inputs).
LOSSY_SCORE_TOLERANCE = 5.0


def film() -> Image.Image:
    return Image.open(SAMPLE).convert("L")


def webp(image: Image.Image, **options: object) -> bytes:
    stream = io.BytesIO()
    image.save(stream, "WEBP", **options)
    return stream.getvalue()


def animated(frames: list[Image.Image]) -> bytes:
    stream = io.BytesIO()
    frames[0].save(stream, "WEBP", save_all=True, append_images=frames[1:], lossless=True)
    return stream.getvalue()


def coloured(image: Image.Image) -> Image.Image:
    """The film as a colour picture: red where it is bright, blue where it is dark."""
    grey = np.asarray(image)
    return Image.fromarray(np.dstack([grey, np.zeros_like(grey), 255 - grey]))


def with_alpha(image: Image.Image) -> Image.Image:
    """`image` with its left half transparent."""
    alpha = np.full((image.height, image.width), 255, dtype=np.uint8)
    alpha[:, : image.width // 2] = 0
    return Image.merge("RGBA", (*image.convert("RGB").split(), Image.fromarray(alpha)))


def vp8x_header(width: int, height: int) -> bytes:
    """The start of an extended WebP file whose canvas is `width` x `height`, and no image."""
    chunk = bytes(4) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = b"WEBP" + b"VP8X" + len(chunk).to_bytes(4, "little") + chunk
    return b"RIFF" + len(body).to_bytes(4, "little") + body + bytes(64)


# --- Reading ----------------------------------------------------------------------------------


def test_a_lossless_webp_of_a_film_gives_exactly_its_pixels():
    expected = decode_image(SAMPLE.read_bytes(), SAMPLE, None)
    decoded = decode_image(webp(film(), lossless=True), Path("film.webp"), None)
    assert decoded.source_format == "WEBP"
    assert np.array_equal(decoded.pixels, expected.pixels)
    assert decoded.original_size == expected.original_size and decoded.colour_share == 0.0


def test_a_lossy_webp_of_a_film_gives_nearly_its_pixels():
    expected = decode_image(SAMPLE.read_bytes(), SAMPLE, None).pixels.astype(int)
    decoded = decode_image(webp(film(), quality=90), Path("film.webp"), None).pixels
    assert np.abs(decoded.astype(int) - expected).mean() < 2.0


def test_an_animated_webp_gives_its_first_frame_as_a_gif_or_tiff_does():
    first = film()
    data = animated([first, first.transpose(Image.Transpose.FLIP_LEFT_RIGHT)])
    decoded = decode_image(data, Path("film.webp"), None)
    assert np.array_equal(decoded.pixels, np.asarray(first))


def test_a_webp_is_read_in_the_decoder_child_like_every_file(tmp_path):
    path = tmp_path / "film.webp"
    path.write_bytes(webp(film(), lossless=True))
    assert np.array_equal(read_image(path).pixels, np.asarray(film()))


def test_a_large_webp_is_reduced_as_other_formats_are():
    image = film().resize((1024, 2216))
    decoded = decode_image(webp(image, lossless=True), Path("film.webp"), min_side=256)
    assert decoded.pixels.shape == (554, 256) and decoded.original_size == (1024, 2216)


# --- Header checks, before libwebp allocates ------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        webp(film(), quality=80),  # VP8, lossy
        webp(film(), lossless=True),  # VP8L
        webp(with_alpha(film()), quality=80),  # VP8X: lossy with an alpha channel
        animated([film(), film()]),  # VP8X
    ],
    ids=["lossy", "lossless", "alpha", "animated"],
)
def test_the_header_gives_the_size_pillow_finds(data):
    with Image.open(io.BytesIO(data)) as image:
        assert webp_size(data) == image.size


def test_a_webp_over_the_pixel_limit_is_refused_before_it_is_opened(monkeypatch):
    monkeypatch.setattr(Image, "open", lambda *a, **k: pytest.fail("Pillow opened the file"))
    side = int(MAX_PIXELS**0.5) + 1
    with pytest.raises(UnreadableImage) as refused:
        decode_image(vp8x_header(side, side), Path("bomb.webp"), None)
    assert refused.value.code is ReasonCode.TOO_LARGE
    assert f"{side} x {side} pixels" in refused.value.reason


def test_a_webp_too_costly_to_decode_is_refused_before_it_is_opened(monkeypatch):
    monkeypatch.setattr(Image, "open", lambda *a, **k: pytest.fail("Pillow opened the file"))
    side = int((MAX_DECODE_BYTES / WEBP_BYTES_PER_PIXEL) ** 0.5) + 64
    assert side * side <= MAX_PIXELS  # within the pixel limit: the cost is what refuses it
    with pytest.raises(UnreadableImage) as refused:
        decode_image(vp8x_header(side, side), Path("big.webp"), None)
    assert refused.value.code is ReasonCode.TOO_LARGE
    assert "too large to decode safely" in refused.value.reason


@pytest.mark.parametrize("data", [b"RIFF\x10\x00\x00\x00WEBPVP8 ", b"RIFF\x00\x00\x00\x00WEBP"])
def test_a_webp_whose_header_gives_no_size_is_damaged(data):
    with pytest.raises(UnreadableImage) as refused:
        decode_image(data + bytes(20), Path("cut.webp"), None)
    assert (refused.value.code, refused.value.reason) == (ReasonCode.DAMAGED_DATA, HEADER_DAMAGED)


def test_a_truncated_webp_is_damaged():
    data = webp(film(), lossless=True)
    with pytest.raises(UnreadableImage) as refused:
        decode_image(data[: len(data) // 2], Path("cut.webp"), None)
    assert refused.value.code is ReasonCode.DAMAGED_DATA


_PEAK = """
import sys
from pathlib import Path
from core.raster_reader import read_raster

def resident(field):
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) * 1024 for l in status if l.startswith(field))

data = Path(sys.argv[1]).read_bytes()
before = resident("VmRSS")
open("/proc/self/clear_refs", "w").write("5")  # the peak starts again from here
read_raster(data, Path("x.webp"), None)
print((resident("VmHWM") - before) / (2000 * 2000))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="measures with Linux /proc")
@pytest.mark.parametrize(
    "options", [{"quality": 80}, {"lossless": True}], ids=["lossy", "lossless"]
)
def test_a_webp_decode_takes_no_more_memory_than_it_books(tmp_path, options):
    """Measured in a fresh process, so no memory freed by encoding it is reused."""
    noise = np.random.default_rng(0).integers(0, 256, (250, 250, 4), dtype=np.uint8)
    noise[..., 3] = np.where(noise[..., 3] > 128, 255, 0)  # transparent in places: the worst case
    path = tmp_path / "noise.webp"
    path.write_bytes(webp(Image.fromarray(noise).resize((2000, 2000)), exact=True, **options))
    child = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    measured = float(child.stdout)
    assert WEBP_BYTES_PER_PIXEL / 2 < measured <= WEBP_BYTES_PER_PIXEL


# --- Screening --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def screened(tmp_path_factory) -> dict[str, object]:
    """The film as PNG, and as lossless, lossy, animated and colour WebP (and a colour PNG),
    screened in one batch: name -> result."""
    folder = tmp_path_factory.mktemp("webp")
    files = {
        "png": SAMPLE.read_bytes(),
        "lossless": webp(film(), lossless=True),
        "lossy": webp(film(), quality=90),
        "animated": animated([film(), film().transpose(Image.Transpose.ROTATE_180)]),
        "colour": webp(coloured(film()), lossless=True),
    }
    stream = io.BytesIO()
    coloured(film()).save(stream, "PNG")
    files["colour-png"] = stream.getvalue()
    paths = {}
    for name, data in files.items():
        paths[name] = folder / f"{name}.{'png' if name.endswith('png') else 'webp'}"
        paths[name].write_bytes(data)
    with ResultLog(folder / "results.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        outcomes = list(screener.screen(list(paths.values())))
    return dict(zip(paths, (outcome.result for outcome in outcomes), strict=True))


def test_a_lossless_or_animated_webp_film_scores_exactly_as_the_png(screened):
    assert screened["png"].status is Status.OK
    for name in ("lossless", "animated"):
        assert (screened[name].status, screened[name].score) == (Status.OK, screened["png"].score)


def test_a_lossy_webp_film_scores_close_to_the_png(screened):
    assert screened["lossy"].status is Status.OK
    assert abs(screened["lossy"].score - screened["png"].score) <= LOSSY_SCORE_TOLERANCE


def test_a_colour_webp_is_rejected_as_a_colour_png_is(screened):
    for name in ("colour", "colour-png"):
        assert screened[name].status is Status.REJECTED
        assert screened[name].reason_code is ReasonCode.COLOUR_IMAGE
    assert screened["colour"].reason == screened["colour-png"].reason
