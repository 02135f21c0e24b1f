"""A virtual X display (Xvfb) to open the bundled app's window in, find it, and photograph it.

Used by `tests/test_bundle.py` and `benchmarks/bundle_size.py`. Xvfb writes its screen to a file
in XWD format (`-fbdir`), so a screenshot needs no other tool: `screenshot()` reads that file
with numpy. `xwininfo` (x11-utils) tells when the window is on screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WINDOW_TITLE = "PneumoScreen: chest X-ray screening aid"
_XWD_FIELDS = 25  # CARD32 fields of an XWD header, before the window name


@dataclass(frozen=True)
class Display:
    """A running Xvfb server: its name for `DISPLAY` and the file holding its screen."""

    name: str
    framebuffer: Path


@contextmanager
def virtual_display(width: int = 1280, height: int = 800) -> Iterator[Display]:
    """Start Xvfb on a free display number (it picks one and reports it); stop it after.

    Raises:
        FileNotFoundError: Xvfb is not installed (Debian: xvfb).
        RuntimeError: Xvfb did not start.
    """
    if shutil.which("Xvfb") is None:
        raise FileNotFoundError("Xvfb is not installed (Debian package: xvfb)")
    with tempfile.TemporaryDirectory(prefix="pneumoscreen-xvfb-") as folder:
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            [
                # -noreset: by default Xvfb resets when its last client leaves (each xwininfo
                # poll), refusing connections meanwhile, and Qt aborts on a refused connection.
                *("Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-noreset"),
                *("-fbdir", folder),
                *("-screen", "0", f"{width}x{height}x24"),
            ],
            pass_fds=(write_end,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        try:
            with os.fdopen(read_end) as report:
                number = report.readline().strip()
            if not number:
                raise RuntimeError(f"Xvfb did not start (exit status {server.poll()})")
            display = Display(f":{number}", Path(folder) / "Xvfb_screen0")
            _wait_until_it_answers(display, server)
            yield display
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait_until_it_answers(
    display: Display, server: subprocess.Popen, timeout: float = 20.0
) -> None:
    """Poll until a client can talk to `display`.

    Xvfb reports its number when it listens; one answer from xwininfo makes sure a client gets
    through before the app (which aborts on a refused connection) is started.
    """
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"Xvfb exited ({server.returncode}) on {display.name}")
        probe = subprocess.run(
            ["xwininfo", "-root", "-display", display.name], capture_output=True, text=True
        )
        if probe.returncode == 0:
            return
        time.sleep(0.05)
    raise RuntimeError(f"Xvfb on {display.name} did not answer within {timeout:.0f} s")


def window_shown(display: Display, title: str = WINDOW_TITLE) -> bool:
    """True once a window with `title` is mapped on `display`."""
    result = subprocess.run(
        ["xwininfo", "-display", display.name, "-name", title],
        capture_output=True,
        text=True,
    )
    return result.returncode == 0 and "IsViewable" in result.stdout


def wait_for_window(
    display: Display, process: subprocess.Popen, timeout: float = 60.0, title: str = WINDOW_TITLE
) -> float:
    """Seconds until the window is shown, polling every 20 ms.

    Raises:
        RuntimeError: the program exited first.
        TimeoutError: no such window within `timeout` seconds.
    """
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"The program exited ({process.returncode}) before its window")
        if window_shown(display, title):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"No window titled {title!r} within {timeout:.0f} s")


def screenshot(display: Display) -> np.ndarray:
    """The whole screen now, as an RGB uint8 array (from Xvfb's 24-bit XWD screen file)."""
    data = display.framebuffer.read_bytes()
    header = np.frombuffer(data, dtype=">u4", count=_XWD_FIELDS)
    if header[1] != 7:  # XWD version; Xvfb writes the header in the machine's byte order
        header = np.frombuffer(data, dtype="<u4", count=_XWD_FIELDS)
    header_size, width, height = int(header[0]), int(header[4]), int(header[5])
    bits_per_pixel, bytes_per_line, colours = int(header[11]), int(header[12]), int(header[19])
    if bits_per_pixel != 32:
        raise ValueError(f"Expected a 32-bit screen. Received: {bits_per_pixel} bits per pixel")
    start = header_size + 12 * colours
    rows = np.frombuffer(data, dtype=np.uint8, count=height * bytes_per_line, offset=start)
    pixels = rows.reshape(height, bytes_per_line)[:, : width * 4].reshape(height, width, 4)
    little_endian = int(header[7]) == 0
    return pixels[:, :, 2::-1].copy() if little_endian else pixels[:, :, 1:4].copy()
