"""Turning `ScreeningResult` and `Review` records into SQLite values and back.

Any str a result holds can be stored, even a Linux file name that is not valid UTF-8 (`storable`),
and read back as the very same str (`readable`).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from core.reason_codes import code_or_unknown
from core.result import ScreeningResult
from core.review import Review


def timestamp(moment: datetime) -> str:
    """ISO 8601 with microseconds always present, so equal-offset stamps sort as text."""
    return moment.isoformat(timespec="microseconds")


def storable(text: str | None) -> str | bytes | None:
    """`text` as SQLite can store it: a str that cannot be UTF-8 encoded becomes a blob.

    On Linux a file name may be any bytes; Python keeps those that are not UTF-8 as lone
    surrogates ("scan-\udcff.png"), which SQLite refuses as text. Such a value (the path, and a
    reason that names the file) is stored as its "surrogatepass" bytes, which `readable` turns
    back into the very same str, so the file can still be found and shown after a restart.
    """
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")
    return text


def readable(value: str | bytes | None) -> str | None:
    """The str that `storable` stored."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogatepass")
    return value


def result_from_row(row: tuple) -> ScreeningResult:
    (row_id, file, sha256, status, score, label, reason, threshold, model_version, screened_at,
     patient_id, study_date, study_uid, series_uid, sop_uid, blob, rows, cols,
     threshold_source, name, sex, age, birth_date, age_warning, reason_code) = row  # fmt: skip
    heatmap = None
    if blob is not None:
        heatmap = np.frombuffer(blob, dtype="<f4").reshape(rows, cols)
    return ScreeningResult(
        file=readable(file),
        sha256=sha256,
        status=status,
        score=score,
        label=label,
        reason=readable(reason),
        threshold=threshold,
        model_version=model_version,
        screened_at=datetime.fromisoformat(screened_at),
        patient_id=readable(patient_id),
        study_date=readable(study_date),
        study_instance_uid=readable(study_uid),
        series_instance_uid=readable(series_uid),
        sop_instance_uid=readable(sop_uid),
        threshold_source=threshold_source,
        patient_name=readable(name),
        patient_sex=sex,
        patient_age_years=age,
        patient_birth_date=birth_date,
        age_warning=readable(age_warning) or "",
        reason_code=None if status == "ok" else code_or_unknown(reason_code),
        heatmap=heatmap,
        id=row_id,
    )


def review_from_row(row: tuple) -> Review:
    row_id, result_id, decision, reviewer, reviewed_at, note = row
    return Review(
        result_id=result_id,
        decision=decision,
        reviewer=readable(reviewer),
        reviewed_at=datetime.fromisoformat(reviewed_at),
        note=readable(note),
        id=row_id,
    )
