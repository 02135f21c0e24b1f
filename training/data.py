"""Data set listing, patient-level splitting and cached decoding of the Kermany images.

File names carry patient ids, and one patient often has several images; a validation split that
shares patients with training would measure memory, not generalisation, so the split is by patient.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from core.formats import PILLOW_SUFFIXES
from core.preprocess import Tone, prepare_image

CLASS_NAMES = ("NORMAL", "PNEUMONIA")
#: What `read_grayscale` (Pillow) reads: the Pillow formats of the one formats table.
IMAGE_SUFFIXES = PILLOW_SUFFIXES

_PATIENT_PATTERNS = (
    re.compile(r"^(person\d+)_(?:bacteria|virus)_\d+", re.IGNORECASE),
    re.compile(r"^(NORMAL2-IM-\d+)-", re.IGNORECASE),
    re.compile(r"^(IM-\d+)-", re.IGNORECASE),
)


@dataclass(frozen=True)
class LabeledImage:
    """One image file with its label (1 = pneumonia) and the patient it belongs to."""

    path: Path
    label: int
    patient_id: str


def patient_id(file_name: str) -> str:
    """Return the patient id carried by a Kermany file name.

    `person12_bacteria_3.png` -> `person12`; `IM-0115-0001.png` -> `IM-0115`;
    `NORMAL2-IM-1436-0001.png` -> `NORMAL2-IM-1436`.

    Raises:
        ValueError: for a name that follows none of the data set's patterns.
    """
    for pattern in _PATIENT_PATTERNS:
        match = pattern.match(file_name)
        if match:
            return match.group(1)
    raise ValueError(f"Cannot find a patient id in file name. Received: {file_name!r}")


def list_images(data_dir: Path) -> list[LabeledImage]:
    """List `data_dir/{NORMAL,PNEUMONIA}/*` in a stable order."""
    items = []
    for label, class_name in enumerate(CLASS_NAMES):
        class_dir = Path(data_dir) / class_name
        if not class_dir.is_dir():
            raise FileNotFoundError(f"Expected a class folder {class_dir}")
        for path in sorted(class_dir.iterdir()):
            if path.suffix.lower() in IMAGE_SUFFIXES:
                items.append(LabeledImage(path, label, patient_id(path.name)))
    return items


def patient_split(
    items: list[LabeledImage], val_fraction: float = 0.2, seed: int = 0
) -> tuple[list[LabeledImage], list[LabeledImage]]:
    """Split into (train, validation) by patient, stratified by class.

    Patients are grouped by the class of their images (a Kermany patient has one class), shuffled
    with `seed`, and whole patients are moved to validation until it holds `val_fraction` of each
    class's images. No patient is ever in both parts.
    """
    by_patient: dict[str, list[LabeledImage]] = defaultdict(list)
    for item in items:
        by_patient[item.patient_id].append(item)
    rng = random.Random(seed)
    val_patients: set[str] = set()
    for label in range(len(CLASS_NAMES)):
        patients = sorted(p for p, imgs in by_patient.items() if imgs[0].label == label)
        rng.shuffle(patients)
        target = val_fraction * sum(len(by_patient[p]) for p in patients)
        taken = 0
        for patient in patients:
            if taken >= target:
                break
            val_patients.add(patient)
            taken += len(by_patient[patient])
    train = [item for item in items if item.patient_id not in val_patients]
    val = [item for item in items if item.patient_id in val_patients]
    return train, val


def seeded_subset(items: list[LabeledImage], limit: int | None, seed: int) -> list[LabeledImage]:
    """`limit` items picked with `seed`, in their original order (all of them for None)."""
    if limit is None or limit >= len(items):
        return items
    rng = np.random.default_rng(seed)
    keep = sorted(rng.choice(len(items), size=limit, replace=False))
    return [items[i] for i in keep]


def read_grayscale(path: Path) -> np.ndarray:
    """Decode an image file to a 2-D uint8 array."""
    with Image.open(path) as image:
        return np.asarray(image.convert("L"), dtype=np.uint8)


def recorded_tone(record: dict) -> Tone:
    """The tone mapping a run's `config.json` (`tone`) or a model card (`preprocessing.tone`)
    records; the stretch where it records none, as every run and card before the field."""
    return Tone(record.get("preprocessing", {}).get("tone", record.get("tone", Tone.STRETCH)))


def load_arrays(
    items: list[LabeledImage],
    size: int,
    cache_dir: Path | None = None,
    tone: Tone = Tone.STRETCH,
) -> tuple[np.ndarray, np.ndarray]:
    """Decode and preprocess `items` to (images uint8 N x size x size, labels uint8 N).

    Decoding 5,000 PNGs takes a while on two cores, so the result is cached in `cache_dir` under a
    key made of the file list, the size, the tone mapping and the preprocessing source, and reused
    by later runs.
    """
    cache_path = None
    if cache_dir is not None:
        key = hashlib.sha256()
        key.update(str(size).encode())
        key.update(Tone(tone).value.encode())
        key.update(Path(prepare_image.__code__.co_filename).read_bytes())
        for item in items:
            stat = item.path.stat()
            key.update(f"{item.path}|{item.label}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        cache_path = Path(cache_dir) / f"images-{size}-{key.hexdigest()[:16]}.npz"
        if cache_path.exists():
            with np.load(cache_path) as cached:
                return cached["x"], cached["y"]
    x = np.stack([prepare_image(read_grayscale(item.path), size, tone) for item in items])
    y = np.array([item.label for item in items], dtype=np.uint8)
    if cache_path is not None:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        # A name of this process's own: two runs started together must not share one.
        tmp_path = cache_path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(tmp_path, x=x, y=y)
        tmp_path.replace(cache_path)
    return x, y
