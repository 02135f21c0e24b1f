"""Nothing in the product tries the network: command line and window run under an audit hook
that refuses every socket connection and DNS lookup."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import sys
from collections.abc import Iterator

import pytest

from core import cli
from core.model_card import load_model_card
from core.paths import model_card_path
from desktop.about_dialog import AboutDialog
from tests.test_desktop_window import SAMPLES, open_window, screen_and_wait

NETWORK_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
}
_attempts: list[tuple[str, tuple]] = []
_armed = [False]


class NetworkAttemptError(RuntimeError):
    """Raised inside the audit hook, so the attempt fails where it is made."""


def _refuse_network(event: str, args: tuple) -> None:
    if _armed[0] and event in NETWORK_EVENTS:
        _attempts.append((event, args))
        raise NetworkAttemptError(f"network use during an offline test: {event} {args!r}")


# Audit hooks cannot be removed once added, so one hook serves the session and is armed per test.
sys.addaudithook(_refuse_network)


@pytest.fixture
def offline(tmp_path, monkeypatch) -> Iterator[list[tuple[str, tuple]]]:
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "home"))
    _attempts.clear()
    _armed[0] = True
    try:
        yield _attempts
    finally:
        _armed[0] = False


def test_the_hook_catches_a_connection_attempt(offline):
    with pytest.raises(NetworkAttemptError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert offline and offline[0][0] in NETWORK_EVENTS


def test_the_command_line_never_touches_the_network(offline, tmp_path):
    assert cli.main(["info"]) == 0
    assert cli.main(["screen", str(SAMPLES), "--csv", str(tmp_path / "run.csv")]) == 0
    assert cli.main(["export", "--csv", str(tmp_path / "all.csv")]) == 0
    assert offline == []


def test_the_window_never_touches_the_network(offline, qtbot, tmp_path):
    window = open_window(qtbot)
    screen_and_wait(qtbot, window, window.drop_zone, sorted(SAMPLES.glob("NORMAL/*.png"))[:4])
    about = AboutDialog(load_model_card(model_card_path()), window)  # what Help > About shows
    about.show()
    about.close()
    assert offline == []
