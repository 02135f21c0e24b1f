"""Peak memory of reading a deflated DICOM bomb, against the floor of merely importing the reader.

Usage (from the repository root):
    python -m benchmarks.dicom_bomb_memory [--zeros-mb 2200]

Writes a Deflated Explicit VR Little Endian file declaring a 1000 x 1000 image whose pixel data
element holds `--zeros-mb` MB of zeros (about a thousandth of that on disk), then reads it in a
fresh interpreter with `core.image_reader.read_image` (min_side 224, as the screener does) and
prints that process tree's peak resident memory (as `/usr/bin/time -v` reports it), the outcome,
and the time taken. Before the bound (issue 14), pydicom inflated the whole data set first.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_READ = """
import sys
from core.errors import UnreadableImage
from core.image_reader import read_image
if __name__ == "__main__":
    if sys.argv[1] != "--import-only":
        try:
            image = read_image(sys.argv[1], 224)
            print("decoded", image.pixels.shape)
        except UnreadableImage as error:
            print("refused:", error.reason)
"""


def peak_of_child(argument: str) -> tuple[float, float, str]:
    """(peak resident MB, seconds, what it printed) of one fresh interpreter running `_READ`."""
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-c", _READ, argument], cwd=REPO, capture_output=True, text=True
    )
    seconds = time.monotonic() - started
    # ru_maxrss: the largest of the children waited for so far (and their own children); this
    # is the only child, run after any smaller one, so it is its peak. Kilobytes on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return peak_mb, seconds, (child.stdout.strip() or child.stderr.strip()[-300:])


def main(argv: list[str] | None = None) -> int:
    from corpora.dicom_files import write_deflated_bomb

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zeros-mb", type=int, default=2200)
    args = parser.parse_args(argv)
    floor_mb, _, _ = peak_of_child("--import-only")
    with tempfile.TemporaryDirectory(prefix="dicom-bomb-") as scratch:
        bomb = write_deflated_bomb(Path(scratch) / "bomb.dcm", args.zeros_mb * 2**20, 1000, 1000)
        size_mb = bomb.stat().st_size / 2**20
        peak_mb, seconds, said = peak_of_child(str(bomb))
    print(f"bomb: {size_mb:.1f} MB on disk, {args.zeros_mb} MB of zeros inflated")
    print(f"importing the reader: peak {floor_mb:.0f} MB")
    print(f"reading the bomb: peak {peak_mb:.0f} MB, {seconds:.1f} s; {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
