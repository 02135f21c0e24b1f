"""The window's start-up time and its memory while screening a large batch.

Usage (from the repository root):
    .venv/bin/python -m benchmarks.gui_startup [--runs 5] [--count 500] [--corpus DIR]
                                               [--skip-memory] [--json FILE]

Printed:
- shown s: from launching the process to the window's first paint (the issue's target: <= 1.5 s);
- ready s: from launching the process to the model being loaded (it loads in the background, so
  drops are taken before this; they wait for the model);
- memory: resident memory (RSS, 1 MB = 10^6 bytes) after the model is loaded, then while the window
  screens `--count` realistic ~4.8-megapixel JPEGs (`benchmarks.make_radiographs`), and the peak.
  "Flat" means the growth from 10 % of the batch to its end stays small: nothing per file (images,
  thumbnails) accumulates beyond the table's small rows.

Why it is built this way:
- Each measurement runs in a fresh child process (the real `desktop.app.make_application` and
  `MainWindow`), so imports, Qt's start-up and the first paint are all counted, and the peak memory
  is the child's own. Each child gets an empty data folder, so nothing is answered from the log.
- Without a display (Linux CI) the children use Qt's offscreen platform, which paints to memory;
  a real display adds the window manager's share, so measure there for the figure you report.
Timings are only meaningful on an otherwise idle machine; the load average at start is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.make_radiographs import CORPUS_VERSION, corpus_files, make_corpus

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "benchmarks" / ".cache"
MB = 1_000_000


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; 0 where unavailable)."""
    return _status_field("VmRSS")


def peak_rss_bytes() -> int:
    """This process's peak resident memory so far."""
    peak = _status_field("VmHWM")
    if peak:
        return peak
    import resource  # POSIX only; ru_maxrss is KiB on Linux, bytes on macOS

    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _status_field(name: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# --- the child: one real window ------------------------------------------------------------------


def child(mode: str, files: list[Path]) -> dict:
    """Open the window; report when it painted, when the model was ready, and, in "memory" mode,
    the memory while screening `files`."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from desktop.app import make_application
    from desktop.main_window import MainWindow

    app = make_application([])
    report: dict = {"mode": mode}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "shown" not in report:
                report["shown"] = time.time()
            return False

    window = MainWindow()
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    samples: list[tuple[int, int]] = []
    timer = QTimer(interval=250)
    timer.timeout.connect(lambda: samples.append((window.model.rowCount(), rss_bytes())))

    def ready() -> None:
        report["ready"] = time.time()
        report["rss_ready"] = rss_bytes()
        if mode == "startup":
            QTimer.singleShot(0, app.quit)
            return
        report["batch_start"] = time.time()
        timer.start()
        window.add_paths(files)

    def finished(cancelled: bool) -> None:
        timer.stop()
        report.update(batch_end=time.time(), rows=window.model.rowCount(), samples=samples)
        report.update(peak=peak_rss_bytes(), rss_end=rss_bytes(), cancelled=cancelled)
        app.quit()

    window.controller.model_ready.connect(ready)
    window.batch_finished.connect(finished)
    app.exec()
    window.close()
    return report


# --- the parent: fresh processes, figures -------------------------------------------------------


def run_child(mode: str, extra: list[str]) -> tuple[float, dict]:
    """Launch a child with an empty data folder; return its launch time and its report."""
    env = dict(os.environ)
    if (
        sys.platform.startswith("linux")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    ):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="pneumoscreen-bench-") as home:
        env["PNEUMOSCREEN_HOME"] = home
        launched = time.time()
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.gui_startup", "--child", mode, *extra],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
        )
    if output.returncode != 0:
        raise RuntimeError(f"The {mode} child failed ({output.returncode}):\n{output.stderr}")
    return launched, json.loads(output.stdout.strip().splitlines()[-1])


def measure_startup(runs: int) -> dict:
    shown, ready = [], []
    for _ in range(runs):
        launched, report = run_child("startup", [])
        shown.append(report["shown"] - launched)
        ready.append(report["ready"] - launched)
    return {"runs": runs, "shown_s": shown, "ready_s": ready}


def measure_memory(corpus: Path, count: int) -> dict:
    make_corpus(corpus, count, ("jpeg",))
    _, report = run_child("memory", ["--corpus", str(corpus), "--count", str(count)])
    samples = report["samples"] or [(report["rows"], report["rss_end"])]

    def rss_at(fraction: float) -> int:
        wanted = fraction * count
        return next((rss for rows, rss in samples if rows >= wanted), samples[-1][1])

    elapsed = report["batch_end"] - report["batch_start"]
    return {
        "files": count,
        "rows": report["rows"],
        "seconds": elapsed,
        "images_per_s": report["rows"] / elapsed if elapsed > 0 else 0.0,
        "rss_ready_mb": report["rss_ready"] / MB,
        "rss_10pct_mb": rss_at(0.1) / MB,
        "rss_50pct_mb": rss_at(0.5) / MB,
        "rss_end_mb": report["rss_end"] / MB,
        "peak_mb": report["peak"] / MB,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up measurements")
    parser.add_argument("--count", type=int, default=500, help="files in the memory batch")
    parser.add_argument("--corpus", type=Path, default=CACHE / f"radiographs-v{CORPUS_VERSION}")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", choices=("startup", "memory"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        files = corpus_files(args.corpus, args.count, "jpeg") if args.child == "memory" else []
        print(json.dumps(child(args.child, files)))
        return 0

    print(f"load average at start: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    figures = {"startup": measure_startup(args.runs)}
    shown, ready = figures["startup"]["shown_s"], figures["startup"]["ready_s"]
    print(
        f"start-up over {args.runs} runs (median, max): window shown "
        f"{statistics.median(shown):.2f} s, {max(shown):.2f} s; model ready "
        f"{statistics.median(ready):.2f} s, {max(ready):.2f} s"
    )
    if not args.skip_memory:
        memory = measure_memory(args.corpus, args.count)
        figures["memory"] = memory
        print(
            f"screening {memory['rows']} of {memory['files']} JPEGs (~4.8 MP) in the window: "
            f"{memory['seconds']:.1f} s, {memory['images_per_s']:.1f} images/s"
        )
        print(
            "RSS MB: model ready {rss_ready_mb:.0f}, at 10 % {rss_10pct_mb:.0f}, at 50 % "
            "{rss_50pct_mb:.0f}, at the end {rss_end_mb:.0f}; peak {peak_mb:.0f}; growth from "
            "10 % to the end {growth:+.0f}".format(
                growth=memory["rss_end_mb"] - memory["rss_10pct_mb"], **memory
            )
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
