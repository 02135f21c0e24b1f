"""How many single-byte changes to a compressed DICOM stream take the process down.

Usage (from the repository root):
    python -m benchmarks.dicom_fuzz [--bytes 160] [--decoder app|gdcm]

For each transfer syntax GDCM used to decode in-process (JPEG Baseline, JPEG Lossless SV1,
JPEG-LS Lossless, JPEG 2000 Lossless) it writes a small radiograph-like image (64 x 48; 8-bit for
JPEG Baseline, 12-bit otherwise), then one file per changed byte: each of the first `--bytes`
bytes of the compressed stream set to each of `VALUES` (160 x 7 = 1,120 files a syntax). The
files are read one after another by a driver process, restarted after the file that ended it:
- `--decoder app`: `core.image_reader.read_image`, as the app reads them;
- `--decoder gdcm`: pydicom with its GDCM plugin in-process, as the app read them before.
Printed per syntax: files that ended the process, and how the others came out.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from pydicom import uid

REPO = Path(__file__).resolve().parents[1]
SYNTAXES = (uid.JPEGBaseline8Bit, uid.JPEGLosslessSV1, uid.JPEGLSLossless, uid.JPEG2000Lossless)
#: The values each byte is set to: the extremes, small lengths, and bytes seen to crash GDCM.
VALUES = (0x00, 0x01, 0x07, 0x7F, 0x80, 0xDC, 0xFF)


def damaged_files(folder: Path, syntax: str, count: int) -> list[Path]:
    """The image in `syntax`, then one copy per (byte, value) of the stream's first `count`."""
    from corpora.dicom_files import small_compressed_image, with_byte_changed

    whole, start = small_compressed_image(folder / "whole.dcm", syntax)
    files = []
    for offset in range(count):
        for value in VALUES:
            if whole[start + offset] == value:
                value ^= 0x40  # a change, always: keep the count at bytes x values
            path = folder / f"{offset:03d}-{value:02x}.dcm"
            files.append(with_byte_changed(whole, start + offset, value, path))
    return files


def outcomes(files: list[Path], decoder: str) -> Counter[str]:
    """How each file came out; a driver that dies is counted against the file it was on."""
    counts: Counter[str] = Counter()
    done = 0
    while done < len(files):
        driver = subprocess.run(
            [sys.executable, "-m", "benchmarks.dicom_fuzz", "--drive", decoder],
            input="\n".join(map(str, files[done:])),
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        answers = driver.stdout.splitlines()
        counts.update(answers)
        done += len(answers)
        if driver.returncode != 0:
            counts["ended the process"] += 1
            done += 1
    return counts


def drive(decoder: str) -> None:
    """Read each file named on stdin; print one word for how it came out, flushed at once."""
    from pydicom.pixels import pixel_array

    from core.errors import UnreadableImage
    from core.image_reader import read_image
    from core.isolated_decoder import CRASHED_REASON, HUNG_REASON

    for line in sys.stdin:
        try:
            if decoder == "gdcm":
                pixel_array(line.strip(), index=0, decoding_plugin="gdcm")
            else:
                read_image(Path(line.strip()))
            answer = "decoded"
        except UnreadableImage as exc:
            reasons = {CRASHED_REASON: "error: decoder child crashed", HUNG_REASON: "error: hung"}
            answer = reasons.get(exc.reason, "error: refused")
        except Exception:
            answer = "error: raised"
        print(answer, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=160)
    parser.add_argument("--decoder", choices=("app", "gdcm"), default="app")
    parser.add_argument("--drive", choices=("app", "gdcm"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.drive:
        drive(args.drive)
        return 0
    print(f"decoder: {args.decoder}; {args.bytes} bytes x {len(VALUES)} values a syntax")
    for syntax in SYNTAXES:
        with tempfile.TemporaryDirectory(prefix="dicom-fuzz-") as scratch:
            files = damaged_files(Path(scratch), syntax, args.bytes)
            counts = outcomes(files, args.decoder)
        detail = ", ".join(f"{what} {n}" for what, n in sorted(counts.items()))
        crashed = counts["ended the process"]
        print(f"{uid.UID(syntax).name}: {crashed} of {len(files)} ended the process ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
