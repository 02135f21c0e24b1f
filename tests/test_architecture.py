"""Data flows one way: the engine imports neither Qt nor TensorFlow."""

import subprocess
import sys

from tests.conftest import REPO


def test_importing_every_core_module_loads_no_qt_and_no_tensorflow():
    modules = sorted(p.stem for p in (REPO / "core").glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        + "".join(f"import core.{name}\n" for name in modules)
        + "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'tensorflow', 'keras', 'training', 'desktop')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == ""
