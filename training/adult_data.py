"""The adult films (`nih-adult`, `rsna-normal-adult`): listing, a recorded held-out split, labels.

Model 2 (issue 15) is trained and measured on three sources. The adult films are split once, with
a fixed seed, and the split is recorded in `training/adult_split.json` (committed), so every later
session measures on the same held-out films:

- `nih-adult` by patient (`nih_patient_id`): a patient with films in both classes stays whole. At
  least `HELD_OUT_FRACTION` of the patients of each stratum (class, or both classes; for pneumonia
  patients also whether RSNA radiologists confirmed a lung opacity) are held out.
- `rsna-normal-adult` by image (it has no patient ids; the same patient may appear twice).

What is not held out is split again into `train` and `validation` (the same way); validation
chooses epochs and recipes. The `held_out` parts are for the final report only: nothing is chosen
on them.
"""

from __future__ import annotations

import csv
import json
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

NIH = "nih"
RSNA = "rsna"
PARTS = ("train", "validation", "held_out")
HELD_OUT_FRACTION = 0.25
VALIDATION_FRACTION = 0.2
SPLIT_SEED = 15
SPLIT_FILE = Path(__file__).with_name("adult_split.json")

#: The RSNA re-read that agrees with each NIH class (README-external.md, "Label noise").
AGREEING_RSNA_LABEL = {0: "Normal", 1: "Lung Opacity"}


@dataclass(frozen=True)
class AdultImage:
    """One adult film: label 1 = pneumonia (as NIH's report says), its source and what is known.

    `rsna_label` is the RSNA radiologists' re-read ("" if none); every `rsna-normal-adult` film was
    read "Normal". `view` (PA/AP), `patient_id` and `age` are empty for `rsna-normal-adult`.
    """

    path: Path
    label: int
    source: str
    file: str
    patient_id: str = ""
    view: str = ""
    rsna_label: str = ""
    age: str = ""

    @property
    def rsna_agrees(self) -> bool:
        """The RSNA re-read confirms the label (Lung Opacity for pneumonia, Normal for normal)."""
        return self.rsna_label == AGREEING_RSNA_LABEL[self.label]


def list_nih(nih_dir: Path) -> list[AdultImage]:
    """Every film of `nih-adult`, from its `manifest.csv`, in the manifest's order."""
    nih_dir = Path(nih_dir)
    with open(nih_dir / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    labels = {"NORMAL": 0, "PNEUMONIA": 1}
    items = []
    for row in rows:
        if row["class"] not in labels:
            raise ValueError(f"Unknown class in {nih_dir / 'manifest.csv'}. Received: {row!r}")
        items.append(
            AdultImage(
                path=nih_dir / row["file"],
                label=labels[row["class"]],
                source=NIH,
                file=row["file"],
                patient_id=row["nih_patient_id"],
                view=row["view"],
                rsna_label=row["rsna_label"],
                age=row["age"],
            )
        )
    return items


def list_rsna(rsna_dir: Path) -> list[AdultImage]:
    """Every film of `rsna-normal-adult` (all normal, all read "Normal" by RSNA), sorted by name."""
    rsna_dir = Path(rsna_dir)
    with open(rsna_dir / "manifest.csv", newline="", encoding="utf-8") as handle:
        files = sorted(row["file"] for row in csv.DictReader(handle))
    return [AdultImage(rsna_dir / f, 0, RSNA, f, rsna_label="Normal") for f in files]


def _take(units: list[str], fraction: float, rng: random.Random) -> set[str]:
    """At least `fraction` of `units` (rounded up), picked with `rng`."""
    units = sorted(units)
    rng.shuffle(units)
    return set(units[: math.ceil(fraction * len(units))])


def _nih_strata(items: list[AdultImage]) -> dict[str, list[str]]:
    """Patients grouped by what they hold: normal only, pneumonia (confirmed or not), or both."""
    by_patient: dict[str, list[AdultImage]] = defaultdict(list)
    for item in items:
        by_patient[item.patient_id].append(item)
    strata: dict[str, list[str]] = defaultdict(list)
    for patient, films in by_patient.items():
        classes = {f.label for f in films}
        if classes == {0, 1}:
            stratum = "both"
        elif classes == {0}:
            stratum = "normal"
        else:
            confirmed = any(f.rsna_agrees for f in films)
            stratum = "pneumonia-confirmed" if confirmed else "pneumonia"
        strata[stratum].append(patient)
    return dict(strata)


def _split_units(strata: dict[str, list[str]], rng: random.Random) -> dict[str, set[str]]:
    """Units (patients or files) to parts: held out first, then validation from the rest."""
    parts: dict[str, set[str]] = {part: set() for part in PARTS}
    for stratum in sorted(strata):
        units = strata[stratum]
        held_out = _take(units, HELD_OUT_FRACTION, rng)
        rest = [u for u in units if u not in held_out]
        validation = _take(rest, VALIDATION_FRACTION, rng)
        parts["held_out"] |= held_out
        parts["validation"] |= validation
        parts["train"] |= set(rest) - validation
    return parts


def make_split(nih_dir: Path, rsna_dir: Path, seed: int = SPLIT_SEED) -> dict:
    """The split as a JSON-ready dict: for each source and part, the sorted file names."""
    rng = random.Random(seed)
    nih = list_nih(nih_dir)
    patients = _split_units(_nih_strata(nih), rng)
    rsna = list_rsna(rsna_dir)
    files = _split_units({"normal": [i.file for i in rsna]}, rng)
    split: dict = {
        "seed": seed,
        "held_out_fraction": HELD_OUT_FRACTION,
        "validation_fraction": VALIDATION_FRACTION,
        "how": "nih-adult by nih_patient_id, stratified (normal / pneumonia RSNA-confirmed / "
        "pneumonia / both classes); rsna-normal-adult by image; held_out first, then "
        "validation from the rest (training.adult_data.make_split)",
        NIH: {},
        RSNA: {},
    }
    for part in PARTS:
        split[NIH][part] = sorted(i.file for i in nih if i.patient_id in patients[part])
        split[RSNA][part] = sorted(files[part])
    return split


def write_split(split: dict, path: Path = SPLIT_FILE) -> None:
    """Write the split as stable, readable JSON."""
    Path(path).write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")


def adult_part(
    part: str, nih_dir: Path, rsna_dir: Path, split_file: Path = SPLIT_FILE
) -> list[AdultImage]:
    """The films of one recorded part (`train`, `validation` or `held_out`), NIH first.

    Raises:
        ValueError: for an unknown part, or a recorded file that the folders no longer hold.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}. Received: {part!r}")
    split = json.loads(Path(split_file).read_text(encoding="utf-8"))
    chosen = []
    for source, items in ((NIH, list_nih(nih_dir)), (RSNA, list_rsna(rsna_dir))):
        wanted = set(split[source][part])
        found = [item for item in items if item.file in wanted]
        if len(found) != len(wanted):
            missing = sorted(wanted - {item.file for item in found})[:5]
            raise ValueError(f"The split names {source} files that are missing: {missing}")
        chosen.extend(found)
    return chosen
