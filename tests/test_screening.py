"""The screening pipeline: order, cancel, one file's failure never costing another's, and every
label decided by the threshold in force, even for a result taken from the log."""

import shutil
import threading

import numpy as np
import pytest

from core import screening
from core.image_reader import DecodeSlot
from core.model_card import load_model_card
from core.reason_codes import ReasonCode
from core.result import Label, Status, ThresholdSource
from core.result_log import ResultLog
from core.site_profile import ThresholdInForce
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
    assert outcomes[1].result.reason_code is ReasonCode.UNEXPECTED_ERROR


def test_the_same_bytes_under_another_name_are_served_from_the_log(screener, samples, tmp_path):
    first = next(screener.screen(samples[:1]))
    copy = tmp_path / "renamed.png"
    shutil.copy(samples[0], copy)
    again = next(screener.screen([copy]))
    assert again.from_cache
    assert again.result.file == str(copy)
    assert again.result.score == first.result.score
    assert screener.log.count() == 1


def site_threshold(value: float) -> ThresholdInForce:
    return ThresholdInForce(value, ThresholdSource.SITE, "")


def test_every_result_is_labelled_by_the_threshold_in_force_and_records_it(tmp_path, samples):
    card = load_model_card(SHIPPED_MODEL_DIR / "model.json")
    with ResultLog(tmp_path / "site.sqlite3") as log:
        screener = screening.Screener(card, log, threshold=site_threshold(100.0))
        outcomes = list(screener.screen(samples[:4]))
        logged = log.results()
    for outcome in outcomes:
        result = outcome.result
        assert (result.threshold, result.threshold_source) == (100.0, ThresholdSource.SITE)
        assert result.label is (Label.PNEUMONIA if result.score >= 100.0 else Label.NORMAL)
    assert [r.threshold_source for r in logged] == [ThresholdSource.SITE] * 4


def test_without_a_threshold_in_force_the_model_cards_threshold_decides(screener, samples):
    result = next(screener.screen(samples[:1])).result
    assert (result.threshold, result.threshold_source) == (
        screener.card.threshold,
        ThresholdSource.MODEL,
    )
    assert screener.threshold_in_force == ThresholdInForce(
        screener.card.threshold, ThresholdSource.MODEL
    )


def test_a_result_from_the_log_is_relabelled_when_the_threshold_changed(screener, samples):
    first = next(screener.screen(samples[:1])).result
    screener.set_threshold(site_threshold(first.score + 0.1))  # just above its score
    again = next(screener.screen(samples[:1]))
    assert again.from_cache
    assert again.result.label is Label.NORMAL
    assert (again.result.threshold, again.result.threshold_source) == (
        first.score + 0.1,
        ThresholdSource.SITE,
    )
    assert again.result.score == first.score
    assert np.array_equal(again.result.heatmap, first.heatmap)
    # The new decision is in the log beside the old one; the same threshold again adds nothing.
    assert again.result.id not in (None, first.id) and screener.log.count() == 2
    third = next(screener.screen(samples[:1]))
    assert third.from_cache and third.result.id == again.result.id
    assert screener.log.count() == 2
    screener.set_threshold(None)  # back to the model's threshold
    back = next(screener.screen(samples[:1])).result
    assert (back.label, back.threshold_source) == (first.label, ThresholdSource.MODEL)


def test_the_view_gate_refusal_carries_its_code_and_a_cached_one_keeps_it(screener, tmp_path):
    from PIL import Image

    from training import gate_negatives

    path = tmp_path / "document.png"
    Image.fromarray(gate_negatives.document(np.random.default_rng(2026))).save(path)
    first = screener.screen_file(path)
    assert not first.from_cache and first.result.status is Status.REJECTED
    assert first.result.reason_code is ReasonCode.NOT_A_RADIOGRAPH
    screener.log.add(first.result)
    again = screener.screen_file(path)
    assert again.from_cache and again.result.reason_code is ReasonCode.NOT_A_RADIOGRAPH
