"""Running the int8 screening model through LiteRT: one image in, (logit, CAM) out.

Quantisation parameters are read from the model file itself, so the card and the interpreter can
never disagree about them silently.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from ai_edge_litert.interpreter import Interpreter

from core.errors import ModelCardError, ModelError
from core.model_card import ModelCard

logger = logging.getLogger(__name__)
_STDERR_LOCK = threading.Lock()


@contextlib.contextmanager
def _native_stderr_to_debug_log() -> Iterator[None]:
    """Send what native code writes to file descriptor 2 meanwhile to the debug log.

    LiteRT's C++ prints "INFO: Created TensorFlow Lite XNNPACK delegate for CPU." on the
    terminal when the first interpreter is made, and its Python API has no switch for it; the
    user must see one line per result, never internals. Held only while an interpreter is made
    (before screening starts), so no result line is lost. Where fd 2 cannot be redirected (a
    windowed Windows program has none), nothing changes.
    """
    with _STDERR_LOCK, tempfile.TemporaryFile() as captured:
        try:
            saved = os.dup(2)
            os.dup2(captured.fileno(), 2)
        except OSError:
            yield
            return
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            for line in captured.read().decode("utf-8", "replace").splitlines():
                logger.debug("LiteRT: %s", line)


class LiteRTModel:
    """A loaded `.tflite` classifier: a logit output and, for `compact`, a class-activation map.

    The reference notebook's models have the logit alone; `has_cam` tells which kind this is.
    """

    def __init__(self, model_path: Path, num_threads: int = 1):
        try:
            with _native_stderr_to_debug_log():
                self._interpreter = Interpreter(model_path=str(model_path), num_threads=num_threads)
                self._interpreter.allocate_tensors()
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"LiteRT cannot load the model {model_path}: {exc}") from exc
        (self._input,) = self._interpreter.get_input_details()
        outputs = self._interpreter.get_output_details()
        # The logit is the output with one value; the CAM, if any, is the spatial one; the view
        # gate adds one logit per refusal kind (a flat output of several values).
        logits = [o for o in outputs if int(np.prod(o["shape"])) == 1]
        maps = [o for o in outputs if len(o["shape"]) == 4 and int(np.prod(o["shape"])) > 1]
        kinds = [o for o in outputs if len(o["shape"]) == 2 and int(np.prod(o["shape"])) > 1]
        if (
            len(logits) != 1
            or len(maps) > 1
            or len(kinds) > 1
            or len(outputs) != 1 + len(maps) + len(kinds)
        ):
            raise ModelError(
                f"Expected a logit output and optionally a CAM and refusal-kind logits. "
                f"Received: {[o['shape'].tolist() for o in outputs]}"
            )
        self._logit = logits[0]
        self._cam = maps[0] if maps else None
        self._kinds = kinds[0] if kinds else None
        self.has_cam = self._cam is not None
        #: How many refusal kinds the model names (0 for the screening model).
        self.refusal_kinds = int(np.prod(self._kinds["shape"])) if self._kinds else 0
        self.input_size = int(self._input["shape"][1])
        self.input_dtype = np.dtype(self._input["dtype"])
        scale, zero_point = self._input["quantization"]
        self.input_quantization = (float(scale), int(zero_point))

    def predict(self, image: np.ndarray) -> tuple[float, np.ndarray | None]:
        """Score one preprocessed uint8 image (`input_size` square).

        Returns the raw logit and the class-activation map (float32, CAM cells a side, None for a
        model without one), whose mean is the logit: positive cells pushed towards pneumonia.
        """
        if image.shape != (self.input_size, self.input_size) or image.dtype != np.uint8:
            raise ValueError(
                f"Expected a {self.input_size}x{self.input_size} uint8 image. Received: "
                f"shape={image.shape}, dtype={image.dtype}"
            )
        scale, zero_point = self._input["quantization"]
        quantized = np.round(image.astype(np.float32) / scale + zero_point)
        info = np.iinfo(self._input["dtype"])
        tensor = np.clip(quantized, info.min, info.max).astype(self._input["dtype"])
        self._interpreter.set_tensor(self._input["index"], tensor[None, :, :, None])
        self._interpreter.invoke()
        logit = self._dequantize(self._logit).reshape(())
        cam = self._dequantize(self._cam)[0, :, :, 0] if self._cam is not None else None
        return float(logit), cam

    def refusal_kind_logits(self) -> np.ndarray | None:
        """The refusal-kind logits of the image last given to `predict` (view gate only)."""
        return self._dequantize(self._kinds)[0] if self._kinds is not None else None

    def _dequantize(self, detail: dict) -> np.ndarray:
        raw = self._interpreter.get_tensor(detail["index"]).astype(np.float32)
        scale, zero_point = detail["quantization"]
        return (raw - zero_point) * scale if scale else raw


def load_for_card(card: ModelCard, num_threads: int = 1, verified: bool = False) -> LiteRTModel:
    """The card's model file, loaded only once its sha256 matches the card, with the input size
    the card promises.

    `verified`: the caller has just checked the file against the card (skip re-hashing).

    Raises:
        ModelIntegrityError: the file is missing or not the one the card names.
        ModelError: LiteRT cannot load it.
        ModelCardError: the card and the file disagree about the input size.
    """
    if not verified:
        card.verify_model_file()
    model = LiteRTModel(card.model_file, num_threads=num_threads)
    if model.input_size != card.input_size:
        raise ModelCardError(
            f"The model card says input {card.input_size}, the model file takes "
            f"{model.input_size}. Received: {card.path}"
        )
    return model
