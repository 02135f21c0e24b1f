"""The view gate's data: frontal chest X-rays against everything else, split so measuring is fair.

Three parts, none sharing a patient, a case or a source picture with another:
- `fit`: trains the gate's weights;
- `calibration`: chooses its threshold (frontal images from training-split patients the gate did
  not train on);
- `held_out`: measures it: the screening model's own validation patients and kermany-test-dev for
  the frontal side; for the other side, CT and lateral cases the gate never saw, radiograph
  transforms of validation images, drawn images from other seeds and package pictures kept out.

Adult frontal films (gate 1.1.0, issues 15 and 17): the first gate knew only Kermany's children
and refused 6-17% of adult films. When the adult folders are given, their recorded split
(`training.adult_data`, by patient) decides: `train` films are fitted as frontal, `validation`
films join the calibration frontals that set the threshold, and `held_out` films are measured
only. Their transforms (inverted, turned, ...) are negatives like the children's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from core.preprocess import prepare_image
from training import gate_negatives as neg
from training.adult_data import NIH, RSNA, adult_part
from training.data import list_images, patient_split, read_grayscale, seeded_subset

FRONTAL = "frontal chest X-ray"
#: Kinds that differ from a good film in one detail (how much of the chest is shown) get more
#: training examples than the easy ones. Mirrored films are deliberately not among them: tripling
#: them made the gate refuse 8 of 1,351 valid held-out films (0 without), for a kind the
#: screening model scores correctly anyway (it was trained with horizontal flips).
HARD_KINDS = {"fragment of a radiograph": 2}
#: Real side views are few (21 films, about 10 cases for fitting) and the one kind that ever got a
#: red label through the gate (issue 17), so their varied copies get triple weight.
REAL_KIND_WEIGHT = {"lateral": 3}
SOURCE_SIZE = 224  # the Kermany files are 224 x 224
#: What the gate's second head tells apart among the images it refuses (gate 1.1.0), so that the
#: reason can say what was given instead of listing everything: each refusal kind groups the
#: training kinds the user would fix the same way. The order is the head's output order, recorded
#: in the gate's card as `refusal_kinds`.
REFUSAL_KINDS: dict[str, tuple[str, ...]] = {
    "side_view": ("lateral chest view",),
    "ct_slice": ("CT slice",),
    "not_a_radiograph": (
        "document",
        "chart or diagram",
        "screenshot",
        "texture or test pattern",
        "drawn scene",
        "photo or picture",
    ),
    "inverted": ("inverted radiograph",),
    "turned_or_mirrored": (
        "upside-down radiograph",
        "radiograph turned 90 degrees",
        "mirrored radiograph",
    ),
    "cropped": ("fragment of a radiograph",),
}


@dataclass
class LabelledSet:
    """Gate inputs (N x size x size uint8), labels (1 = frontal chest X-ray) and each one's kind."""

    images: list[np.ndarray] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def add(self, images: Iterable[np.ndarray], label: int, kind: str, size: int) -> None:
        for image in images:
            self.images.append(prepare_image(image, size))
            self.labels.append(label)
            self.kinds.append(kind)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (
            np.stack(self.images),
            np.array(self.labels, dtype=np.uint8),
            np.array(self.kinds),
        )


def case_id(path: Path) -> str:
    """The case a non-frontal example belongs to, so all slices of one case stay on one side.

    `16630_3_1.png` -> `16630`; `000002-16.png` -> `000002`; `kjr-21-e24-g001-l-c.png` ->
    `kjr-21-e24`; any other name is its own case.
    """
    stem = path.stem
    for pattern in (r"^(\d{4,})[_-]", r"^(kjr-\d+-e\d+)-", r"^(covid-19-pneumonia)-\d+"):
        match = re.match(pattern, stem)
        if match:
            return match.group(1)
    return stem


def held_out_case(case: str, share: float = 0.4) -> bool:
    """Whether `case` is kept for measuring: a stable hash, so every run splits alike."""
    digest = int(hashlib.sha256(case.encode()).hexdigest()[:8], 16)
    return digest / 0xFFFFFFFF < share


def split_cases(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(training, held-out) lists of non-frontal examples, whole cases on one side."""
    train = [p for p in paths if not held_out_case(case_id(p))]
    held_out = [p for p in paths if held_out_case(case_id(p))]
    return train, held_out


def reframed(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A frontal radiograph as another hospital might frame it: borders, tilt, exposure, labels.

    These stay frontal chest X-rays; they teach the gate that framing and exposure do not matter,
    only what the picture shows.
    """
    picture = Image.fromarray(image)
    if rng.random() < 0.5:
        width, height = picture.size
        pad = [int(rng.uniform(0, 0.15) * s) for s in (width, height, width, height)]
        border = int(rng.choice([0, 0, int(rng.integers(0, 256)), 255]))
        canvas = Image.new("L", (width + pad[0] + pad[2], height + pad[1] + pad[3]), border)
        canvas.paste(picture, (pad[0], pad[1]))
        picture = canvas
    if rng.random() < 0.5:
        picture = picture.rotate(float(rng.uniform(-8, 8)), resample=Image.Resampling.BILINEAR)
    if rng.random() < 0.4:
        width, height = picture.size
        keep = rng.uniform(0.85, 1.0)
        left, top = rng.uniform(0, 1 - keep) * width, rng.uniform(0, 1 - keep) * height
        picture = picture.crop((left, top, left + keep * width, top + keep * height))
    if rng.random() < 0.5:
        draw = ImageDraw.Draw(picture)
        x, y = rng.uniform(0.02, 0.85) * picture.width, rng.uniform(0.02, 0.2) * picture.height
        draw.text((x, y), neg.random_text_marker(rng), fill=int(rng.choice([0, 255])))
    if rng.random() < 0.3:
        picture = picture.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 1.2))))
    pixels = np.asarray(picture, dtype=np.float32) / 255.0
    pixels = 255 * pixels ** rng.uniform(0.6, 1.6) + rng.normal(0, rng.uniform(0, 6), pixels.shape)
    return np.clip(pixels, 0, 255).astype(np.uint8)


def refusal_kind_indices(kinds: np.ndarray) -> np.ndarray:
    """Each example's index in `REFUSAL_KINDS`, or -1 for a frontal film (no refusal kind).

    Raises:
        ValueError: a non-frontal kind that no refusal kind groups (a new kind must be placed).
    """
    index_of = {kind: index for index, group in enumerate(REFUSAL_KINDS.values()) for kind in group}
    indices = []
    for kind in kinds.tolist():
        if kind.startswith(FRONTAL):
            indices.append(-1)
        elif kind in index_of:
            indices.append(index_of[kind])
        else:
            raise ValueError(f"No refusal kind groups the kind {kind!r}; add it to REFUSAL_KINDS")
    return np.array(indices, dtype=np.int32)


def _read_all(paths: Iterable[Path]) -> list[np.ndarray]:
    return [read_grayscale(p) for p in paths]


def _made(maker: neg.Maker, count: int, rng: np.random.Generator) -> list[np.ndarray]:
    return [maker(rng) for _ in range(count)]


def _transformed(
    images: list[np.ndarray], transform: neg.RadiographTransform, count: int, rng
) -> list[np.ndarray]:
    picks = rng.choice(len(images), count, replace=count > len(images))
    return [transform(images[int(i)], rng) for i in picks]


def _adult_frontals(
    fit: LabelledSet,
    calibration: LabelledSet,
    held_out: LabelledSet,
    adult_dirs: tuple[Path, Path],
    size: int,
    max_images: int | None,
    rng: np.random.Generator,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Add the adult films of each recorded part; return (fit, calibration) images for the
    radiograph transforms. Each fitted adult film also comes twice reframed: they are a fifth of
    the children in number, and the threshold must hold for both."""
    nih_dir, rsna_dir = adult_dirs
    parts = {}
    for part in ("train", "validation", "held_out"):
        films = adult_part(part, nih_dir, rsna_dir)
        parts[part] = films[:max_images] if max_images else films
    adult_fit = _read_all(film.path for film in parts["train"])
    adult_calibration = _read_all(film.path for film in parts["validation"])
    adult = FRONTAL + " (adult)"
    fit.add(adult_fit, 1, adult, size)
    for _ in range(2):
        fit.add([reframed(image, rng) for image in adult_fit], 1, adult + " (reframed)", size)
    calibration.add(adult_calibration, 1, adult, size)
    calibration.add(
        [reframed(image, rng) for image in adult_calibration], 1, adult + " (reframed)", size
    )
    for source, folder in ((NIH, "nih-adult"), (RSNA, "rsna-normal-adult")):
        films = [film for film in parts["held_out"] if film.source == source]
        held_out.add(_read_all(f.path for f in films), 1, f"{FRONTAL} ({folder} held out)", size)
    return adult_fit, adult_calibration


@dataclass(frozen=True)
class GateSets:
    fit: tuple[np.ndarray, np.ndarray, np.ndarray]
    calibration: tuple[np.ndarray, np.ndarray, np.ndarray]
    held_out: tuple[np.ndarray, np.ndarray, np.ndarray]


def build_gate_sets(
    train_dir: Path,
    negatives_dir: Path,
    test_dev_dir: Path | None,
    size: int,
    seed: int = 42,
    per_kind: int = 600,
    split_seed: int = 42,
    max_images: int | None = None,
    adult_dirs: tuple[Path, Path] | None = None,
) -> GateSets:
    """Make the fit, calibration and held-out sets (see the module docstring).

    `split_seed` must be the screening model's, so its validation patients are held out here too.
    `max_images` takes a seeded subset of `train_dir` (and of test-dev), for smoke runs.
    `adult_dirs` is (`nih-adult`, `rsna-normal-adult`); None leaves adults out (gate 1.0.0).
    """
    rng = np.random.default_rng(seed)
    items = seeded_subset(list_images(train_dir), max_images, split_seed)
    train_items, val_items = patient_split(items, seed=split_seed)
    fit_items, calibration_items = patient_split(train_items, val_fraction=0.1, seed=seed)
    fit_frontal = _read_all(i.path for i in fit_items)
    calibration_frontal = _read_all(i.path for i in calibration_items)
    val_frontal = _read_all(i.path for i in val_items)

    fit, calibration, held_out = LabelledSet(), LabelledSet(), LabelledSet()
    fit.add(fit_frontal, 1, FRONTAL, size)
    fit.add([reframed(image, rng) for image in fit_frontal], 1, FRONTAL + " (reframed)", size)
    calibration.add(calibration_frontal, 1, FRONTAL, size)
    calibration.add(
        [reframed(image, rng) for image in calibration_frontal], 1, FRONTAL + " (reframed)", size
    )
    held_out.add(val_frontal, 1, FRONTAL + " (validation patients)", size)
    if adult_dirs is not None:
        adult_fit, adult_calibration = _adult_frontals(
            fit, calibration, held_out, adult_dirs, size, max_images, rng
        )
        fit_frontal = fit_frontal + adult_fit
        calibration_frontal = calibration_frontal + adult_calibration
    if test_dev_dir is not None:
        test_dev_items = seeded_subset(list_images(test_dev_dir), max_images, split_seed)
        test_dev = _read_all(i.path for i in test_dev_items)
        held_out.add(test_dev, 1, FRONTAL + " (kermany-test-dev)", size)

    for kind, transform in neg.RADIOGRAPH_TRANSFORMS.items():
        count = per_kind * HARD_KINDS.get(kind, 1)
        fit.add(_transformed(fit_frontal, transform, count, rng), 0, kind, size)
        calibration.add(_transformed(calibration_frontal, transform, 60, rng), 0, kind, size)
        held_out.add(_transformed(val_frontal, transform, 200, rng), 0, kind, size)

    for kind in ("ct", "lateral"):
        label = "CT slice" if kind == "ct" else "lateral chest view"
        train_paths, held_out_paths = split_cases(sorted((negatives_dir / kind).glob("*.png")))
        maker = neg.real_maker(_read_all(train_paths))
        fit.add(_made(maker, per_kind * REAL_KIND_WEIGHT.get(kind, 1), rng), 0, label, size)
        held_out.add(_read_all(held_out_paths), 0, label, size)

    for kind, maker in neg.DRAWN_MAKERS.items():
        count = per_kind // 2 if kind == "chart or diagram" else per_kind
        fit.add(_made(maker, count, rng), 0, kind, size)
        calibration.add(_made(maker, 30, rng), 0, kind, size)
        # A generator seeded apart from the training one draws the held-out examples.
        held_out.add(_made(maker, 100, np.random.default_rng(seed + 1000)), 0, kind, size)

    photos = neg.package_photos()
    held_out_photos = [p for p in photos if held_out_case(p.stem, share=0.3)]
    fit_photos = [p for p in photos if p not in held_out_photos]
    if fit_photos:
        fit.add(_made(neg.photo_maker(fit_photos), per_kind, rng), 0, "photo or picture", size)
    held_out.add(_read_all(held_out_photos), 0, "photo or picture", size)
    return GateSets(fit.arrays(), calibration.arrays(), held_out.arrays())
