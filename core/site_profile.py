"""The site profile: this clinic's own threshold and its history, in the data folder.

A clinic may set its own threshold from its own evidence (`pneumoscreen calibrate`, or the window's
site threshold dialog). It lives here, in `site-profile.json` beside the result log, never in the
model card: the card is the model's release and is verified as such (`core.card_integrity`).

Why it is built this way:
- A site threshold belongs to one model version (`core.card_integrity.release_version`): its
  evidence are scores of that model. When the model changes, the model's threshold applies again
  and `threshold_in_force` says so in a plain notice, until the clinic sets a threshold again.
- Every change is kept in the history (who, when, old -> new, the target sensitivity and the
  evidence counts), so a clinic can always show why its threshold is what it is.
- The file is written atomically (a temporary file in the same folder, synced, then renamed over
  the old one), so a crash never leaves half a profile, and readable by its owner only, like the
  log.
- The profile also says what to do with a film whose patient is outside the ages the model was
  validated on (`reject_outside_ages`): by default it is screened and marked; a clinic may have
  such films rejected instead. A profile written before this setting existed reads as the default.
- A damaged profile is never ignored: `load` raises `SiteProfileError`, a plain sentence naming the
  file and the way out. Falling back to the model's threshold unseen would change the clinic's
  decisions without anyone knowing; so the command line stops with that sentence (exit 1), and
  the window shows it where it shows every error. `set_aside_damaged` (what
  `pneumoscreen calibrate --reset` does) keeps the damaged file under another name and starts a
  new profile, in which the model's threshold applies.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.errors import SiteProfileError
from core.paths import data_dir, ensure_folder
from core.plain_problems import folder_problem, os_reason
from core.result import ThresholdSource, format_score

PROFILE_NAME = "site-profile.json"

#: The profile's key for the age rule (absent in older profiles: False, mark but screen).
AGE_RULE_KEY = "reject_outside_validated_ages"

#: The profile format this version reads and writes; a newer one is refused, not misread.
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SiteThreshold:
    """A threshold this clinic set from its own evidence, for one model version."""

    threshold: float  # 0-100 score scale, one decimal
    model_version: str  # release_version(card, gate) of the model whose scores were the evidence
    target_sensitivity: float
    set_by: str
    set_at: datetime
    n_pneumonia: int
    n_normal: int

    def __post_init__(self) -> None:
        if not (math.isfinite(self.threshold) and 0.0 <= self.threshold <= 100.0):
            raise ValueError(f"threshold must lie in 0-100. Received: {self.threshold!r}")
        if not 0.0 < self.target_sensitivity <= 1.0:
            raise ValueError(
                f"target_sensitivity must lie in (0, 1]. Received: {self.target_sensitivity!r}"
            )
        if not self.model_version or not " ".join(self.set_by.split()):
            raise ValueError(
                "A site threshold needs its model version and who set it. Received: "
                f"model_version={self.model_version!r}, set_by={self.set_by!r}"
            )
        object.__setattr__(self, "set_by", " ".join(self.set_by.split()))
        if self.set_at.tzinfo is None or self.set_at.utcoffset() is None:
            raise ValueError(f"set_at must be timezone-aware. Received: {self.set_at.isoformat()}")

    def as_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "model_version": self.model_version,
            "target_sensitivity": self.target_sensitivity,
            "set_by": self.set_by,
            "set_at": self.set_at.isoformat(timespec="seconds"),
            "n_pneumonia": self.n_pneumonia,
            "n_normal": self.n_normal,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SiteThreshold:
        """Raises KeyError, TypeError or ValueError for a malformed entry."""
        return cls(
            threshold=float(raw["threshold"]),
            model_version=str(raw["model_version"]),
            target_sensitivity=float(raw["target_sensitivity"]),
            set_by=str(raw["set_by"]),
            set_at=datetime.fromisoformat(raw["set_at"]),
            n_pneumonia=int(raw["n_pneumonia"]),
            n_normal=int(raw["n_normal"]),
        )


@dataclass(frozen=True)
class ThresholdInForce:
    """The threshold screening uses now, and where it comes from.

    `notice` is a plain sentence when a site threshold exists but belongs to another model
    version (the model's threshold applies; the window and the command line show it), else "".
    """

    threshold: float
    source: ThresholdSource
    notice: str = ""
    #: The site's age rule travels with its threshold, so everything that screens with the site's
    #: threshold also applies its age rule: True rejects a film whose patient's age is known and
    #: outside the model card's `validated_ages_years`; False screens it with a warning.
    reject_outside_ages: bool = False


class SiteProfile:
    """The site profile in `folder` (the data folder by default), as loaded."""

    def __init__(
        self,
        folder: Path,
        site: SiteThreshold | None,
        history: list[dict[str, Any]],
        reject_outside_ages: bool = False,
    ) -> None:
        self.folder = Path(folder)
        self.path = self.folder / PROFILE_NAME
        self.site = site
        self._history = history
        self.reject_outside_ages = reject_outside_ages

    @classmethod
    def load(cls, folder: Path | None = None) -> SiteProfile:
        """The profile in `folder`; a missing file is an empty profile (the model's threshold).

        Raises:
            SiteProfileError: the file cannot be read, is damaged, or was written by a newer
                PneumoScreen.
        """
        folder = Path(folder) if folder is not None else data_dir()
        site, history, reject = _read(folder / PROFILE_NAME)
        return cls(folder, site, history, reject)

    @classmethod
    def set_aside_damaged(
        cls, folder: Path | None = None, by: str = ""
    ) -> tuple[SiteProfile, Path]:
        """Keep a damaged profile under another name and start a new one; return the new profile
        and where the damaged file now is. Nothing is deleted: the history in it may matter."""
        folder = Path(folder) if folder is not None else data_dir()
        path = folder / PROFILE_NAME
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = folder / f"site-profile.damaged-{stamp}.json"
        try:
            os.replace(path, kept)
        except OSError as exc:
            raise SiteProfileError(
                f"The damaged site profile {path} cannot be moved aside: {os_reason(exc)}. Move "
                "it to another folder by hand; the model's threshold then applies."
            ) from exc
        profile = cls(folder, None, [])
        profile._change(
            None,
            {"event": "set_aside", "by": by or "unknown", "old_threshold": None},
            new_threshold=None,
            note=f"the damaged profile was kept as {kept.name}",
        )
        return profile, kept

    def threshold_in_force(self, model_threshold: float, model_version: str) -> ThresholdInForce:
        """The site threshold when one is set for `model_version`, else the model's threshold
        (with a notice when the site threshold was set for another model version)."""
        site, reject = self.site, self.reject_outside_ages
        if site is None:
            return ThresholdInForce(model_threshold, ThresholdSource.MODEL, "", reject)
        if site.model_version == model_version:
            return ThresholdInForce(site.threshold, ThresholdSource.SITE, "", reject)
        notice = (
            f"The site threshold {format_score(site.threshold)} set by {site.set_by} on "
            f"{site.set_at.date().isoformat()} was for model version {site.model_version}; this "
            f"is model version {model_version}, so the model's threshold "
            f"{format_score(model_threshold)} applies. Set a site threshold again from evidence "
            "screened with this model if the clinic needs one."
        )
        return ThresholdInForce(model_threshold, ThresholdSource.MODEL, notice, reject)

    def set_reject_outside_ages(self, reject: bool, by: str) -> bool:
        """Reject (True) or only mark (False) films outside the validated ages; saves and records
        who did it. Returns False (and saves nothing) when the rule is already so."""
        self._reload()
        if self.reject_outside_ages == reject:
            return False
        current = None if self.site is None else self.site.threshold
        self.reject_outside_ages = reject
        try:
            self._change(
                self.site,
                {
                    "event": "reject_outside_ages" if reject else "mark_outside_ages",
                    "by": " ".join(by.split()) or "unknown",
                    "old_threshold": current,
                },
                new_threshold=current,
            )
        except SiteProfileError:
            self.reject_outside_ages = not reject
            raise
        return True

    def set_threshold(self, site: SiteThreshold) -> None:
        """Make `site` the site threshold and save; the history records the change."""
        self._reload()
        old = self.site
        self._change(
            site,
            {
                "event": "set",
                "by": site.set_by,
                "old_threshold": None if old is None else old.threshold,
                "model_version": site.model_version,
                "target_sensitivity": site.target_sensitivity,
                "n_pneumonia": site.n_pneumonia,
                "n_normal": site.n_normal,
            },
            new_threshold=site.threshold,
            at=site.set_at,
        )

    def reset(self, by: str, model_version: str) -> bool:
        """Back to the model's threshold; saves and records who did it. Returns False (and saves
        nothing) when no site threshold was set."""
        self._reload()
        if self.site is None:
            return False
        old = self.site
        self._change(
            None,
            {
                "event": "reset",
                "by": " ".join(by.split()) or "unknown",
                "old_threshold": old.threshold,
                "model_version": model_version,
            },
            new_threshold=None,
        )
        return True

    def history(self) -> list[dict[str, Any]]:
        """Every change, oldest first: event ("set", "reset", "set_aside"), by, at (ISO 8601),
        old_threshold -> new_threshold (None: the model's threshold), model_version and, for
        "set", target_sensitivity, n_pneumonia and n_normal."""
        return [dict(entry) for entry in self._history]

    def _reload(self) -> None:
        """Read the file again before changing it, so a change made meanwhile by another
        PneumoScreen (the window and a command line) keeps its history entry."""
        self.site, self._history, self.reject_outside_ages = _read(self.path)

    def _change(
        self,
        site: SiteThreshold | None,
        entry: dict[str, Any],
        new_threshold: float | None,
        at: datetime | None = None,
        note: str = "",
    ) -> None:
        """Make `site` the site threshold, record `entry` and save; unchanged if saving fails."""
        moment = at or datetime.now().astimezone()
        entry = {
            **entry,
            "at": moment.isoformat(timespec="seconds"),
            "new_threshold": new_threshold,
        }
        if note:
            entry["note"] = note
        history = [*self._history, entry]
        _write(
            self.path,
            {
                "format_version": FORMAT_VERSION,
                "site_threshold": None if site is None else site.as_json(),
                AGE_RULE_KEY: self.reject_outside_ages,
                "history": history,
            },
        )
        self.site, self._history = site, history


def _read(path: Path) -> tuple[SiteThreshold | None, list[dict[str, Any]], bool]:
    """The site threshold, the history and the age rule in the profile at `path`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [], False
    except (NotADirectoryError, FileExistsError) as exc:  # the data folder is a file
        raise SiteProfileError(folder_problem(path.parent, exc)) from exc
    except OSError as exc:
        raise SiteProfileError(
            f"The site profile {path}, which holds this clinic's own threshold, cannot be read: "
            f"{os_reason(exc)}. PneumoScreen will not guess the threshold; make the file "
            "readable, or set PNEUMOSCREEN_HOME to a data folder this user may use."
        ) from exc
    except UnicodeDecodeError as exc:
        raise SiteProfileError(_damaged(path, "it is not text")) from exc
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise SiteProfileError(_damaged(path, "it is not valid JSON")) from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("format_version"), int):
        raise SiteProfileError(_damaged(path, "it does not look like a site profile"))
    if raw["format_version"] > FORMAT_VERSION:
        raise SiteProfileError(
            f"The site profile {path} was written by a newer PneumoScreen (format "
            f"{raw['format_version']}; this version reads up to {FORMAT_VERSION}). Update "
            "PneumoScreen, or set PNEUMOSCREEN_HOME to use another data folder."
        )
    history = raw.get("history", [])
    if not isinstance(history, list) or not all(isinstance(e, dict) for e in history):
        raise SiteProfileError(_damaged(path, "its history is not a list of changes"))
    reject = raw.get(AGE_RULE_KEY, False)
    if not isinstance(reject, bool):
        raise SiteProfileError(_damaged(path, f"{AGE_RULE_KEY} is not true or false"))
    entry = raw.get("site_threshold")
    if entry is None:
        return None, history, reject
    try:
        return SiteThreshold.from_json(entry), history, reject
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SiteProfileError(_damaged(path, f"its site threshold is incomplete ({exc})")) from exc


def _damaged(path: Path, why: str) -> str:
    return (
        f"The site profile {path}, which holds this clinic's own threshold, is damaged: {why}. "
        "PneumoScreen will not guess the threshold. Run `pneumoscreen calibrate --reset` (or "
        "reset the site threshold in the window) to keep the damaged file aside and use the "
        "model's threshold, then set the site threshold again if needed."
    )


def _write(path: Path, content: dict[str, Any]) -> None:
    """Write `content` to `path` atomically, readable by its owner only."""
    text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    ensure_folder(path.parent)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise SiteProfileError(_unsaved(path, exc)) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:  # mkstemp: mode 0600
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
        if sys.platform != "win32":
            os.chmod(path, 0o600)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise SiteProfileError(_unsaved(path, exc)) from exc


def _unsaved(path: Path, exc: OSError) -> str:
    return (
        f"The site profile {path} cannot be saved: {os_reason(exc)}. The threshold has not "
        "been changed."
    )
