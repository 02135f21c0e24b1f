"""`pneumoscreen` starts in the GUI package: window, report, or the engine's command line."""

from __future__ import annotations

import multiprocessing
import tomllib

import desktop.app
import desktop.report_command
from core import cli
from desktop import launcher
from tests.conftest import REPO


def recording(monkeypatch, calls: list):
    """Stand-ins for the three destinations and freeze_support, each noting its call."""
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze"))
    monkeypatch.setattr(desktop.app, "run", lambda: calls.append("window") or 0)
    monkeypatch.setattr(
        desktop.report_command,
        "run_report",
        lambda argv, debug=False: calls.append(("report", argv, debug)) or 0,
    )
    monkeypatch.setattr(cli, "main", lambda argv: calls.append(("cli", argv)) or 0)


def test_no_arguments_open_the_window(monkeypatch):
    calls = []
    recording(monkeypatch, calls)
    assert launcher.main([]) == 0
    assert calls == ["freeze", "window"]


def test_report_goes_to_the_report_command_before_the_engine_parses(monkeypatch):
    calls = []
    recording(monkeypatch, calls)
    assert launcher.main(["report", "a.png", "--pdf", "r.pdf"]) == 0
    assert launcher.main(["--debug", "report", "a.png", "--pdf", "r.pdf"]) == 0
    assert calls == [
        "freeze",
        ("report", ["a.png", "--pdf", "r.pdf"], False),
        "freeze",
        ("report", ["a.png", "--pdf", "r.pdf"], True),
    ]


def test_everything_else_is_the_engines_command_line(monkeypatch):
    calls = []
    recording(monkeypatch, calls)
    for argv in (["info"], ["screen", "x.png"], ["--self-test"], ["--debug", "info"]):
        assert launcher.main(argv) == 0
    assert [call for call in calls if call != "freeze"] == [
        ("cli", ["info"]),
        ("cli", ["screen", "x.png"]),
        ("cli", ["--self-test"]),
        ("cli", ["--debug", "info"]),
    ]


def test_the_engine_alone_never_opens_the_window(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr(desktop.app, "run", lambda: opened.append(True) or 0)
    assert cli.main([]) == 2  # `python -m core.cli` with nothing to do: its usage
    assert "usage: pneumoscreen" in capsys.readouterr().err
    assert opened == []


def test_the_installed_command_and_the_bundle_start_here():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["pneumoscreen"] == "desktop.launcher:main"
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert 'str(ROOT / "desktop" / "launcher.py")' in spec
    assert 'installer" / "launcher.py' not in spec
