"""Ctrl+C during a batch (`core.screen_session.screen_with_progress`): the first one stops the
batch taking files, the files in flight finish and are handed over like the others, so the count
of what was handed over is the count of what the batch saved in the log."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screen_session import screen_with_progress
from core.screening import Screener
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture
def films(shared_data, tmp_path):
    """40 distinct files (none answered from the log) made from the shared samples."""
    samples = sorted((shared_data / "samples").glob("*/*.png"))
    paths = []
    for index in range(40):
        path = tmp_path / f"{index:03d}.png"
        path.write_bytes(samples[index % len(samples)].read_bytes() + index.to_bytes(4, "big"))
        paths.append(path)
    return paths


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to oneself is POSIX")
def test_every_result_saved_after_ctrl_c_is_handed_over(films, tmp_path):
    assert threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    taken = []

    with ResultLog(tmp_path / "log.sqlite3") as log:
        add = log.add

        def add_then_ctrl_c(result):
            """Ctrl+C at the worst moment: the 5th result is in the log, not yet handed over."""
            added = add(result)
            if added.id == 5:
                os.kill(os.getpid(), signal.SIGINT)
            return added

        log.add = add_then_ctrl_c
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log, workers=2)
        try:
            with pytest.raises(KeyboardInterrupt):
                screen_with_progress(screener, films, taken.append)
            assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
        finally:
            signal.signal(signal.SIGINT, previous)
        assert 5 <= len(taken) < len(films)  # stopped early, in-flight files delivered
        assert log.count() == len(taken)
        assert {outcome.result.id for outcome in taken} == set(range(1, len(taken) + 1))
