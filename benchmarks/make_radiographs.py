"""A corpus of realistic, all-different radiograph files for the throughput benchmark.

Usage: python -m benchmarks.make_radiographs OUT_DIR [--count 500] [--kinds jpeg dicom]

The 24 shared samples are ~256-pixel PNGs; clinics screen ~2000 x 2400 radiographs, whose decoding
dominates the cost of a screening. So each file is a sample upscaled (bicubic) to about 4.8
megapixels, keeping its aspect, and saved as a quality-90 JPEG and as a 16-bit DICOM (12 bits
stored, MONOCHROME2, uncompressed Explicit VR Little Endian) - the two forms files arrive in.

Every file differs from every other (a brightness offset, a +-3% size change and noise, all seeded
by the file's index): the engine keys its result cache by sha256, and identical files would be
served from the cache instead of being screened. The noise also gives the JPEGs a realistic size
(~0.7 MB): an upscaled 256-pixel image alone compresses several times better than a real
radiograph, and JPEG decoding time follows the compressed size.

Generation is deterministic and cached on disk: files already present are not written again, so
the benchmark measures screening, not generation.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image
from pydicom import uid
from pydicom.dataset import Dataset, FileMetaDataset

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "samples"
KINDS = ("jpeg", "dicom")
SUFFIXES = {"jpeg": ".jpg", "dicom": ".dcm"}
#: Bumped whenever the generated pixels or headers change, so a stale cache is never reused.
CORPUS_VERSION = "1"

TARGET_PIXELS = 2000 * 2400
SIZE_JITTER = 0.03  # +-3% on each side
BRIGHTNESS_OFFSET = 6  # +-6 grey levels (8-bit scale)
NOISE_SIGMA = 3.0  # grey levels (8-bit scale); quantum mottle, and realistic JPEG sizes
JPEG_QUALITY = 90
DICOM_BITS_STORED = 12


def corpus_files(out_dir: Path, count: int, kind: str) -> list[Path]:
    """The paths of the first `count` files of `kind`, whether or not they exist yet.

    Separate from `make_corpus` so that the benchmark's child processes can list the files
    without touching the samples or the disk.
    """
    if kind not in SUFFIXES:
        raise ValueError(f"kind must be one of {KINDS}. Received: {kind!r}")
    return [Path(out_dir) / kind / f"{index:05d}{SUFFIXES[kind]}" for index in range(count)]


def make_corpus(
    out_dir: Path, count: int = 500, kinds: Sequence[str] = KINDS
) -> dict[str, list[Path]]:
    """Write whatever of the first `count` files of each kind is missing; return every path."""
    files = {kind: corpus_files(out_dir, count, kind) for kind in kinds}
    missing = [i for i in range(count) if any(not files[k][i].exists() for k in kinds)]
    if missing:
        samples = load_samples()
        for done, index in enumerate(missing, start=1):
            pixels = radiograph(samples[index % len(samples)], index)
            for kind in kinds:
                if not files[kind][index].exists():
                    _write_atomically(files[kind][index], kind, pixels, index)
            if done % 50 == 0 or done == len(missing):
                print(f"generated {done}/{len(missing)} radiographs", file=sys.stderr)
    return files


def load_samples(folder: Path = SAMPLES) -> list[Image.Image]:
    """The shared samples as 8-bit grayscale, in a fixed order (NORMAL, then PNEUMONIA)."""
    paths = sorted(folder.glob("*/*.png"))
    if not paths:
        raise FileNotFoundError(f"No sample PNGs under {folder}/*/. Received: an empty folder")
    return [Image.open(path).convert("L") for path in paths]


def radiograph(sample: Image.Image, index: int) -> np.ndarray:
    """`sample` upscaled to about `TARGET_PIXELS`, varied by `index`: float32, 0-255 scale."""
    rng = np.random.default_rng([int(CORPUS_VERSION), index])
    width, height = sample.size
    scale = math.sqrt(TARGET_PIXELS / (width * height))
    jitter = rng.uniform(1 - SIZE_JITTER, 1 + SIZE_JITTER, size=2)
    size = (round(width * scale * jitter[0]), round(height * scale * jitter[1]))
    pixels = np.asarray(sample.resize(size, Image.Resampling.BICUBIC), dtype=np.float32)
    pixels = pixels + rng.integers(-BRIGHTNESS_OFFSET, BRIGHTNESS_OFFSET + 1)
    return pixels + NOISE_SIGMA * rng.standard_normal(pixels.shape, dtype=np.float32)


def _write_atomically(path: Path, kind: str, pixels: np.ndarray, index: int) -> None:
    """Write to a side file, then rename: an interrupted run leaves no half file to reuse."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    if kind == "jpeg":
        write_jpeg(partial, pixels)
    else:
        write_dicom(partial, pixels, index)
    os.replace(partial, path)


def write_jpeg(path: Path, pixels: np.ndarray) -> None:
    """8-bit grayscale JPEG at quality 90, as scanners and PACS exports commonly write."""
    gray = np.clip(np.rint(pixels), 0, 255).astype(np.uint8)
    Image.fromarray(gray).save(path, format="JPEG", quality=JPEG_QUALITY)


def write_dicom(path: Path, pixels: np.ndarray, index: int) -> None:
    """A DX image as an X-ray unit writes it: 12 bits stored in 16, rescale and window given."""
    top = (1 << DICOM_BITS_STORED) - 1
    values = np.clip(np.rint(pixels * (top / 255.0)), 0, top).astype(np.uint16)
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.SOPClassUID = uid.DigitalXRayImageStorageForPresentation
    ds.SOPInstanceUID = _uid(index, "instance")
    ds.StudyInstanceUID = _uid(index, "study")
    ds.SeriesInstanceUID = _uid(index, "series")
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = f"BENCH{index:05d}"
    ds.PatientName = "Benchmark^Synthetic"
    ds.StudyDate = (datetime.date(2024, 1, 1) + datetime.timedelta(days=index % 365)).strftime(
        "%Y%m%d"
    )
    ds.Modality = "DX"
    ds.ViewPosition = "PA"
    ds.set_pixel_data(values, "MONOCHROME2", DICOM_BITS_STORED)
    ds.RescaleIntercept = 0
    ds.RescaleSlope = 1
    ds.RescaleType = "US"
    ds.WindowCenter = (top + 1) // 2
    ds.WindowWidth = top + 1
    ds.file_meta.TransferSyntaxUID = uid.ExplicitVRLittleEndian
    ds.save_as(path, enforce_file_format=True)


def _uid(index: int, role: str) -> str:
    """A UID derived from the file's index, so regenerating a file gives the same bytes."""
    return uid.generate_uid(entropy_srcs=["pneumoscreen-bench", CORPUS_VERSION, role, str(index)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = parser.parse_args(argv)
    files = make_corpus(args.out_dir, args.count, args.kinds)
    for kind, paths in files.items():
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"{kind}: {len(paths)} files, {megabytes:,.0f} MB in {args.out_dir / kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
