"""Nothing in the product tries the network: command line and window run under an audit hook
that refuses every socket connection and DNS lookup."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from core import cli
from core.model_card import load_model_card
from core.paths import model_card_path
from desktop.about_dialog import AboutDialog
from desktop.export_dialog import ExportScope
from tests.conftest import REPO
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
    with qtbot.waitSignal(window.export_finished, timeout=60_000):
        window.export_rows(ExportScope.ALL, tmp_path / "export.csv")
    window.close()  # saves the settings
    again = open_window(qtbot, load_model=False)  # restores them, shows the logged rows
    assert again.model.rowCount() == 4
    again.close()
    assert (tmp_path / "export.csv").is_file()
    assert offline == []


#: A fresh interpreter opens the window, screens, exports and closes, then lists what it loaded.
_WINDOW_THEN_LIST_LOADED = """
import sys, time
from pathlib import Path
from desktop.app import make_application
from desktop.export_dialog import ExportScope
app = make_application()
from desktop.main_window import MainWindow

def wait_for(condition):
    deadline = time.monotonic() + 120
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    assert condition()

window = MainWindow()
window.show()
wait_for(window.controller.is_ready)
window.add_paths([Path(sys.argv[1])])
wait_for(lambda: window.model.rowCount() == 1 and not window.controller.is_busy())
window.export_rows(ExportScope.ALL, Path(sys.argv[2]))
wait_for(Path(sys.argv[2]).exists)
window.close()
maps = Path("/proc/self/maps")  # Linux: every library and plugin mapped into the process
mapped = maps.read_text().splitlines() if maps.exists() else []
print("\\n".join([*sys.modules, *(line.split()[-1] for line in mapped)]))
"""


def test_the_window_never_loads_qt_network_or_its_plugins(tmp_path):
    """No QtNetwork, so no network-information, TLS or proxy plugins and no update checks: what
    is not loaded cannot connect."""
    sample = sorted(SAMPLES.glob("NORMAL/*.png"))[0]
    home = tmp_path / "home"  # the CSV goes beside the data folder: exports into it are refused
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PNEUMOSCREEN_HOME": str(home)}
    child = subprocess.run(
        [sys.executable, "-c", _WINDOW_THEN_LIST_LOADED, str(sample), str(tmp_path / "x.csv")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    loaded = child.stdout.splitlines()
    assert "PySide6.QtWidgets" in loaded  # the listing works: the window really was opened
    network = [
        name
        for name in loaded
        if re.search(r"QtNetwork|Qt6Network|networkinformation|plugins/tls|bearer", name)
    ]
    assert network == []
