"""Model 2 (issue 15): the `compact` network trained on children and adults, balanced by design.

Mixing the sources naively teaches "an adult-looking film is normal": adult normals outnumber adult
pneumonias. Here each epoch is drawn so that no source pays as a feature: children's normals,
children's pneumonias, adults' normals and adults' pneumonias each make a quarter of the draws;
the adult normals are half `nih-adult`, half `rsna-normal-adult`, and among the adult pneumonias
those whose RSNA re-read confirmed a lung opacity are drawn `confirmed_boost` times as often (the
NIH labels were mined from reports and are noisy).

The epoch is chosen on the mean of two validation AUCs: the Kermany patient-level validation split
(as for 1.2.0) and the adults' validation part (`training.adult_data`). `kermany-test-dev` is
logged each epoch, never used to choose; the adults' held-out part is not looked at here at all.

    nice -n 19 python -m training.sources_train --out runs/model2/balanced --epochs 20
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import keras
import numpy as np

from core.preprocess import Tone
from training.adult_data import NIH, RSNA, AdultImage, adult_part
from training.augment import MixupBatches
from training.data import list_images, load_arrays, patient_split
from training.train import TrainConfig, fit, write_split_json

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CHILD = "kermany"


@dataclass
class SourcesConfig:
    """The sampler's settings, beside the usual `TrainConfig` (saved together in config.json)."""

    train: TrainConfig = field(default_factory=lambda: TrainConfig(zoom=0.3, blur=1.0))
    epoch_size: int = 4000  # draws per epoch, with replacement
    confirmed_boost: float = 2.0  # adult pneumonias confirmed by RSNA, relative to the others
    rsna_share: float = 0.5  # of the adult normals' quarter


def sampling_probabilities(
    sources: list[str], labels: np.ndarray, confirmed: np.ndarray, config: SourcesConfig
) -> np.ndarray:
    """Per-image draw probability: a quarter to each of (child, adult) x (normal, pneumonia).

    Raises:
        ValueError: when a cell the design needs is empty.
    """
    sources_arr = np.asarray(sources)
    labels = np.asarray(labels)
    adult = sources_arr != CHILD
    weights = np.zeros(len(labels), dtype=np.float64)
    cells = {
        "child normal": (~adult & (labels == 0), 0.25),
        "child pneumonia": (~adult & (labels == 1), 0.25),
        "nih normal": ((sources_arr == NIH) & (labels == 0), 0.25 * (1 - config.rsna_share)),
        "rsna normal": ((sources_arr == RSNA) & (labels == 0), 0.25 * config.rsna_share),
        "adult pneumonia": (adult & (labels == 1), 0.25),
    }
    for name, (mask, share) in cells.items():
        if share == 0:
            continue
        if not mask.any():
            raise ValueError(f"No training images in the cell {name!r}")
        within = np.where(confirmed[mask], config.confirmed_boost, 1.0)
        weights[mask] = share * within / within.sum()
    return weights / weights.sum()


class BalancedBatches(MixupBatches):
    """`MixupBatches` whose epoch is `epoch_size` draws with the given probabilities.

    The sampler does the balancing, so every sample weight is 1.
    """

    def __init__(self, x, y, probabilities, epoch_size, batch_size, mixup_alpha, seed, smoothing):
        super().__init__(x, y, batch_size, mixup_alpha, seed, smoothing)
        self.probabilities = probabilities
        self.epoch_size = epoch_size
        self.class_weight = np.ones(2, dtype=np.float32)
        self.order = self._draw()

    def _draw(self) -> np.ndarray:
        return self.rng.choice(len(self.x), self.epoch_size, replace=True, p=self.probabilities)

    def __len__(self) -> int:
        return int(np.ceil(self.epoch_size / self.batch_size))

    def on_epoch_end(self) -> None:
        self.order = self._draw()


class MeanValidationAUC(keras.callbacks.Callback):
    """Writes `val_auc` = the mean of the named sets' AUCs, which picks the epoch."""

    def __init__(self, names: tuple[str, ...]):
        super().__init__()
        self.names = names

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        if logs is not None:
            logs["val_auc"] = float(np.mean([logs[f"{name}_auc"] for name in self.names]))


def write_run_files(run_dir: Path, config: SourcesConfig, child_dir: Path, train, validation):
    """`config.json` (the `TrainConfig`, plus the sampler under `sources`) and `split.json` (the
    Kermany parts, by `training.train.write_split_json`), so `training.release` can export the
    run: its int8 ranges come from Kermany training images, its check from the Kermany validation.
    The adults' parts are in `training/adult_split.json`."""
    sources = {k: v for k, v in asdict(config).items() if k != "train"}
    sources["adult_split"] = "training/adult_split.json"
    (run_dir / "config.json").write_text(
        json.dumps({**asdict(config.train), "sources": sources}, indent=2)
    )
    write_split_json(run_dir, child_dir, train, validation)


def _adult_arrays(items: list[AdultImage], size: int, cache_dir: Path | None, tone: Tone):
    x, y = load_arrays(items, size, cache_dir, tone)
    return (
        x,
        y,
        [i.source for i in items],
        np.array([i.rsna_agrees and i.label == 1 for i in items]),
    )


def train_sources(
    run_dir: Path,
    config: SourcesConfig,
    data: Path = SHARED_DATA,
    cache_dir: Path | None = REPO / ".cache",
    verbose: int = 2,
) -> keras.Model:
    """Train on kermany-train + the adults' `train` part; save `run_dir/model.keras`."""
    cfg = config.train
    keras.utils.set_random_seed(cfg.seed)
    run_dir.mkdir(parents=True, exist_ok=True)
    size = cfg.input_size
    nih, rsna = data / "nih-adult", data / "rsna-normal-adult"
    child_train, child_val = patient_split(
        list_images(data / "kermany-train"), cfg.val_fraction, cfg.split_seed
    )
    write_run_files(run_dir, config, data / "kermany-train", child_train, child_val)
    tone = Tone(cfg.tone)
    xc, yc = load_arrays(child_train, size, cache_dir, tone)
    xa, ya, sa, ca = _adult_arrays(adult_part("train", nih, rsna), size, cache_dir, tone)
    xv, yv, _, _ = _adult_arrays(adult_part("validation", nih, rsna), size, cache_dir, tone)
    x = np.concatenate([xc, xa])
    y = np.concatenate([yc, ya])
    sources = [CHILD] * len(xc) + sa
    confirmed = np.concatenate([np.zeros(len(xc), bool), ca])
    probabilities = sampling_probabilities(sources, y, confirmed, config)
    batches = BalancedBatches(
        x,
        y,
        probabilities,
        config.epoch_size,
        cfg.batch_size,
        cfg.mixup_alpha,
        cfg.seed,
        cfg.label_smoothing,
    )
    held_out = {
        "kermany_val": load_arrays(child_val, size, cache_dir, tone),
        "adult_val": (xv, yv),
        "test_dev": load_arrays(list_images(data / "kermany-test-dev"), size, cache_dir, tone),
    }
    selection = MeanValidationAUC(("kermany_val", "adult_val"))
    model = fit(cfg, run_dir, (x, y), held_out, verbose, batches=batches, selection=selection)
    model.save(run_dir / "model.keras")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.sources_train", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="run folder")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--epoch-size", type=int, default=4000)
    parser.add_argument("--input-size", type=int, default=0)
    parser.add_argument("--confirmed-boost", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--cache-dir", type=Path, default=REPO / ".cache")
    args = parser.parse_args(argv)
    config = SourcesConfig(
        train=TrainConfig(
            zoom=0.3,
            blur=1.0,
            epochs=args.epochs,
            input_size=args.input_size,
            seed=args.seed,
        ),
        epoch_size=args.epoch_size,
        confirmed_boost=args.confirmed_boost,
    )
    train_sources(args.out, config, args.data, args.cache_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
