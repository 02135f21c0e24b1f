"""A decoder child holds only what its files need: pydicom is loaded for DICOM alone.

Every decode runs in a child process (core.isolated_decoder); each child's imports count against
the batch's memory, and pydicom with its plugins is about 40 MB of it.
"""

from __future__ import annotations

import subprocess
import sys

from corpora.bad_inputs import make_dataset
from corpora.dicom_files import radiograph_like, write
from tests.conftest import REPO

SAMPLES = REPO.parent / "shared" / "data" / "samples"

_DECODE_THEN_REPORT = """
import sys
from pathlib import Path
from core.image_reader import decode_image
path = Path(sys.argv[1])
decode_image(path.read_bytes(), path, 192)
print("pydicom" in sys.modules)
"""


def _loads_pydicom(path) -> bool:
    child = subprocess.run(
        [sys.executable, "-c", _DECODE_THEN_REPORT, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return child.stdout.strip() == "True"


def test_decoding_a_png_never_loads_pydicom():
    assert not _loads_pydicom(sorted(SAMPLES.glob("NORMAL/*.png"))[0])


def test_decoding_a_dicom_file_loads_it(tmp_path):
    assert _loads_pydicom(write(make_dataset(radiograph_like(256, 256)), tmp_path / "film.dcm"))
