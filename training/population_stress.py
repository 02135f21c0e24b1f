"""How the shipped population check holds up on films framed, bordered and toned differently.

The check (`core.population_check`) was fitted on two hospitals' films only. Another hospital's
adults must still be refused, and its children must still be screened, when their films are
framed, bordered or toned differently. This measures, for each condition of the fixed suite
`training.film_variants.STRESS_CONDITIONS`, the share of each set the shipped check flags:

- the adults' held-out part (`training/adult_split.json`): should stay flagged;
- kermany-test-dev and the demo samples (children): should stay unflagged;
- the Kermany validation children and the adults' validation part, which chose between the
  candidates of the model card's rule "The population check under changed films".

    python -m training.population_stress --out runs/population-robust/shipped
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from core.model_card import load_model_card
from core.population_check import PopulationCheck, load_population_check
from training.adult_data import adult_part
from training.data import list_images, patient_split, read_grayscale
from training.film_variants import STRESS_CONDITIONS, UNSEEN_FAMILIES

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def film_sets(data: Path) -> dict[str, list[np.ndarray]]:
    """The decoded films of each measured set, by the set's name."""
    nih, rsna = data / "nih-adult", data / "rsna-normal-adult"
    _, child_val = patient_split(list_images(data / "kermany-train"), 0.2, 42)
    paths = {
        "adults, held-out part": [i.path for i in adult_part("held_out", nih, rsna)],
        "children, kermany-test-dev": [i.path for i in list_images(data / "kermany-test-dev")],
        "children, demo samples": [i.path for i in list_images(data / "samples")],
        "adults, validation part": [i.path for i in adult_part("validation", nih, rsna)],
        "children, Kermany validation": [i.path for i in child_val],
    }
    return {name: [read_grayscale(p) for p in files] for name, files in paths.items()}


def flagged_under_stress(
    check: PopulationCheck, films: dict[str, list[np.ndarray]]
) -> dict[str, dict[str, float]]:
    """For each condition of the suite, the share of each set's films that `check` flags."""
    return {
        condition: {
            name: round(float(np.mean([check.flags(change(film)) for film in set_films])), 4)
            for name, set_films in films.items()
        }
        for condition, change in STRESS_CONDITIONS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.population_stress", description=__doc__
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--model-dir", type=Path, default=REPO / "resources" / "model")
    args = parser.parse_args(argv)
    check = load_population_check(load_model_card(args.model_dir / "model.json"))
    if check is None:
        parser.error(f"{args.model_dir / 'model.json'} names no population check")
    table = flagged_under_stress(check, film_sets(args.data))
    args.out.mkdir(parents=True, exist_ok=True)
    report = {
        "check_version": check.version,
        "unseen_families": list(UNSEEN_FAMILIES),
        "flagged": table,
    }
    (args.out / "stress.json").write_text(json.dumps(report, indent=1) + "\n")
    names = list(next(iter(table.values())))
    print("condition".ljust(32) + "".join(n.split(", ")[1][:14].rjust(16) for n in names))
    for condition, row in table.items():
        print(condition.ljust(32) + "".join(f"{row[n]:16.1%}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
