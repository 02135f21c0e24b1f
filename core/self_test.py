"""`pneumoscreen --self-test`: is this installation whole, and does it still screen as it should?

A clinic installs the app and has no one to ask whether it works. The self-test answers in a few
seconds, with no network and without touching the user's log: the model file matches its card,
and the check images shipped in `resources/self-test/` (`python -m scripts.make_check_image`)
come out of the same `Screener` the window and the command line use with the outcome recorded in
`expected.json`. A drawn phantom as a PNG and as a JPEG Lossless DICOM, which the view gate
refuses, so the image readers, the quality gate, LiteRT and the DICOM decoder are all exercised;
and the average of many pneumonia films, which must come out `ok` with its recorded score, label
and threshold, so a changed calibration or threshold fails the self-test even if the card check
that refuses an edited card were bypassed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TextIO

from core.classifier import Classifier
from core.errors import ScreeningError
from core.image_reader import read_image
from core.model_card import load_model_card
from core.paths import model_card_path, resources_dir
from core.result import Status
from core.result_log import ResultLog
from core.screening import Screener

#: How far a shown score (an `ok` image's) may drift from the recorded one, in score points.
#: LiteRT's int8 kernels can round differently on another processor (other SIMD paths): a step or
#: two of the model's int8 logit output (0.043 logit a step with model 1.3.0). The `ok` check
#: image scores 99.8, where one step moves the score by 0.014 points, so 0.1 (the shown precision)
#: allows seven steps and still fails a changed calibration (negated, the score is 0.2); a broken
#: bundle misses more.
SCORE_TOLERANCE = 0.1
#: The same for the model score of a check image the gate refuses (never shown to a user). The
#: phantom scores about 95.5, where one output step moves the score by about 0.3 points.
REFUSED_SCORE_TOLERANCE = 0.5

#: The distributions whose versions are printed (PyPI names; Qt is named, never imported: the
#: engine does not load Qt).
DISTRIBUTIONS = (
    "pneumoscreen",
    "numpy",
    "Pillow",
    "pydicom",
    "python-gdcm",
    "ai-edge-litert",
    "PySide6-Essentials",
)


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, whether it passed, and what was seen."""

    name: str
    passed: bool
    detail: str


def check_folder() -> Path:
    """The shipped check images and their expected outcome."""
    return resources_dir() / "self-test"


def expected_path(folder: Path | None = None) -> Path:
    return (folder or check_folder()) / "expected.json"


def observe(files: Sequence[Path], card_path: Path | None = None) -> dict[str, Any]:
    """Screen `files` as the app does, into a throw-away log; the record `expected.json` holds.

    Per image: the screening outcome (status, score, label, the threshold it was decided at,
    reason) and `model_score`, the model's score for the decoded pixels whatever the quality gate
    decides, so that LiteRT is checked even for the images the gate refuses.

    Raises:
        ScreeningError: the model or its card is missing, altered or unusable.
    """
    card = load_model_card(card_path or model_card_path())
    with (
        tempfile.TemporaryDirectory(prefix="pneumoscreen-self-test-") as scratch,
        ResultLog(Path(scratch) / "results.sqlite3") as log,
    ):
        outcomes = list(Screener(card, log, workers=1).screen(files))
    classifier = Classifier(card, verified=True)
    images = []
    for path, outcome in zip(files, outcomes, strict=True):
        result = outcome.result
        model_score = None
        if result.status != Status.ERROR:
            pixels = read_image(path, min_side=card.input_size).pixels
            model_score = classifier.classify(pixels).score
        images.append(
            {
                "file": path.name,
                "status": result.status.value,
                "score": result.score,
                "label": result.label.value if result.label else None,
                "threshold": result.threshold,
                "reason": result.reason,
                "reason_code": None if result.reason_code is None else str(result.reason_code),
                "model_score": model_score,
            }
        )
    return {"model": {"version": card.version, "sha256": card.sha256}, "images": images}


def compare(expected: dict[str, Any], observed: dict[str, Any]) -> list[Check]:
    """One check per image: the same status, label and threshold, and scores within
    `SCORE_TOLERANCE` (`REFUSED_SCORE_TOLERANCE` for the model score of a refused image)."""
    if expected["model"]["sha256"] != observed["model"]["sha256"]:
        return [
            Check(
                "check images",
                False,
                "expected.json was recorded with another model (sha256 "
                f"{expected['model']['sha256'][:12]}…, this one is "
                f"{observed['model']['sha256'][:12]}…); rerun python -m scripts.make_check_image",
            )
        ]
    checks = []
    for want, got in zip(expected["images"], observed["images"], strict=True):
        tolerance = SCORE_TOLERANCE if want["status"] == "ok" else REFUSED_SCORE_TOLERANCE
        passed = (
            want["status"] == got["status"]
            and want["label"] == got["label"]
            and want["threshold"] == got["threshold"]
            # A refusal's kind matters too (an adult's film refused by the view gate instead of
            # the population check is a fault); records older than reason codes have none.
            and want.get("reason_code", got["reason_code"]) == got["reason_code"]
            and _close(want["score"], got["score"], SCORE_TOLERANCE)
            and _close(want["model_score"], got["model_score"], tolerance)
        )
        detail = f"{_outcome(got)}, as expected" if passed else f"{_outcome(got)}; expected "
        checks.append(Check(want["file"], passed, detail + ("" if passed else _outcome(want))))
    return checks


def _close(want: float | None, got: float | None, tolerance: float) -> bool:
    if want is None or got is None:
        return want is got
    return round(abs(want - got), 6) <= tolerance  # scores have one decimal: 0.1 is 0.1


def _outcome(image: dict[str, Any]) -> str:
    if image["status"] != "ok":
        return f"{image['status']} (threshold {image['threshold']}): {image['reason']}"
    return (
        f"ok, score {image['score']} {image['label']} (threshold {image['threshold']}), "
        f"model score {image['model_score']}"
    )


def versions() -> list[tuple[str, str]]:
    """(name, version) of Python and each of `DISTRIBUTIONS`, then where the program runs from."""
    found = [("python", sys.version.split()[0])]
    for name in DISTRIBUTIONS:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            found.append((name, "not installed"))
    bundle = getattr(sys, "_MEIPASS", None)
    found.append(("runs from", f"bundle {bundle}" if bundle else f"Python {sys.executable}"))
    return found


def run_self_test(
    card_path: Path | None = None, folder: Path | None = None, out: TextIO | None = None
) -> bool:
    """Check the model against its card and screen the check images; print a report to `out`.

    Returns True when every check passed. Never raises for a broken installation: that is
    what it reports.
    """
    out = out or sys.stdout
    folder = folder or check_folder()
    checks: list[Check] = []
    try:
        card = load_model_card(card_path or model_card_path())
        card.verify_model_file()
        checks.append(
            Check(
                "model",
                True,
                f"{card.name} {card.version} ({card.model_file.name}), sha256 "
                f"{card.sha256[:12]}… matches its card, and the card is the released one",
            )
        )
        expected = json.loads(expected_path(folder).read_text(encoding="utf-8"))
        files = [folder / image["file"] for image in expected["images"]]
        checks.extend(compare(expected, observe(files, card.path)))
    except (ScreeningError, OSError, ValueError, KeyError) as exc:
        checks.append(Check("model" if not checks else "check images", False, str(exc)))
    print("PneumoScreen self-test", file=out)
    for check in checks:
        print(f"  {'ok' if check.passed else 'FAIL':4}  {check.name}: {check.detail}", file=out)
    print("versions: " + "; ".join(f"{name} {value}" for name, value in versions()), file=out)
    passed = all(check.passed for check in checks)
    print("self-test passed" if passed else "self-test FAILED", file=out)
    return passed
