"""The site profile keeps this clinic's threshold, for one model version, with its history; it is
written safely and a damaged one is never ignored."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from datetime import datetime, timedelta, timezone

import pytest

from core.errors import ScreeningError, SiteProfileError
from core.result import ThresholdSource
from core.site_profile import PROFILE_NAME, SiteProfile, SiteThreshold, ThresholdInForce

WHEN = datetime(2026, 5, 4, 10, 0, tzinfo=timezone(timedelta(hours=3)))
MODEL = "1.2.0+861386f3"


def site(threshold: float = 48.6, model_version: str = MODEL, **changes) -> SiteThreshold:
    fields = {
        "target_sensitivity": 0.95,
        "set_by": "Dr Achieng",
        "set_at": WHEN,
        "n_pneumonia": 182,
        "n_normal": 115,
    }
    return SiteThreshold(threshold=threshold, model_version=model_version, **(fields | changes))


def test_without_a_profile_the_models_threshold_is_in_force(tmp_path):
    profile = SiteProfile.load(tmp_path)
    assert profile.threshold_in_force(42.0, MODEL) == ThresholdInForce(
        42.0, ThresholdSource.MODEL, ""
    )
    assert profile.history() == []
    assert not (tmp_path / PROFILE_NAME).exists()  # reading creates nothing


def test_a_site_threshold_is_in_force_for_its_model_and_survives_a_restart(tmp_path):
    SiteProfile.load(tmp_path).set_threshold(site())
    again = SiteProfile.load(tmp_path)
    assert again.site == site()
    assert again.threshold_in_force(42.0, MODEL) == ThresholdInForce(48.6, ThresholdSource.SITE, "")


def test_a_site_threshold_set_for_another_model_version_gives_way_with_a_notice(tmp_path):
    SiteProfile.load(tmp_path).set_threshold(site(model_version="1.1.0+0a1b2c3d"))
    in_force = SiteProfile.load(tmp_path).threshold_in_force(42.0, MODEL)
    assert (in_force.threshold, in_force.source) == (42.0, ThresholdSource.MODEL)
    assert "was for model version 1.1.0+0a1b2c3d" in in_force.notice
    assert f"this is model version {MODEL}" in in_force.notice
    assert "the model's threshold 42.0 applies" in in_force.notice


def test_the_history_says_who_changed_what_when_and_on_what_evidence(tmp_path):
    profile = SiteProfile.load(tmp_path)
    profile.set_threshold(site(48.6))
    profile.set_threshold(site(45.2, set_by="calibrate", n_pneumonia=40, n_normal=60))
    assert profile.reset(by="Dr Otieno", model_version=MODEL)
    history = SiteProfile.load(tmp_path).history()
    assert [(e["event"], e["by"], e["old_threshold"], e["new_threshold"]) for e in history] == [
        ("set", "Dr Achieng", None, 48.6),
        ("set", "calibrate", 48.6, 45.2),
        ("reset", "Dr Otieno", 45.2, None),
    ]
    second = history[1]
    assert (second["n_pneumonia"], second["n_normal"], second["target_sensitivity"]) == (
        40,
        60,
        0.95,
    )
    assert second["at"] == "2026-05-04T10:00:00+03:00" and second["model_version"] == MODEL
    assert datetime.fromisoformat(history[2]["at"]).tzinfo is not None


def test_resetting_without_a_site_threshold_changes_nothing(tmp_path):
    assert SiteProfile.load(tmp_path).reset(by="Dr Otieno", model_version=MODEL) is False
    assert not (tmp_path / PROFILE_NAME).exists()


def test_a_change_made_meanwhile_by_another_program_keeps_its_history_entry(tmp_path):
    window = SiteProfile.load(tmp_path)
    SiteProfile.load(tmp_path).set_threshold(site(48.6))  # the command line, meanwhile
    window.set_threshold(site(45.2))
    assert [e["new_threshold"] for e in SiteProfile.load(tmp_path).history()] == [48.6, 45.2]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_profile_is_readable_by_its_owner_only_and_no_temporary_file_is_left(tmp_path):
    SiteProfile.load(tmp_path).set_threshold(site())
    assert stat.S_IMODE(os.stat(tmp_path / PROFILE_NAME).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [PROFILE_NAME]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ('{"format_version": 1, "site_thres', "it is not valid JSON"),
        ("[1, 2, 3]", "it does not look like a site profile"),
        (
            json.dumps({"format_version": 1, "site_threshold": {"threshold": 48.6}}),
            "its site threshold is incomplete",
        ),
        (
            json.dumps(
                {"format_version": 1, "site_threshold": {**site().as_json(), "threshold": 250}}
            ),
            "its site threshold is incomplete",
        ),
    ],
)
def test_a_damaged_profile_is_a_plain_error_never_silently_the_models_threshold(
    tmp_path, content, why
):
    (tmp_path / PROFILE_NAME).write_text(content, encoding="utf-8")
    with pytest.raises(SiteProfileError) as raised:
        SiteProfile.load(tmp_path)
    message = str(raised.value)
    assert isinstance(raised.value, ScreeningError)
    assert str(tmp_path / PROFILE_NAME) in message and why in message
    assert "pneumoscreen calibrate --reset" in message


def test_a_profile_from_a_newer_pneumoscreen_is_refused(tmp_path):
    (tmp_path / PROFILE_NAME).write_text('{"format_version": 99}', encoding="utf-8")
    with pytest.raises(SiteProfileError, match="newer PneumoScreen"):
        SiteProfile.load(tmp_path)


def test_setting_aside_a_damaged_profile_keeps_it_and_starts_with_the_models_threshold(tmp_path):
    (tmp_path / PROFILE_NAME).write_text("not json", encoding="utf-8")
    profile, kept = SiteProfile.set_aside_damaged(tmp_path, by="Dr Otieno")
    assert kept.read_text(encoding="utf-8") == "not json"
    assert kept.parent == tmp_path and kept.name.startswith("site-profile.damaged-")
    reloaded = SiteProfile.load(tmp_path)
    assert reloaded.threshold_in_force(42.0, MODEL).source is ThresholdSource.MODEL
    (entry,) = reloaded.history()
    assert entry["event"] == "set_aside" and kept.name in entry["note"]
    assert profile.site is None


def test_a_profile_that_cannot_be_saved_is_a_plain_error_and_changes_nothing(tmp_path, monkeypatch):
    profile = SiteProfile.load(tmp_path)
    profile.set_threshold(site(48.6))

    def read_only_disk(source, target):
        raise OSError(errno.EROFS, "Read-only file system", str(source))

    monkeypatch.setattr(os, "replace", read_only_disk)
    with pytest.raises(SiteProfileError, match="cannot be saved: the disk is read-only"):
        profile.set_threshold(site(45.2))
    monkeypatch.undo()
    assert profile.site.threshold == 48.6 and len(profile.history()) == 1
    assert SiteProfile.load(tmp_path).site.threshold == 48.6
    assert sorted(p.name for p in tmp_path.iterdir()) == [PROFILE_NAME]  # no temporary file


def test_a_site_threshold_must_be_a_score_and_name_who_set_it():
    with pytest.raises(ValueError, match="0-100"):
        site(threshold=142.0)
    with pytest.raises(ValueError, match="who set it"):
        site(set_by="  ")
    with pytest.raises(ValueError, match="timezone-aware"):
        site(set_at=WHEN.replace(tzinfo=None))
