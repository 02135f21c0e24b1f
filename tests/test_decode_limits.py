"""Memory and time are bounded for every file (issue 14, section 5): what a decode would cost is
judged from the header before decoding, and every decode runs in a child within a deadline.

The memory figures themselves come from `benchmarks/peak_memory.py`; these tests pin the rules.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.decode_budget import DecodeBudget, reserve
from core.errors import UnreadableImage
from core.image_reader import DECODERS, decode_image, decode_isolated, decode_slot, read_image
from core.isolated_decoder import HUNG_REASON, IsolatedDecoder
from core.jpeg_pixels import MAX_JPEG_SCANS
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import Screener
from corpora.bad_inputs import deep_rgba_png, encoded, load_xray, progressive_jpeg_with_extra_scans
from tests.conftest import SHIPPED_MODEL_DIR

SAMPLE = "samples/PNEUMONIA/person1244_virus_2111.png"


@pytest.fixture(scope="module")
def xray(shared_data) -> np.ndarray:
    return load_xray(shared_data)


@pytest.fixture(scope="module")
def deep_rgba_bomb() -> bytes:
    """The issue's file: 777 kB, a 16-bit RGBA PNG of 9999 x 9999 (800 MB of samples)."""
    return deep_rgba_png(9999, 9999)


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableImage) as caught:
        read_image(path)
    return caught.value.reason


def test_a_deep_rgba_png_within_the_pixel_limit_is_refused_by_what_its_decode_would_take(
    tmp_path, deep_rgba_bomb
):
    path = tmp_path / "deep-rgba.png"
    path.write_bytes(deep_rgba_bomb)

    assert len(deep_rgba_bomb) < 1_000_000
    assert refusal(path).startswith("the image is too large to decode safely (9999 x 9999 pixels")


def test_four_such_files_in_one_batch_are_four_error_rows_and_the_radiograph_is_scored(
    tmp_path, shared_data, deep_rgba_bomb
):
    files = []
    for index in range(4):
        files.append(tmp_path / f"bomb-{index}.png")
        files[-1].write_bytes(deep_rgba_png(9999, 9999, note=str(index).encode()))
    files.append(Path(shared_data / SAMPLE))
    with ResultLog(tmp_path / "log.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        results = [outcome.result for outcome in screener.screen(files)]

    assert [str(result.status) for result in results] == ["error"] * 4 + ["ok"]
    assert all("too large to decode safely" in result.reason for result in results[:4])


def test_a_4000_by_3000_colour_photo_jpeg_still_decodes_in_full(tmp_path, xray):
    colour = np.stack([xray, xray // 2, 255 - xray], axis=-1)
    photo = Image.fromarray(colour).resize((4000, 3000))
    path = tmp_path / "photo.jpg"
    path.write_bytes(encoded(photo, "JPEG", quality=92, progressive=True))

    decoded = read_image(path)

    assert decoded.pixels.shape == (3000, 4000)
    assert decoded.colour_share > 0.05  # still judged in colour


def test_a_4300_by_4300_16_bit_grayscale_png_still_decodes_in_full(tmp_path, xray):
    deep = np.asarray(Image.fromarray(xray).resize((4300, 4300))).astype(np.uint16) * 16
    path = tmp_path / "detector.png"
    path.write_bytes(encoded(Image.fromarray(deep), "PNG"))

    decoded = read_image(path)

    assert decoded.pixels.shape == (4300, 4300)
    assert decoded.pixels.max() == 255 and decoded.pixels.min() == 0


def test_a_progressive_jpeg_with_20000_extra_scans_is_an_error_row_and_the_batch_goes_on(
    tmp_path, shared_data, xray
):
    bomb = tmp_path / "many-scans.jpg"
    bomb.write_bytes(progressive_jpeg_with_extra_scans(xray, 20_000))
    with ResultLog(tmp_path / "log.sqlite3") as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        results = [o.result for o in screener.screen([bomb, Path(shared_data / SAMPLE)])]

    assert [str(result.status) for result in results] == ["error", "ok"]
    assert results[0].reason == (
        f"many-scans.jpg could not be read: the JPEG has too many scans to decode safely "
        f"(20006; the limit is {MAX_JPEG_SCANS})."
    )


def test_a_jpeg_within_the_scan_limit_decodes_like_the_same_image_without_extra_scans(xray):
    plain = progressive_jpeg_with_extra_scans(xray, 0)
    extra = progressive_jpeg_with_extra_scans(xray, MAX_JPEG_SCANS - plain.count(b"\xff\xda"))

    with_scans = decode_image(extra, Path("extra.jpg"), None).pixels
    without = decode_image(plain, Path("plain.jpg"), None).pixels

    np.testing.assert_array_equal(with_scans, without)


def test_a_decode_past_its_deadline_is_killed_and_the_next_file_gets_a_fresh_child(
    shared_data, xray
):
    # Within every limit, but a pass over 250,000 blocks for each of 250 scans: far longer than
    # the 0.05 s deadline this test sets (the default is 10 s).
    large = np.asarray(Image.fromarray(xray).resize((4000, 4000)))
    slow = progressive_jpeg_with_extra_scans(large, 250)
    sample = (shared_data / SAMPLE).read_bytes()
    decode_isolated(sample, Path("warm-up.png"), 192)  # a child is running and ready
    before = set(DECODERS.pids)

    with pytest.raises(UnreadableImage) as caught:
        decode_isolated(slow, Path("slow.jpg"), 192, timeout_s=0.05)
    decoded = decode_isolated(sample, Path("next.png"), 192)

    assert str(caught.value) == f"slow.jpg could not be read: {HUNG_REASON}."
    assert HUNG_REASON == "the image took too long to decode"
    assert decoded.pixels.shape == (256, 392)
    assert set(DECODERS.pids) != before


# --- The memory budget the decodes share ----------------------------------------------------------


def _book_then_sleep(path: str, amount: int, seconds: float) -> str:
    """An IsolatedDecoder target: books `amount` bytes as a decode does, then works `seconds`."""
    reserve(amount)
    time.sleep(seconds)
    return Path(path).name


def test_a_decode_waits_for_memory_another_holds_and_the_wait_is_not_counted_as_decoding():
    budget = DecodeBudget(multiprocessing.get_context("spawn"), total=100)
    first = IsolatedDecoder(_book_then_sleep, timeout_s=20, budget=budget)
    second = IsolatedDecoder(_book_then_sleep, timeout_s=1.0, budget=budget)
    try:
        second.run(Path("warm-up"), 0, 0)  # started and ready: its deadline is the decode's
        with ThreadPoolExecutor(1) as pool:
            holding = pool.submit(first.run, Path("first"), 80, 2.0)
            while budget.used < 80 and not holding.done():
                time.sleep(0.01)
            # Waits about 2 s for the first to finish, past its own 1 s deadline, then decodes.
            assert second.run(Path("second"), 80, 0) == "second"
            assert holding.result() == "first"
        assert budget.used == 0
    finally:
        first.close()
        second.close()


def test_a_decode_killed_at_its_deadline_leaves_nothing_booked(xray):
    large = np.asarray(Image.fromarray(xray).resize((4000, 4000)))
    slow = progressive_jpeg_with_extra_scans(large, 250)

    with pytest.raises(UnreadableImage):
        decode_isolated(slow, Path("slow.jpg"), 192, timeout_s=0.05)

    assert DECODERS.budget.used == 0


def test_a_file_is_read_only_once_its_memory_is_booked(tmp_path, shared_data, monkeypatch):
    path = tmp_path / "sample.png"
    path.write_bytes((shared_data / SAMPLE).read_bytes())
    booked_when_read = []
    real_book = IsolatedDecoder.book

    def recording_book(decoder, amount):
        real_book(decoder, amount)
        booked_when_read.append(DECODERS.budget.used)

    monkeypatch.setattr(IsolatedDecoder, "book", recording_book)
    with decode_slot() as slot:
        data = slot.read(path)

    assert booked_when_read == [2 * len(data)]  # the bytes here and their copy in the child
    assert DECODERS.budget.used == 0  # returned when the slot is given back
