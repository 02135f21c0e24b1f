"""The view gate on the films a general clinic brings: adults' frontal films pass, side views never
get a label (issues 15 and 17).

Gate 1.0.0 knew only Kermany's children: it refused 6-17% of adult frontal films and let a lateral
film through, which the model then called "Pneumonia likely". These run the app's own screener over
films the gate never trained on or chose its threshold with: the held-out part of the recorded adult
split (`training/adult_split.json`) and the side-view and CT cases `split_cases` keeps out.
"""

from __future__ import annotations

import pytest

from core.model_card import load_model_card
from core.reason_codes import ReasonCode
from core.result import Label, Status
from core.result_log import ResultLog
from core.screening import Screener
from core.view_gate import load_view_gate_card
from tests.conftest import SHIPPED_MODEL_DIR
from training.adult_data import NIH, RSNA, adult_part
from training.gate_data import split_cases

#: Issue 15's bar: the gate refuses at most 1% of the held-out adult films of each folder.
MAX_ADULT_REFUSED = 0.01


@pytest.fixture(scope="module")
def screener(tmp_path_factory) -> Screener:
    log = ResultLog(tmp_path_factory.mktemp("log") / "results.sqlite3")
    return Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)


@pytest.fixture(scope="module")
def held_out_adults(shared_data):
    return adult_part("held_out", shared_data / "nih-adult", shared_data / "rsna-normal-adult")


def test_the_shipped_gate_was_fitted_with_adult_frontal_films():
    gate_card = load_view_gate_card(load_model_card(SHIPPED_MODEL_DIR / "model.json"))
    fitted = gate_card.raw["training"]["fit_examples_by_kind"]
    assert fitted.get("frontal chest X-ray (adult)", 0) > 0


@pytest.mark.parametrize("source", [NIH, RSNA])
def test_the_gate_refuses_at_most_one_percent_of_held_out_adult_frontal_films(
    screener, held_out_adults, source
):
    """Any refusal counts but the population check's, which comes after the gate: a film of
    unknown age that looks like an adult's is meant to be refused (`test_population_check`)."""
    films = [film for film in held_out_adults if film.source == source]
    results = [(film, screener.screen_file(film.path).result) for film in films]
    refused = [
        film.file
        for film, result in results
        if result.status == Status.REJECTED
        and result.reason_code is not ReasonCode.OUTSIDE_VALIDATED_POPULATION
    ]
    assert len(films) >= 200
    assert len(refused) <= MAX_ADULT_REFUSED * len(films), refused


@pytest.mark.parametrize("kind", ["lateral", "ct"])
def test_no_held_out_side_view_or_ct_slice_gets_a_label(screener, shared_data, kind):
    _, held_out = split_cases(sorted((shared_data / "not-frontal-cxr" / kind).glob("*.png")))
    results = {path.name: screener.screen_file(path).result for path in held_out}
    assert len(results) >= 10
    labelled = {name: r.label for name, r in results.items() if r.status != Status.REJECTED}
    assert labelled == {}


def test_no_side_view_at_all_gets_a_red_label(screener, shared_data):
    """Every side view in the shared folder, trained on or not: none may read "Pneumonia likely"."""
    paths = sorted((shared_data / "not-frontal-cxr" / "lateral").glob("*.png"))
    red = [p.name for p in paths if screener.screen_file(p).result.label == Label.PNEUMONIA]
    assert len(paths) >= 20
    assert red == []
