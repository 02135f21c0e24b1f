"""`screen` and `watch` start alike: the same notes on stderr before the first film is screened."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from core import cli
from core.screen_session import AGE_RULE_NOTE
from core.site_profile import SiteProfile
from tests.test_watch_command import WatchProcess


def reject_outside_ages(home: Path) -> None:
    """The clinic's age rule, as Administration > Films outside the validated ages sets it."""
    home.mkdir(parents=True, exist_ok=True)
    assert SiteProfile.load(home).set_reject_outside_ages(True, by="Dr Achieng") is True


def test_screen_says_the_clinic_rejects_films_outside_the_validated_ages(home, tmp_path, capsys):
    reject_outside_ages(home)
    (tmp_path / "empty").mkdir()
    assert cli.main(["screen", str(tmp_path / "empty")]) == 0
    assert f"pneumoscreen: note: {AGE_RULE_NOTE}" in capsys.readouterr().err.splitlines()


@pytest.mark.skipif(os.name != "posix", reason="signals to a child process are POSIX")
def test_watch_says_it_too_before_it_starts_watching(tmp_path):
    folder, home = tmp_path / "export", tmp_path / "home"
    folder.mkdir()
    reject_outside_ages(home)
    watch = WatchProcess(home, [str(folder)])
    watch.wait_for_stderr("is being watched")
    assert watch.stop(signal.SIGTERM) == 0, watch.err
    note = f"pneumoscreen: note: {AGE_RULE_NOTE}"
    assert note in watch.err, watch.err
    watching = next(i for i, line in enumerate(watch.err) if "; Ctrl+C stops" in line)
    assert watch.err.index(note) < watching
