"""What the app does with adults' films of unknown age, measured end to end.

The model card's and the About page's "refused without a label" figures: every film of the
adults' held-out part (`training/adult_split.json`, never trained on or chosen on) is screened by
the app's own `core.screening.Screener`, as a PNG with no age, into a throwaway result log. A film
gets no label when the quality checks, the view gate or the population check refuse it; the
counts are per source and class, with the reason codes that refused them.

    python -m training.adult_refusals
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from core.model_card import load_model_card
from core.result import Status
from core.result_log import ResultLog
from core.screening import Screener
from training.adult_data import adult_part

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def refusals(data: Path, model_dir: Path) -> dict[str, dict]:
    """For each source and class of the held-out part: films, films refused (no label) and the
    reason codes that refused them."""
    films = adult_part("held_out", data / "nih-adult", data / "rsna-normal-adult")
    card = load_model_card(model_dir / "model.json")
    with tempfile.TemporaryDirectory() as scratch, ResultLog(Path(scratch) / "log.sqlite3") as log:
        outcomes = Screener(card, log).screen([film.path for film in films])
        results = [outcome.result for outcome in outcomes]
    table: dict[str, dict] = {}
    for film, result in zip(films, results, strict=True):
        row = table.setdefault(
            f"{film.source} {'pneumonia' if film.label else 'normal'}",
            {"films": 0, "refused": 0, "reasons": Counter()},
        )
        row["films"] += 1
        if result.status is not Status.OK:
            row["refused"] += 1
            row["reasons"][str(result.reason_code)] += 1
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.adult_refusals", description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--model-dir", type=Path, default=REPO / "resources" / "model")
    args = parser.parse_args(argv)
    table = refusals(args.data, args.model_dir)
    for name, row in table.items():
        share = row["refused"] / row["films"]
        print(f"{name:16s} {row['refused']:4d} of {row['films']:4d} refused ({share:.1%})")
    print(
        json.dumps({name: {**row, "reasons": dict(row["reasons"])} for name, row in table.items()})
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
