"""Peak memory of one `pneumoscreen screen` over a hostile mix of files (issue 14, section 5).

Usage (from the repository root):
    python -m benchmarks.peak_memory [--workers 2] [--keep DIR]

Builds, in a temporary folder, the files that cost the most memory to decode, several of each
so that both decoder children meet a costly file at once, and ordinary radiographs between them:
- four 16-bit RGBA PNGs of 9999 x 9999 zeros (777 kB each; 1.7 GB each to decode before);
- large images that decode, two in a row, each taking 100-180 MB to decode, so that two of them
  at once would pass the shared budget (`DECODE_BUDGET_BYTES`): a 4300 x 4300 16-bit grayscale
  PNG, 4300 x 4300 8-bit RGB and RGBA PNGs (colour scans of a film), a 3400 x 3400 float TIFF,
  a 4600 x 4600 8-bit BMP; and a 4000 x 3000 photo JPEG, baseline and progressive;
- files just under the file size limit (`MAX_FILE_BYTES`): uncompressed BMPs, two in a row;
- a progressive JPEG with 20,000 extra scans, and a JPEG with garbled data.
Then it screens the folder with the command line in a fresh data folder, under `/usr/bin/time -v`
(`apt-get install time` where it is missing), while sampling the summed resident memory of the
whole process tree (the command line and its decoder children) every 20 ms from /proc. Printed:
- `/usr/bin/time -v` "Maximum resident set size": the largest of the processes (Linux reports
  the peak of the biggest descendant, not a sum);
- the sampled peak of the sum of RSS over the tree (shared library pages are counted once per
  process that maps them, so this overstates what the machine had to find), and of PSS (shared
  pages divided among their processes: what the tree took);
- the summary line of the command line, and its exit status.
Linux only (/proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from PIL import Image

from core.file_bytes import MAX_FILE_BYTES
from corpora.bad_inputs import (
    deep_rgba_png,
    encoded,
    jpeg_with_garbled_lower_half,
    load_xray,
    progressive_jpeg_with_extra_scans,
)

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
TARGET_MB = 600.0
SAMPLE_EVERY_S = 0.02


def build_mix(folder: Path, xray: np.ndarray) -> list[str]:
    """Write the hostile mix into `folder`; returns the names in screening order."""
    rng = np.random.default_rng(14)
    big = np.asarray(Image.fromarray(xray).resize((4300, 4300), Image.Resampling.BICUBIC))
    noisy = np.clip(big.astype(np.int16) + rng.integers(-4, 5, big.shape), 0, 255)
    deep = (noisy.astype(np.uint16) * 16 + rng.integers(0, 16, big.shape)).astype(np.uint16)
    colour = np.stack([noisy, noisy * 0.9, noisy * 0.8], axis=-1).astype(np.uint8)
    photo = np.asarray(Image.fromarray(colour).resize((4000, 3000)))
    gray = Image.fromarray(noisy.astype(np.uint8)).resize((4600, 4600))
    side = int((MAX_FILE_BYTES * 0.97) ** 0.5) // 4 * 4  # an 8-bit BMP just under the limit
    files: dict[str, bytes] = {}
    for index in range(4):
        files[f"a{index}-deep-rgba-9999.png"] = deep_rgba_png(9999, 9999, str(index).encode())
        files[f"a{index}-sample.png"] = encoded(xray[:, index:], "PNG")
    files["b0-gray16-4300.png"] = encoded(Image.fromarray(deep), "PNG")
    files["b1-gray16-4300.png"] = encoded(Image.fromarray(deep[::-1]), "PNG")
    files["c0-rgb-4300.png"] = encoded(colour, "PNG")
    files["c1-rgb-4300.png"] = encoded(colour[::-1], "PNG")
    alpha = np.full(big.shape, 255, dtype=np.uint8)
    files["c2-rgba-4300.png"] = encoded(np.dstack([colour, alpha]), "PNG")
    files["c3-rgba-4300.png"] = encoded(np.dstack([colour[::-1], alpha]), "PNG")
    files["d0-float-3400.tif"] = encoded(Image.fromarray(deep[:3400, :3400] * 1.0), "TIFF")
    files["d1-float-3400.tif"] = encoded(Image.fromarray(deep[-3400:, -3400:] * 1.0), "TIFF")
    files["e0-photo-4000x3000.jpg"] = encoded(photo, "JPEG", quality=92)
    files["e1-photo-progressive.jpg"] = encoded(photo, "JPEG", quality=92, progressive=True)
    for index in range(2):
        files[f"f{index}-gray-4600.bmp"] = encoded(gray.rotate(90 * index), "BMP")
        files[f"h{index}-gray-{side}.bmp"] = encoded(
            rng.integers(0, 256, (side, side), dtype=np.uint8), "BMP"
        )
    files["g0-20000-scans.jpg"] = progressive_jpeg_with_extra_scans(big, 20_000)
    files["g1-garbled.jpg"] = jpeg_with_garbled_lower_half(big)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return sorted(files)


def tree_memory(root: int) -> dict[int, tuple[int, int]]:
    """Resident (RSS) and proportional (PSS: shared pages divided among the processes that share
    them) bytes of `root` and each of its descendants, by process id, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    memory: dict[int, tuple[int, int]] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        memory[pid] = (_kilobytes(rollup, "Rss") * 1024, _kilobytes(rollup, "Pss") * 1024)
    return memory


def _kilobytes(rollup: str, field: str) -> int:
    found = re.search(rf"^{field}:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(found.group(1)) if found else 0


def screen_measured(folder: Path, home: Path, workers: int) -> dict[str, object]:
    """Screen `folder` under /usr/bin/time -v, sampling the tree's summed RSS meanwhile."""
    time_binary = shutil.which("time") or "/usr/bin/time"
    command = [time_binary, "-v", sys.executable, "-m", "core.cli", "screen", str(folder)]
    command += ["--workers", str(workers)]
    env = {**os.environ, "PNEUMOSCREEN_HOME": str(home)}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0, 0]
    at_peak: list[int] = []

    def sample() -> None:
        while process.poll() is None:
            memory = tree_memory(process.pid)
            rss = sum(value[0] for value in memory.values())
            if rss > peak[0]:
                at_peak[:] = sorted((value[0] for value in memory.values()), reverse=True)
            peak[0] = max(peak[0], rss)
            peak[1] = max(peak[1], sum(value[1] for value in memory.values()))
            time.sleep(SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    sampler.join()
    elapsed = time.perf_counter() - started
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    summary = [line for line in stderr.splitlines() if " files: " in line]
    return {
        "exit_status": process.returncode,
        "time_max_rss_mb": int(found.group(1)) * 1024 / 1e6 if found else float("nan"),
        "tree_peak_mb": peak[0] / 1e6,
        "tree_pss_peak_mb": peak[1] / 1e6,
        "processes_at_peak_mb": [round(rss / 1e6) for rss in at_peak],
        "summary": summary[-1].strip() if summary else stderr[-2000:],
        "seconds": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the mix here and keep it")
    args = parser.parse_args(argv)
    if not Path("/proc/self/status").exists():
        print("peak_memory: needs Linux (/proc)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="peak-memory-") as scratch:
        folder = args.keep or Path(scratch) / "mix"
        folder.mkdir(parents=True, exist_ok=True)
        names = build_mix(folder, load_xray(SHARED_DATA))
        sizes = sum((folder / name).stat().st_size for name in names)
        print(f"{len(names)} files, {sizes / 1e6:.1f} MB, {args.workers} workers")
        figures = screen_measured(folder, Path(scratch) / "home", args.workers)
    print(f"screen: {figures['summary']} (exit status {figures['exit_status']})")
    print(f"/usr/bin/time -v maximum resident set size: {figures['time_max_rss_mb']:.0f} MB")
    print(
        f"sampled peak of the process tree's summed RSS: {figures['tree_peak_mb']:.0f} MB "
        f"(each process then, MB: {figures['processes_at_peak_mb']})"
    )
    print(f"sampled peak of the process tree's summed PSS: {figures['tree_pss_peak_mb']:.0f} MB")
    met = figures["tree_peak_mb"] <= TARGET_MB
    print(f"target <= {TARGET_MB:.0f} MB for the whole tree: {'met' if met else 'NOT met'}")
    return 0 if figures["exit_status"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
