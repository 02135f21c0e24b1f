"""From a trained run to the shipped files: int8 export, checks, calibration, threshold, card.

Calibration and threshold are fitted on `kermany-test-dev`, as a clinic's local calibration would
be: the training images differ from the clinic's (here: the test split's) images, and validation
figures on the training distribution are too optimistic to set a threshold with. Sensitivity comes
first: the threshold is the highest that keeps test-dev sensitivity at `min_sensitivity`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import keras
import numpy as np

from core.litert_model import LiteRTModel
from core.population_check import CARD_FIELD
from core.preprocess import STRETCH_PERCENTILES, Tone
from core.threshold_rule import sensitivity_first_threshold
from training.data import list_images, load_arrays, recorded_tone
from training.evaluate import items_from_split
from training.export import (
    agreement_check,
    export_int8,
    exports_mirrored,
    keras_logits,
    litert_logits,
    write_card,
)
from training.gate import GATE_CARD
from training.metrics import (
    DEFAULT_MIN_SENSITIVITY,
    apply_platt,
    fit_platt,
    screening_report,
    shown_scores,
)
from training.population import CHECK_CARD, check_entry

#: The version `export` and `reproduce` write into the model card unless told otherwise: the
#: shipped model's. Raise it with every release (README, "A new model release").
MODEL_VERSION = "1.3.0"
#: Decimals of the Platt a and b the card stores, and so the app scores with.
PLATT_DECIMALS = 6
#: The ages of the children of the Kermany 2018 data set (1-5 years): the card's
#: `validated_ages_years`.
VALIDATED_AGES_YEARS = (1, 5)
#: From this age a patient is an adult, whose film gets no score (the card's
#: `adult_from_age_years`): the youngest age of the adult films measured (nih-adult's manifest,
#: 18-85 years), on which the score carried no information (model card, "Model 2").
ADULT_FROM_AGE_YEARS = 18


class ExportCheckError(RuntimeError):
    """The int8 file disagrees with its Keras model by more than the card's tolerance."""


def scores_as_shown(logits, a: float, b: float) -> np.ndarray:
    """0-100 scores exactly as the app will show and decide them with this card: with the a and
    b the card stores (`PLATT_DECIMALS`), not the fit's full precision."""
    return shown_scores(logits, round(a, PLATT_DECIMALS), round(b, PLATT_DECIMALS))


def release(
    run_dirs: list[Path],
    test_dev_dir: Path,
    out_dir: Path,
    version: str,
    min_sensitivity: float = DEFAULT_MIN_SENSITIVITY,
    cache_dir: Path | None = None,
    enforce_int8_check: bool = True,
) -> dict:
    """Export the `model.keras` of `run_dirs` (one model, or ensemble members trained on the same
    split) to `out_dir` as one int8 TFLite file with its model card; return the card.

    Raises:
        ExportCheckError: the int8 file disagrees with the Keras model beyond the card's tolerance
            (unless `enforce_int8_check` is off, as for smoke runs whose near-constant outputs
            quantise to ties; the card then records the failed check).
    """
    members = [keras.models.load_model(d / "model.keras", compile=False) for d in run_dirs]
    splits = {(d / "split.json").read_text() for d in run_dirs}
    if len(splits) != 1:
        raise ValueError(f"Ensemble members must share one split. Received: {run_dirs}")
    run_dir = run_dirs[0]
    size = int(members[0].input_shape[1])
    train_items = items_from_split(run_dir / "split.json", "train")
    val_items = items_from_split(run_dir / "split.json", "validation")
    configs = [json.loads((d / "config.json").read_text()) for d in run_dirs]
    config = configs[0]
    tones = {recorded_tone(member) for member in configs}
    if len(tones) != 1:
        raise ValueError(f"Ensemble members must share one tone mapping. Received: {run_dirs}")
    (tone,) = tones
    x_train, _ = load_arrays(train_items, size, cache_dir, tone)
    x_val, y_val = load_arrays(val_items, size, cache_dir, tone)
    test_items = list_images(test_dev_dir)
    x_test, y_test = load_arrays(test_items, size, cache_dir, tone)

    model_path = out_dir / f"pneumoscreen-{config['arch']}-int8.tflite"
    sha256 = export_int8(members, x_train, model_path)
    val_int8 = litert_logits(model_path, x_val)
    check = agreement_check(
        keras_logits(members, x_val, mirror=exports_mirrored(members)), val_int8, y_val
    )
    if enforce_int8_check and not check["passed"]:
        raise ExportCheckError(f"int8 export check failed: {check}")
    test_int8 = litert_logits(model_path, x_test)

    a, b = fit_platt(test_int8, y_test)
    # The one threshold rule (`core.threshold_rule`) on test-dev's scores exactly as the app
    # shows and decides them: the card's stored a and b, one decimal. Unrounded scores could put
    # the card's threshold a tenth below what `pneumoscreen calibrate` proposes on the same films.
    shown_test = scores_as_shown(test_int8, a, b)
    threshold_score = sensitivity_first_threshold(y_test, shown_test, min_sensitivity)
    shown_val = scores_as_shown(val_int8, a, b)
    card = _card(
        members,
        model_path,
        sha256,
        version,
        check,
        (a, b),
        threshold_score,
        min_sensitivity,
        # The calls the card reports are the app's: on the shown scores, as the threshold was set.
        validation=screening_report(
            y_val,
            apply_platt(val_int8, a, b),
            threshold_score / 100,
            decided_on=shown_val / 100,
        ),
        test_dev=screening_report(
            y_test,
            apply_platt(test_int8, a, b),
            threshold_score / 100,
            decided_on=shown_test / 100,
        ),
        config=config,
    )
    previous = out_dir / "model.json"
    if previous.exists():
        card.update(carried_figures(json.loads(previous.read_text(encoding="utf-8")), sha256))
    if (out_dir / GATE_CARD).exists():  # a re-export keeps the view gate beside it
        card["view_gate"] = GATE_CARD
    if (out_dir / CHECK_CARD).exists():  # and the population check, with its digest
        card[CARD_FIELD] = check_entry(
            json.loads((out_dir / CHECK_CARD).read_text(encoding="utf-8"))
        )
    write_card(card, out_dir / "model.json")
    return card


#: The fields that hold figures measured after a release (independently, or on the adults), and
#: so are carried from the card a new export replaces rather than made by the export.
MEASURED_LATER = ("independent_evaluation", "adult_evaluation", "previous_release")


def carried_figures(earlier: dict, sha256: str) -> dict:
    """What a new card keeps of the card it replaces (`earlier`).

    The same weights again (`make model` reproducing the release): every figure measured after
    the release still holds, so all of `MEASURED_LATER` is kept. New weights: none of those
    figures are theirs, but the replaced release's are kept as `previous_release` (its version,
    digest, threshold, test-dev figures and what was measured of it later), so the card and the
    About page show the old model beside the new one.
    """
    if earlier.get("sha256") == sha256:
        return {field: earlier[field] for field in MEASURED_LATER if field in earlier}
    replaced = {
        "version": earlier.get("version"),
        "sha256": earlier.get("sha256"),
        "file": earlier.get("file"),
        "threshold": earlier.get("threshold", {}).get("score"),
        "test_dev": earlier.get("performance", {}).get("test_dev"),
    }
    for field in ("independent_evaluation", "adult_evaluation"):
        if field in earlier:
            replaced[field] = earlier[field]
    return {"previous_release": replaced}


def _card(
    members,
    model_path: Path,
    sha256: str,
    version: str,
    check: dict,
    platt: tuple[float, float],
    threshold_score: float,
    min_sensitivity: float,
    validation: dict,
    test_dev: dict,
    config: dict,
) -> dict:
    runner = LiteRTModel(model_path)
    size = runner.input_size
    scale, zero_point = runner.input_quantization
    outputs = {"logit": "raw pneumonia logit, shape [1, 1]"}
    if runner.has_cam:
        outputs["logit"] += (
            "; the mean of the CAM; averaged over the members and over the image and its "
            "left-right mirror (test-time augmentation inside the file)"
        )
        outputs["cam"] = (
            f"class-activation map, shape [1, {size // 32}, {size // 32}, 1]; "
            "positive cells push towards pneumonia; the mirrored view's map is mirrored back "
            "before averaging"
        )
    return {
        "format_version": 1,
        "name": f"PneumoScreen {config['arch']}",
        "version": version,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": model_path.name,
        "sha256": sha256,
        "file_bytes": model_path.stat().st_size,
        "architecture": config["arch"],
        "parameters": int(sum(m.count_params() for m in members)),
        "ensemble_members": len(members),
        "input": {
            "shape": [1, size, size, 1],
            "dtype": str(runner.input_dtype),
            "quantization": {"scale": scale, "zero_point": zero_point},
            "pixel_range": [0, 255],
        },
        "preprocessing": preprocessing_record(size, recorded_tone(config)),
        "outputs": outputs,
        "quantization": "full-integer int8, TFLite builtin ops only; activation ranges from 300 "
        "training-split images",
        "int8_check_on_validation": check,
        "calibration": {
            "method": "platt",
            "formula": "probability = 1 / (1 + exp(-(a * logit + b))); score = 100 * probability",
            "a": round(platt[0], PLATT_DECIMALS),
            "b": round(platt[1], PLATT_DECIMALS),
            "fitted_on": f"kermany-test-dev ({test_dev['n']} images), int8 logits",
        },
        "threshold": {
            "score": threshold_score,
            "rule": f"highest score threshold keeping kermany-test-dev sensitivity >= "
            f"{min_sensitivity} (screening: a missed pneumonia costs more than a false "
            "alarm), rounded down to one decimal",
        },
        "performance": {
            "note": "measured on the int8 file at the shipped threshold; test-dev also chose the "
            "calibration and threshold, so its figures are optimistic; an independent "
            "held-out half of the test split measures the model separately",
            "validation": validation,
            "test_dev": test_dev,
        },
        "training": {
            "data": "Kermany et al. 2018, Labeled Optical Coherence Tomography (OCT) and Chest "
            "X-Ray Images for Classification, Mendeley Data V3, CC BY 4.0; training "
            "split, 5,232 images, patient-level 80/20 train/validation split",
            # The size the members take, never a run's 0 ("the default", before issue 18).
            "config": {**config, "input_size": size},
        },
        "intended_use": "Screening aid for frontal chest X-rays at clinics without a "
        "radiologist: flags images likely to show pneumonia for a clinician's "
        "review. Not a diagnosis.",
        "limitations": [
            "Trained on pediatric (ages 1-5) frontal chest X-rays from one hospital "
            "(Guangzhou Women and Children's Medical Center); not validated on adults, "
            "other hospitals or other X-ray machines.",
            "Distinguishes pneumonia from normal only; other findings are not detected.",
            "Lateral views, other body parts and non-X-ray images are outside its scope.",
            "The heatmap shows where the model looked, not where the disease is.",
            "On adults' films its score carries no information (AUC 0.38 against NIH's labels), "
            "so a film of unknown age that looks like an adult's is not scored: the population "
            "check refused 98% of held-out adult films and 3.7% of held-out children's films, "
            "all normal.",
            "A patient known to be 18 or older gets no score either, whatever the site's age "
            "rule: the adults measured were 18 to 85 years old.",
        ],
        # The ages of the Kermany children it learnt from; the app marks (or, by a clinic's
        # rule, rejects) a film whose patient's age is known and outside them.
        "validated_ages_years": list(VALIDATED_AGES_YEARS),
        "adult_from_age_years": ADULT_FROM_AGE_YEARS,
    }


def preprocessing_record(size: int, tone: Tone) -> dict:
    """The card's `preprocessing`: as data, so that the app prepares each model's pixels the way
    it was trained and refuses a card prepared for pixels it cannot make (`core.model_card`)."""
    if tone is Tone.STRETCH:
        mapping = {"stretch_percentiles": list(STRETCH_PERCENTILES)}
        step = f"linear contrast stretch from percentiles {list(STRETCH_PERCENTILES)} to 0-255"
    else:
        mapping = {}
        step = "global histogram equalisation (each grey level to the middle of its rank range)"
    return {
        "function": "core.preprocess.prepare_image",
        "tone": tone.value,
        **mapping,
        "steps": [
            "decode to 8-bit grayscale",
            f"resize (squash) to {size}x{size}, antialiased bilinear",
            step,
        ],
    }
