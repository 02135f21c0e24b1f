"""The screening pipeline: files in, logged results out, one file's failure never another's.

Each file is read once; its sha256 (the log's key) and its pixels come from those same bytes. The
pixels are decoded in child processes (`core.image_reader.DecodeSlot`), within a deadline,
and preprocessing and inference run on a small thread pool (LiteRT releases the GIL), so several
files overlap; results come back in input order and are committed to the log one by one as they
arrive, so an interrupted batch keeps everything finished before.

Every result is labelled with the threshold in force (the model's, or the clinic's site threshold:
`core.site_profile`) and records it with its source. A result served from the log is labelled
again with the threshold in force now (its score and heatmap stay): a changed site threshold is
never bypassed by the cache, and such a new decision is logged as a new row, so the log holds
every decision shown with the threshold that made it.

A film whose patient's age is known (`core.patient`) and outside the model card's validated ages
carries an `age_warning`; where the site's rule says so (`ThresholdInForce.reject_outside_ages`)
it is rejected instead of scored, and a cached result follows the rule in force now, as it follows
the threshold. A patient known to be an adult (the card's `adult_from_age_years`) gets no score
whatever the rule: on adults the score was measured to carry no information.

A film whose age is not known is judged by the population check (`core.population_check`): one
that looks like an adult's gets no score and no label, since on adults the model's score means
nothing. Once an age is typed for it (`ResultLog.set_patient`), screening it again screens it with
that age, which then decides as a DICOM age would.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import numpy as np

from core.card_integrity import release_version
from core.classifier import Classifier
from core.decoded import DecodedImage
from core.errors import UnreadableImage
from core.file_bytes import read_file_bytes
from core.image_reader import DECODERS, decode_slot
from core.model_card import ModelCard
from core.patient import (
    age_warning,
    age_years,
    iso_date,
    parse_sex,
    patient_name,
)
from core.population_check import (
    PopulationCheck,
    aged_since_refused,
    load_population_check,
    refusal_reason,
)
from core.preprocess import prepare_image
from core.quality_gate import DEFAULT_CHECKS, GateCheck, rejection
from core.reason_codes import Reason, ReasonCode
from core.result import ScreeningResult, Status, ThresholdSource, label_for
from core.result_log import ResultLog
from core.site_profile import ThresholdInForce
from core.view_gate import ViewGate, load_view_gate_card

logger = logging.getLogger(__name__)

UNEXPECTED_REASON = "An unexpected problem stopped this file from being screened ({})."


@dataclass(frozen=True)
class Outcome:
    """One screened file: its result, and whether its score came from the log instead of the
    model (its label is always the threshold in force's)."""

    result: ScreeningResult
    from_cache: bool


def file_sha256(path: Path) -> str:
    """sha256 of the file's bytes, the key under which its result is logged.

    Raises:
        UnreadableImage: as `core.file_bytes.read_file_bytes`.
    """
    return hashlib.sha256(read_file_bytes(path)).hexdigest()


class Screener:
    """Screens files with one model card into one result log; the CLI and the GUI both use it."""

    def __init__(
        self,
        card: ModelCard,
        log: ResultLog,
        workers: int = 2,
        threshold: ThresholdInForce | None = None,
    ):
        """`threshold`: the threshold in force (`SiteProfile.threshold_in_force`); None is the
        model card's. `set_threshold` changes it later without reloading the models."""
        card.verify_model_file()
        self.card = card
        self._threshold = self._model_threshold() if threshold is None else threshold
        self.gate_card = load_view_gate_card(card)
        self.population_check: PopulationCheck | None = load_population_check(card)
        self.log = log
        self.workers = workers
        if self.gate_card is not None:
            self.gate_card.verify_model_file()
        # The version digests both cards, weights and settings, so a cached result never outlives
        # a change to either model.
        self.model_version = release_version(card, self.gate_card)
        self._local = threading.local()
        # The decoder children start (about a second each) while the models load.
        DECODERS.start(min(workers, DECODERS.size))
        # Load once up front, so a broken model fails before any file; the first worker reuses it.
        self._spare: list[tuple[Classifier, tuple[GateCheck, ...]]] = [self._load_models()]

    @property
    def threshold_in_force(self) -> ThresholdInForce:
        """The threshold that labels the files screened from now on."""
        return self._threshold

    def set_threshold(self, threshold: ThresholdInForce | None) -> None:
        """Label the files screened from now on with `threshold` (None: the model card's).

        Safe during a batch: each file reads the threshold once, so a file is decided by the old
        or the new one, never a mix, and records which.
        """
        self._threshold = self._model_threshold() if threshold is None else threshold

    def _model_threshold(self) -> ThresholdInForce:
        return ThresholdInForce(self.card.threshold, ThresholdSource.MODEL)

    def screen(
        self, files: Iterable[Path], cancel: threading.Event | None = None
    ) -> Iterator[Outcome]:
        """Screen each of `files`, yielding exactly one outcome per file, in input order.

        The files are screened as given: folders are not expanded here (the caller lists them
        once, with `core.file_walk.expand_paths`), so a path that has become a folder since gets
        its error row like any other unreadable file. New results are in the log before they are
        yielded. Setting `cancel` stops submitting files; those already in progress still finish
        and are logged.
        """
        window = 4 * self.workers  # bounds memory: at most this many decoded images in flight
        with ThreadPoolExecutor(self.workers, thread_name_prefix="screen") as pool:
            pending: deque[Future[Outcome]] = deque()
            for path in files:
                if cancel is not None and cancel.is_set():
                    break
                pending.append(pool.submit(self._screen_guarded, Path(path)))
                if len(pending) >= window:
                    yield self._logged(pending.popleft().result())
            while pending:
                yield self._logged(pending.popleft().result())

    def _logged(self, outcome: Outcome) -> Outcome:
        """Log a new decision; a result taken from the log as it was (it has its row id) is not
        logged twice."""
        if outcome.result.id is not None:
            return outcome
        return Outcome(self.log.add(outcome.result), outcome.from_cache)

    def _screen_guarded(self, path: Path) -> Outcome:
        """`screen_file`, with any unforeseen failure turned into this file's error row."""
        try:
            return self.screen_file(path)
        except Exception as exc:  # one file's bug must not cost the batch
            logger.exception("Unexpected failure screening %s", path)
            reason = Reason(
                ReasonCode.UNEXPECTED_ERROR, UNEXPECTED_REASON.format(type(exc).__name__)
            )
            return Outcome(self._result(path, "", Status.ERROR, reason=reason), from_cache=False)

    def screen_file(self, path: Path) -> Outcome:
        """Screen one file (not logged yet): the cached result, an error, a rejection or a score.

        The file is read once: its sha256 and its pixels come from the same bytes, so a file
        rewritten meanwhile is logged as one version or the other, never as a mix of both.
        """
        # A decoder is lent first: a thread never holds a file's bytes while waiting for one, and
        # the file's memory is booked before it is read (`core.image_reader.DecodeSlot`).
        with decode_slot() as slot:
            try:
                data = slot.read(path)
            except UnreadableImage as exc:
                return Outcome(self._result(path, "", Status.ERROR, reason=_why(exc)), False)
            sha256 = hashlib.sha256(data).hexdigest()
            cached = self.log.cached(sha256, self.model_version)
            if cached is not None and not self._to_screen_again(cached):
                return Outcome(self._relabelled(replace(cached, file=str(path))), from_cache=True)
            # A film refused for its look whose age has since been typed: screened with that age.
            typed = cached if cached is not None and aged_since_refused(cached) else None
            try:
                image = slot.decode(data, path, min_side=self.card.input_size)
            except UnreadableImage as exc:
                return Outcome(self._result(path, sha256, Status.ERROR, reason=_why(exc)), False)
        classifier, checks = self._models()
        threshold = self._threshold  # read once: the label and the record agree
        age = _dicom_age(image.dicom) if typed is None else typed.patient_age_years
        reason = rejection(image, checks) or self._age_refusal(age, threshold)
        model_input = None
        if reason is None:
            # Prepared once: the population check reads it too where it shares the tone mapping.
            model_input = prepare_image(image.pixels, self.card.input_size, self.card.tone)
            if age is None:
                reason = self._population_reason(image.pixels, model_input)
        if reason is not None or model_input is None:
            rejected = self._result(path, sha256, Status.REJECTED, image, age=age, reason=reason)
            return Outcome(_with_typed_patient(rejected, typed), False)
        found = classifier.classify_input(model_input)
        result = self._result(
            path,
            sha256,
            Status.OK,
            image,
            threshold,
            age=age,
            score=found.score,
            label=label_for(found.score, threshold.threshold),
            heatmap=found.heatmap,
        )
        return Outcome(_with_typed_patient(result, typed), from_cache=False)

    def _relabelled(self, cached: ScreeningResult) -> ScreeningResult:
        """`cached` decided by the threshold in force now: as logged when that is the threshold
        that decided it; else a new decision (no row id yet, dated now) with the same score and
        heatmap. A rejected file has no label: it stays as logged."""
        if cached.status is not Status.OK:
            return cached
        threshold = self._threshold
        age_reason = self._age_refusal(cached.patient_age_years, threshold)
        if age_reason is not None:
            changes = {
                "status": Status.REJECTED,
                "score": None,
                "label": None,
                "reason": age_reason.text,
                "reason_code": age_reason.code,
                "heatmap": None,
            }
        elif cached.score is not None and (
            cached.threshold != threshold.threshold or cached.threshold_source != threshold.source
        ):
            changes = {"label": label_for(cached.score, threshold.threshold)}
        else:
            return cached
        return replace(
            cached,
            **changes,
            threshold=threshold.threshold,
            threshold_source=threshold.source,
            screened_at=datetime.now().astimezone(),
            id=None,
        )

    def _age_refusal(self, age: float | None, threshold: ThresholdInForce) -> Reason | None:
        """Why the film of a patient of `age` gets no score under the site's rule in `threshold`
        (`core.patient.AgeRule`); None when the age is unknown or the film is to be screened."""
        return self.card.age_rule.refusal(age, threshold.reject_outside_ages)

    def _population_reason(self, pixels: np.ndarray, model_input: np.ndarray) -> Reason | None:
        """The refusal of a film of unknown age that looks unlike the validated population; None
        when it looks like it, or without a check (a model whose card names none)."""
        check = self.population_check
        if check is None or not check.flags_film(pixels, model_input, self.card.tone):
            return None
        return refusal_reason(self.card.validated_ages_years)

    def _to_screen_again(self, cached: ScreeningResult) -> bool:
        """A logged refusal the log cannot answer for now: rejected for its age while the site's
        rule no longer rejects (the log has no score for it), or refused for want of an age that
        has since been typed."""
        rejected_by_an_old_age_rule = (
            cached.status is Status.REJECTED
            and cached.reason_code is ReasonCode.OUTSIDE_VALIDATED_AGES
            and not self._threshold.reject_outside_ages
        )
        return rejected_by_an_old_age_rule or aged_since_refused(cached)

    def _load_models(self) -> tuple[Classifier, tuple[GateCheck, ...]]:
        """A classifier and the quality-gate checks, the view gate last (it is the costliest)."""
        checks = DEFAULT_CHECKS
        if self.gate_card is not None:
            gate = ViewGate(self.gate_card, verified=True)
            # The gate gives whole reasons (the kind it saw, else `not_frontal_cxr`); the check's
            # own code is the one a gate that cannot tell would carry.
            checks = (*checks, GateCheck(ReasonCode.NOT_FRONTAL_CXR, gate))
        return Classifier(self.card, verified=True), checks

    def _models(self) -> tuple[Classifier, tuple[GateCheck, ...]]:
        """This thread's models: LiteRT interpreters must not be shared between threads."""
        models = getattr(self._local, "models", None)
        if models is None:
            models = self._spare.pop() if self._spare else self._load_models()
            self._local.models = models
        return models

    def _result(
        self,
        path: Path,
        sha256: str,
        status: Status,
        image: DecodedImage | None = None,
        threshold: ThresholdInForce | None = None,
        age: float | None = None,
        **fields,
    ) -> ScreeningResult:
        """The record of `path`; `age` is the patient's (the file's, or typed); `fields` may hold
        score, label, heatmap, and `reason` (a `Reason`) for a file that is not scored."""
        dicom = image.dicom if image is not None else {}
        reason: Reason | None = fields.get("reason")
        threshold = threshold or self._threshold
        return ScreeningResult(
            file=str(path),
            sha256=sha256,
            status=status,
            score=fields.get("score"),
            label=fields.get("label"),
            reason="" if reason is None else reason.text,
            reason_code=None if reason is None else reason.code,
            threshold=threshold.threshold,
            threshold_source=threshold.source,
            model_version=self.model_version,
            screened_at=datetime.now().astimezone(),
            patient_id=dicom.get("PatientID"),
            study_date=dicom.get("StudyDate"),
            study_instance_uid=dicom.get("StudyInstanceUID"),
            series_instance_uid=dicom.get("SeriesInstanceUID"),
            sop_instance_uid=dicom.get("SOPInstanceUID"),
            patient_name=patient_name(dicom.get("PatientName")),
            patient_sex=parse_sex(dicom.get("PatientSex")),
            patient_age_years=age,
            patient_birth_date=iso_date(dicom.get("PatientBirthDate")),
            age_warning=age_warning(age, self.card.validated_ages_years),
            heatmap=fields.get("heatmap"),
        )


def _why(exc: UnreadableImage) -> Reason:
    """The reason an unreadable file gets: the sentence that names it, and the code."""
    return Reason(exc.code, str(exc))


def _with_typed_patient(result: ScreeningResult, typed: ScreeningResult | None) -> ScreeningResult:
    """`result` with who the patient is as typed for the film's earlier result (`typed`), if
    any: a film screened again because its age was typed keeps who it belongs to (the age itself
    is already `result`'s)."""
    if typed is None:
        return result
    return replace(
        result,
        patient_id=typed.patient_id,
        patient_name=typed.patient_name,
        patient_sex=typed.patient_sex,
    )


def _dicom_age(dicom: dict[str, str]) -> float | None:
    """The patient's age at the study, from a DICOM file's metadata (`DecodedImage.dicom`)."""
    return age_years(dicom.get("PatientAge"), dicom.get("PatientBirthDate"), dicom.get("StudyDate"))
