"""The installable bundle's size, and how fast it starts, measured on what `make dist` built.

Usage (from the repository root, after `make dist`):
    .venv/bin/python -m benchmarks.bundle_size [--dist dist] [--runs 5]
                                               [--screenshot docs/screenshots/bundle-xvfb.png]

Printed (1 MB = 10^6 bytes; the issue's targets: <= 200 MB unpacked, <= 80 MB compressed):
- unpacked: the sum of the bundle folder's file sizes (what `du --apparent-size` counts);
- the .tar.gz and the .deb (xz inside), as downloaded;
- self-test s: wall time of `pneumoscreen --self-test`, from launch to exit;
- window s: from launching `pneumoscreen` (no arguments) to its window being mapped on a fresh
  Xvfb display, as `xwininfo` sees it; the first paint follows within milliseconds.
Every run uses an emptied environment (`env -i`, PATH and HOME only) and a fresh HOME, as a
clinic's first start would. Timings are only meaningful on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from benchmarks.xdisplay import screenshot, virtual_display, wait_for_window

REPO = Path(__file__).resolve().parents[1]

MB = 1_000_000
EXECUTABLE = "pneumoscreen"


def folder_bytes(folder: Path) -> int:
    """Sum of the sizes of the files under `folder`, links not followed."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def clean_env(home: Path, **extra: str) -> list[str]:
    return [
        "env",
        "-i",
        "PATH=/usr/bin:/bin",
        f"HOME={home}",
        *(f"{k}={v}" for k, v in extra.items()),
    ]


def time_self_test(bundle: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="pneumoscreen-bench-") as home:
        started = time.perf_counter()
        subprocess.run(
            [*clean_env(Path(home)), str(bundle / EXECUTABLE), "--self-test"],
            cwd=home,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def time_window(bundle: Path, shot: Path | None) -> float:
    """Launch the window on a fresh virtual display; seconds until it is shown."""
    with (
        tempfile.TemporaryDirectory(prefix="pneumoscreen-bench-") as home,
        virtual_display() as display,
    ):
        app = subprocess.Popen(
            [*clean_env(Path(home), DISPLAY=display.name), str(bundle / EXECUTABLE)],
            cwd=home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            shown = wait_for_window(display, app)
            if shot is not None:
                time.sleep(2.0)  # the model loads in the background; let "Model ready" show
                Image.fromarray(screenshot(display)).save(shot, optimize=True)
        finally:
            app.terminate()
            app.wait(timeout=30)
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", type=Path, help="save the window's picture here")
    args = parser.parse_args(argv)
    bundle = args.dist / "PneumoScreen"
    print(f"load average at start: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    print(f"unpacked: {folder_bytes(bundle) / MB:.1f} MB ({bundle})")
    for archive in sorted([*args.dist.glob("*.tar.gz"), *args.dist.glob("*.deb")]):
        print(f"{archive.name}: {archive.stat().st_size / MB:.1f} MB")
    self_test = [time_self_test(bundle) for _ in range(args.runs)]
    window = [time_window(bundle, args.screenshot if i == 0 else None) for i in range(args.runs)]
    for name, values in (("self-test", self_test), ("window shown", window)):
        print(
            f"{name} over {args.runs} runs: median {statistics.median(values):.2f} s, "
            f"min {min(values):.2f} s, max {max(values):.2f} s"
        )
    if args.screenshot:
        print(f"screenshot: {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
