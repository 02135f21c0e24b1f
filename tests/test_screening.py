"""The screening pipeline: order, cancel, and one file's failure never costing another's."""

import shutil
import threading

import pytest

from core import screening
from core.image_reader import DecodeSlot
from core.model_card import load_model_card
from core.result import Status
from core.result_log import ResultLog
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture
def screener(tmp_path):
    log = ResultLog(tmp_path / "log.sqlite3")
    yield screening.Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
    log.close()


@pytest.fixture
def samples(shared_data, tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(shared_data / "samples", folder)
    return sorted(folder.rglob("*.png"))


def test_results_come_back_in_input_order_and_are_logged(screener, samples):
    outcomes = list(screener.screen(samples))
    assert [o.result.file for o in outcomes] == [str(p) for p in samples]
    assert all(o.result.id is not None for o in outcomes)
    assert screener.log.count() == len(samples)
    cells = screener.card.input_size // 32
    assert all(o.result.heatmap.shape == (cells, cells) for o in outcomes)


def test_cancel_stops_the_batch_and_keeps_what_was_done(screener, samples):
    cancel = threading.Event()
    done = []
    for outcome in screener.screen(samples, cancel):
        done.append(outcome)
        if len(done) == 3:
            cancel.set()
    assert 3 <= len(done) < len(samples)
    assert screener.log.count() == len(done)


def test_an_unexpected_failure_becomes_that_files_error_row(screener, samples, monkeypatch):
    real_decode = DecodeSlot.decode

    def decode_failing_on_the_second(slot, data, path, min_side=None, timeout_s=None):
        if path == samples[1]:
            raise MemoryError("simulated")
        return real_decode(slot, data, path, min_side, timeout_s)

    monkeypatch.setattr(DecodeSlot, "decode", decode_failing_on_the_second)
    outcomes = list(screener.screen(samples[:3]))
    assert [o.result.status for o in outcomes] == [Status.OK, Status.ERROR, Status.OK]
    assert "unexpected problem" in outcomes[1].result.reason


def test_the_same_bytes_under_another_name_are_served_from_the_log(screener, samples, tmp_path):
    first = next(screener.screen(samples[:1]))
    copy = tmp_path / "renamed.png"
    shutil.copy(samples[0], copy)
    again = next(screener.screen([copy]))
    assert again.from_cache
    assert again.result.file == str(copy)
    assert again.result.score == first.result.score
    assert screener.log.count() == 1
