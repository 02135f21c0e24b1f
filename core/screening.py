"""The screening pipeline: files in, logged results out, one file's failure never another's.

Reading, preprocessing and inference of several files overlap on a small thread pool (Pillow's
decoders and LiteRT release the GIL); results come back in input order and are committed to the
log one by one as they arrive, so an interrupted batch keeps everything finished before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from core.classifier import Classifier
from core.decoded import DecodedImage
from core.errors import UnreadableImage
from core.file_walk import expand_paths
from core.image_reader import NOT_A_FILE, read_image
from core.model_card import ModelCard
from core.quality_gate import DEFAULT_CHECKS, GateCheck, rejection_reason
from core.result import Label, ScreeningResult, Status
from core.result_log import ResultLog
from core.view_gate import ViewGate, load_view_gate_card

logger = logging.getLogger(__name__)

UNEXPECTED_REASON = "An unexpected problem stopped this file from being screened ({})."
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Outcome:
    """One screened file: its result, and whether it came from the log instead of the model."""

    result: ScreeningResult
    from_cache: bool


def file_sha256(path: Path) -> str:
    """sha256 of the file's bytes, the key under which its result is logged.

    Raises:
        UnreadableImage: the path is missing, a folder, or cannot be read.
    """
    digest = hashlib.sha256()
    try:
        # Non-blocking, so a named pipe cannot stall the open; then only regular files are read
        # (a link to /dev/zero would never end).
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise UnreadableImage(path, NOT_A_FILE)
            while chunk := stream.read(_HASH_CHUNK):
                digest.update(chunk)
    except IsADirectoryError as exc:
        raise UnreadableImage(path, "it is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise UnreadableImage(path, "the file does not exist") from exc
    except PermissionError as exc:
        raise UnreadableImage(path, "permission to read the file was denied") from exc
    except OSError as exc:
        raise UnreadableImage(path, f"the file could not be opened ({exc.strerror})") from exc
    return digest.hexdigest()


class Screener:
    """Screens files with one model card into one result log; the CLI and the GUI both use it."""

    def __init__(self, card: ModelCard, log: ResultLog, workers: int = 2):
        card.verify_model_file()
        self.card = card
        self.gate_card = load_view_gate_card(card)
        self.log = log
        self.workers = workers
        # The version names both files' bytes, so a cached result never outlives either model.
        self.model_version = f"{card.version}+{card.sha256[:8]}"
        if self.gate_card is not None:
            self.gate_card.verify_model_file()
            self.model_version += f".{self.gate_card.sha256[:8]}"
        self._local = threading.local()
        # Load once up front, so a broken model fails before any file; the first worker reuses it.
        self._spare: list[tuple[Classifier, tuple[GateCheck, ...]]] = [self._load_models()]

    def screen(
        self, paths: Iterable[Path], cancel: threading.Event | None = None
    ) -> Iterator[Outcome]:
        """Screen every file in `paths` (folders recursively), yielding outcomes in input order.

        New results are in the log before they are yielded. Setting `cancel` stops submitting
        files; those already in progress still finish and are logged.
        """
        window = 4 * self.workers  # bounds memory: at most this many decoded images in flight
        with ThreadPoolExecutor(self.workers, thread_name_prefix="screen") as pool:
            pending: deque[Future[Outcome]] = deque()
            for path in expand_paths(paths):
                if cancel is not None and cancel.is_set():
                    break
                pending.append(pool.submit(self._screen_guarded, path))
                if len(pending) >= window:
                    yield self._logged(pending.popleft().result())
            while pending:
                yield self._logged(pending.popleft().result())

    def _logged(self, outcome: Outcome) -> Outcome:
        if outcome.from_cache:
            return outcome
        return Outcome(self.log.add(outcome.result), from_cache=False)

    def _screen_guarded(self, path: Path) -> Outcome:
        """`screen_file`, with any unforeseen failure turned into this file's error row."""
        try:
            return self.screen_file(path)
        except Exception as exc:  # one file's bug must not cost the batch
            logger.exception("Unexpected failure screening %s", path)
            return Outcome(
                self._result(
                    path, "", Status.ERROR, reason=UNEXPECTED_REASON.format(type(exc).__name__)
                ),
                from_cache=False,
            )

    def screen_file(self, path: Path) -> Outcome:
        """Screen one file (not logged yet): the cached result, an error, a rejection or a score."""
        try:
            sha256 = file_sha256(path)
        except UnreadableImage as exc:
            return Outcome(self._result(path, "", Status.ERROR, reason=str(exc)), False)
        cached = self.log.cached(sha256, self.model_version)
        if cached is not None:
            return Outcome(replace(cached, file=str(path)), from_cache=True)
        try:
            image = read_image(path, min_side=self.card.input_size)
        except UnreadableImage as exc:
            return Outcome(self._result(path, sha256, Status.ERROR, reason=str(exc)), False)
        classifier, checks = self._models()
        reason = rejection_reason(image, checks)
        if reason is not None:
            return Outcome(self._result(path, sha256, Status.REJECTED, image, reason=reason), False)
        found = classifier.classify(image.pixels)
        label = Label.PNEUMONIA if found.pneumonia else Label.NORMAL
        return Outcome(
            self._result(
                path,
                sha256,
                Status.OK,
                image,
                score=found.score,
                label=label,
                heatmap=found.heatmap,
            ),
            from_cache=False,
        )

    def _load_models(self) -> tuple[Classifier, tuple[GateCheck, ...]]:
        """A classifier and the quality-gate checks, the view gate last (it is the costliest)."""
        checks = DEFAULT_CHECKS
        if self.gate_card is not None:
            checks = (*checks, ViewGate(self.gate_card, verified=True))
        return Classifier(self.card, verified=True), checks

    def _models(self) -> tuple[Classifier, tuple[GateCheck, ...]]:
        """This thread's models: LiteRT interpreters must not be shared between threads."""
        models = getattr(self._local, "models", None)
        if models is None:
            models = self._spare.pop() if self._spare else self._load_models()
            self._local.models = models
        return models

    def _result(
        self, path: Path, sha256: str, status: Status, image: DecodedImage | None = None, **fields
    ) -> ScreeningResult:
        dicom = image.dicom if image is not None else {}
        return ScreeningResult(
            file=str(path),
            sha256=sha256,
            status=status,
            score=fields.get("score"),
            label=fields.get("label"),
            reason=fields.get("reason", ""),
            threshold=self.card.threshold,
            model_version=self.model_version,
            screened_at=datetime.now().astimezone(),
            patient_id=dicom.get("PatientID"),
            study_date=dicom.get("StudyDate"),
            study_instance_uid=dicom.get("StudyInstanceUID"),
            series_instance_uid=dicom.get("SeriesInstanceUID"),
            sop_instance_uid=dicom.get("SOPInstanceUID"),
            heatmap=fields.get("heatmap"),
        )
