"""`python -m training` (`pneumoscreen-train`): eda, train, evaluate, export, reproduce, register.

Every command that writes a model into the shipped folder (`export`, `gate`, `reproduce`) also
records its cards as the release in `core/released_models.py`, which the app checks its cards
against; `register` does that alone. Writing elsewhere (a smoke run, a candidate) records nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from pathlib import Path

from core.preprocess import Tone
from training.metrics import DEFAULT_MIN_SENSITIVITY

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
DEFAULT_TRAIN = SHARED_DATA / "kermany-train"
DEFAULT_TEST_DEV = SHARED_DATA / "kermany-test-dev"
DEFAULT_NOT_FRONTAL = SHARED_DATA / "not-frontal-cxr"
DEFAULT_ADULT_DIRS = (SHARED_DATA / "nih-adult", SHARED_DATA / "rsna-normal-adult")
DEFAULT_CACHE = REPO / ".cache"
SHIPPED_MODEL_DIR = REPO / "resources" / "model"
#: Help of `--version` (`export`, `reproduce`). Its default, `training.release.MODEL_VERSION`, is
#: read after parsing, so that `--help` does not wait for TensorFlow to load.
VERSION_HELP = "the version written into the card (default: the shipped model's)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    eda = commands.add_parser("eda", help="exploratory analysis: figures and a markdown report")
    eda.add_argument("data_dir", type=Path)
    eda.add_argument("--out", type=Path, default=REPO / "docs" / "eda")

    train = commands.add_parser("train", help="train one architecture on DATA_DIR")
    train.add_argument("data_dir", type=Path)
    train.add_argument(
        "--arch",
        choices=["compact", "residual", "residual-shallow", "seed-baseline", "seed-final"],
        default="compact",
    )
    train.add_argument("--out", type=Path, help="run folder (default runs/ARCH)")
    train.add_argument("--epochs", type=int)
    train.add_argument("--input-size", type=int)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--seed", type=int)
    train.add_argument("--zoom", type=float, help="+- fraction, height and width independently")
    train.add_argument("--translate", type=float, help="+- fraction of each side")
    train.add_argument("--blur", type=float, help="max strength of a random blur or sharpening")
    train.add_argument(
        "--soften-normals", type=float, help="share of normal films blurred in each batch"
    )
    train.add_argument(
        "--tone",
        choices=[tone.value for tone in Tone],
        help="how the inputs' grey levels are mapped (core.preprocess.Tone)",
    )
    train.add_argument(
        "--kernel-init",
        choices=["glorot-uniform", "fan-in-uniform"],
        help="how the kernels start (training.models.KERNEL_INITS; default Keras's glorot-uniform)",
    )
    train.add_argument(
        "--teacher-scores",
        help="JSON of a teacher's logit per film, blended into the targets (training.distil)",
    )
    train.add_argument("--teacher-weight", type=float, help="share of the teacher in each target")
    train.add_argument("--max-images", type=int, help="a seeded subset, for smoke runs")
    train.add_argument(
        "--test-dev",
        type=Path,
        default=DEFAULT_TEST_DEV,
        help="reported each epoch beside validation AUC, never used to choose",
    )
    train.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)

    evaluate = commands.add_parser("evaluate", help="metrics and figures for a .keras or .tflite")
    evaluate.add_argument("model", type=Path)
    evaluate.add_argument("data_dir", type=Path, nargs="?")
    evaluate.add_argument("--split", type=Path, help="a run's split.json: evaluate its validation")
    evaluate.add_argument("--out", type=Path, required=True)
    evaluate.add_argument("--title", default="")
    evaluate.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)

    export = commands.add_parser("export", help="int8 TFLite + model card from a run folder")
    export.add_argument(
        "run_dirs",
        type=Path,
        nargs="+",
        help="run folder(s); several compact runs on one split ship as an ensemble",
    )
    export.add_argument("--test-dev", type=Path, default=DEFAULT_TEST_DEV)
    export.add_argument("--out", type=Path, default=SHIPPED_MODEL_DIR)
    export.add_argument("--version", help=VERSION_HELP)
    export.add_argument("--min-sensitivity", type=float, default=DEFAULT_MIN_SENSITIVITY)
    export.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    export.add_argument(
        "--allow-failed-int8-check",
        action="store_true",
        help="write the files even if the int8 check fails (smoke runs only)",
    )

    gate = commands.add_parser(
        "gate", help="train the frontal-view gate, export it beside the model and measure it"
    )
    gate.add_argument("--data-dir", type=Path, default=DEFAULT_TRAIN)
    gate.add_argument("--not-frontal", type=Path, default=DEFAULT_NOT_FRONTAL)
    gate.add_argument("--test-dev", type=Path, default=DEFAULT_TEST_DEV)
    gate.add_argument("--out", type=Path, default=SHIPPED_MODEL_DIR)
    gate.add_argument("--epochs", type=int)
    gate.add_argument("--per-kind", type=int, help="training examples made per non-frontal kind")
    gate.add_argument("--max-images", type=int, help="a seeded subset, for smoke runs")
    gate.add_argument(
        "--no-adults",
        dest="adults",
        action="store_false",
        help="leave the adult folders out (how gate 1.0.0 was trained)",
    )
    gate.add_argument("--run-dir", type=Path, default=REPO / "runs" / "gate")
    gate.add_argument(
        "--allow-failed-int8-check",
        action="store_true",
        help="write the files even if the int8 check fails (smoke runs only)",
    )

    reproduce = commands.add_parser(
        "reproduce", help="retrain the shipped model from kermany-train and export it"
    )
    reproduce.add_argument("--data-dir", type=Path, default=DEFAULT_TRAIN)
    reproduce.add_argument("--test-dev", type=Path, default=DEFAULT_TEST_DEV)
    reproduce.add_argument("--run-dir", type=Path, default=REPO / "runs" / "reproduce")
    reproduce.add_argument("--out", type=Path, default=SHIPPED_MODEL_DIR)
    reproduce.add_argument("--version", help=VERSION_HELP)
    reproduce.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    reproduce.add_argument("--not-frontal", type=Path, default=DEFAULT_NOT_FRONTAL)

    commands.add_parser(
        "register",
        help="record the cards in resources/model as the release (core/released_models.py)",
    )
    return parser


def _register_if_shipped(out: Path) -> None:
    """Record the cards in `out` as the release when `out` is the shipped model folder, so the
    app accepts the model just written there (and only that one)."""
    if Path(out).resolve() != SHIPPED_MODEL_DIR.resolve():
        return
    from core.card_integrity import write_released_models

    module = write_released_models(SHIPPED_MODEL_DIR)
    print(f"recorded the cards of {SHIPPED_MODEL_DIR} as the release in {module}")


def _release_gate(
    data_dir: Path,
    not_frontal: Path,
    test_dev: Path,
    out: Path,
    run_dir: Path,
    enforce_int8_check: bool = True,
    **overrides,
) -> None:
    from training.gate import GateConfig, release_gate

    config = GateConfig(**{k: v for k, v in overrides.items() if v is not None})
    card = release_gate(
        data_dir,
        not_frontal,
        test_dev,
        out,
        config,
        run_dir,
        enforce_int8_check,
        adult_dirs=DEFAULT_ADULT_DIRS if config.adults else None,
    )
    held_out = card["performance"]["held_out"]
    print(
        f"wrote {out / card['file']} ({card['file_bytes']} bytes); threshold "
        f"{card['threshold']['score']}; held out: frontal X-rays refused "
        f"{held_out['frontal_rejected']:.2%} of {held_out['frontal_n']}, others refused "
        f"{held_out['other_rejected']:.2%} of {held_out['other_n']}"
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "eda":
        from training.eda import run_eda

        print(run_eda(args.data_dir, args.out))
    elif args.command == "train":
        from training.train import TrainConfig, train

        overrides = {
            f.name: getattr(args, f.name)
            for f in fields(TrainConfig)
            if getattr(args, f.name, None) is not None
        }
        config = TrainConfig(**overrides)
        train(
            args.data_dir,
            args.out or REPO / "runs" / args.arch,
            config,
            args.cache_dir,
            args.test_dev,
        )
    elif args.command == "evaluate":
        from training.data import list_images
        from training.evaluate import evaluate, items_from_split

        if args.split is None and args.data_dir is None:
            print("evaluate: give DATA_DIR or --split", file=sys.stderr)
            return 2
        items = (
            items_from_split(args.split, "validation") if args.split else list_images(args.data_dir)
        )
        report = evaluate(
            args.model, items, args.out, args.title or args.model.name, cache_dir=args.cache_dir
        )
        print(
            f"AUC {report['auc']['value']}  sensitivity {report['sensitivity']['value']}  "
            f"specificity {report['specificity']['value']}  -> {args.out}"
        )
    elif args.command == "gate":
        _release_gate(
            args.data_dir,
            args.not_frontal,
            args.test_dev,
            args.out,
            args.run_dir,
            not args.allow_failed_int8_check,
            epochs=args.epochs,
            per_kind=args.per_kind,
            max_images=args.max_images,
            adults=args.adults,
        )
        _register_if_shipped(args.out)
    elif args.command == "register":
        _register_if_shipped(SHIPPED_MODEL_DIR)
    elif args.command in ("export", "reproduce"):
        from training.release import MODEL_VERSION, release

        if args.command == "reproduce":
            from training.train import SHIPPED_MEMBERS, train

            run_dirs = [args.run_dir / f"member-{i}" for i in range(len(SHIPPED_MEMBERS))]
            for config, run_dir in zip(SHIPPED_MEMBERS, run_dirs, strict=True):
                train(args.data_dir, run_dir, config, args.cache_dir, args.test_dev)
        else:
            run_dirs = args.run_dirs
        card = release(
            run_dirs,
            args.test_dev,
            args.out,
            args.version or MODEL_VERSION,
            getattr(args, "min_sensitivity", DEFAULT_MIN_SENSITIVITY),
            args.cache_dir,
            enforce_int8_check=not getattr(args, "allow_failed_int8_check", False),
        )
        perf = card["performance"]
        print(
            f"wrote {args.out / card['file']} ({card['file_bytes']} bytes); threshold "
            f"{card['threshold']['score']}; validation AUC {perf['validation']['auc']['value']}"
            f"; test-dev AUC {perf['test_dev']['auc']['value']}, sensitivity "
            f"{perf['test_dev']['sensitivity']['value']}, specificity "
            f"{perf['test_dev']['specificity']['value']}"
        )
        if args.command == "reproduce":
            _release_gate(
                args.data_dir, args.not_frontal, args.test_dev, args.out, args.run_dir / "gate"
            )
            from training.population import release_check

            # From ../shared/data, as the gate takes its adult films (DEFAULT_ADULT_DIRS).
            check = release_check(
                SHARED_DATA, args.cache_dir, args.run_dir / "population-check", args.out
            )
            print(
                f"population check: {check['performance']['adults_flagged_held_out']:.1%} of "
                "held-out adult films flagged, "
                f"{check['performance']['children_flagged_test_dev']:.1%} of test-dev children"
            )
        _register_if_shipped(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
