"""Export: full-integer int8 TFLite with a CAM output, its agreement check, and the model card.

The int8 file is what the app runs, so every figure in the card is measured on it (through
ai-edge-litert, the app's own runtime), not on the Keras model it came from.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from core.litert_model import LiteRTModel
from training.metrics import roc_auc
from training.models import CAM_LAYER, with_cam_output

MAX_AUC_DROP = 0.005
MIN_DECISION_AGREEMENT = 0.99
REPRESENTATIVE_IMAGES = 300


def convert_to_int8(model: keras.Model, representative: np.ndarray, seed: int = 0) -> bytes:
    """Convert `model` (a logit output, optionally a CAM) to a full-integer int8 TFLite flatbuffer.

    Builtin int8 ops only, int8 input and outputs; `representative` (uint8 images from the
    training split) sets the activation ranges.
    """
    size = model.input_shape[1]
    archive = keras.export.ExportArchive()
    archive.track(model)

    def serve(image):
        outputs = model(image, training=False)
        if isinstance(outputs, list | tuple):  # a CAM (4-D) or the gate's refusal kinds (2-D)
            second = "cam" if len(outputs[1].shape) == 4 else "refusal_kinds"
            return {"logit": outputs[0], second: outputs[1]}
        return {"logit": outputs}

    archive.add_endpoint(
        "serve", serve, input_signature=[tf.TensorSpec([1, size, size, 1], tf.float32)]
    )
    rng = np.random.default_rng(seed)
    picks = rng.choice(
        len(representative), min(REPRESENTATIVE_IMAGES, len(representative)), replace=False
    )

    def representative_dataset():
        for index in picks:
            yield [representative[index][None, :, :, None].astype(np.float32)]

    with tempfile.TemporaryDirectory() as saved_model_dir:
        archive.write_out(saved_model_dir, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(saved_model_dir, ["serve"])
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = representative_dataset
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
        return converter.convert()


def keras_logits(
    members: list[keras.Model], images: np.ndarray, mirror: bool = False
) -> np.ndarray:
    """Mean logit of one-output Keras models for uint8 images (the float ensemble); with
    `mirror`, also over the mirrored images, as the exported `compact` file computes it."""
    views = [images, images[:, :, ::-1]] if mirror else [images]
    return np.mean(
        [
            m.predict(view[..., None].astype(np.float32), batch_size=64, verbose=0)[:, 0]
            for m in members
            for view in views
        ],
        axis=0,
    )


def exports_mirrored(members: list[keras.Model]) -> bool:
    """`compact` files average each member over the image and its mirror (`with_cam_output`)."""
    return any(layer.name == CAM_LAYER for layer in members[0].layers)


def litert_logits(model_path: Path, images: np.ndarray) -> np.ndarray:
    """Logits of a `.tflite` file for uint8 images, through the app's runtime."""
    runner = LiteRTModel(model_path)
    return np.array([runner.predict(image)[0] for image in images], dtype=np.float32)


def agreement_check(keras_scores: np.ndarray, int8_scores: np.ndarray, labels: np.ndarray) -> dict:
    """Compare the int8 file with the Keras model: AUC of each and how often decisions agree.

    Decisions are compared at each model's own median-balanced point, logit 0 (probability 0.5),
    which is where an uncalibrated classifier decides.
    """
    auc_keras = roc_auc(labels, keras_scores)
    auc_int8 = roc_auc(labels, int8_scores)
    agreement = float(np.mean((keras_scores >= 0) == (int8_scores >= 0)))
    return {
        "auc_keras": round(auc_keras, 4),
        "auc_int8": round(auc_int8, 4),
        "auc_drop": round(auc_keras - auc_int8, 4),
        "decision_agreement": round(agreement, 4),
        "max_auc_drop": MAX_AUC_DROP,
        "min_decision_agreement": MIN_DECISION_AGREEMENT,
        "passed": bool(
            auc_keras - auc_int8 <= MAX_AUC_DROP and agreement >= MIN_DECISION_AGREEMENT
        ),
    }


def export_int8(members: list[keras.Model], representative: np.ndarray, out_path: Path) -> str:
    """Write one int8 `.tflite` of `members` (averaged, with the CAM output for `compact`).

    The reference notebook's models have no CAM and are exported alone. Returns the sha256.
    """
    has_cam = exports_mirrored(members)
    if not has_cam and len(members) != 1:
        raise ValueError(f"Only compact models can be ensembled. Received: {len(members)} models")
    exported = with_cam_output(members, mirror=True) if has_cam else members[0]
    flatbuffer = convert_to_int8(exported, representative)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(flatbuffer)
    return hashlib.sha256(flatbuffer).hexdigest()


def write_card(card: dict, path: Path) -> None:
    """Write the model card as stable, readable JSON."""
    path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def name_in_screening_card(model_dir: Path, field: str, value: object) -> None:
    """Set `field` of the screening card (`model_dir/model.json`), where there is one, to
    `value`: how a model released beside it (the view gate, the population check) is named, so
    the app loads it with the screening model."""
    card_path = model_dir / "model.json"
    if not card_path.exists():
        return
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card[field] = value
    write_card(card, card_path)
