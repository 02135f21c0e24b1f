"""`make translations`: the translators' files refreshed from the source, then compiled for the app.

Usage (from the repository root):
    .venv/bin/python -m scripts.translations

1. `pyside6-lupdate` reads every `desktop/*.py` and updates the template
   (`resources/translations/pneumoscreen.ts`) and each language's `pneumoscreen_<lang>.ts`: a new
   text appears unfinished, a text no longer in the source goes (`-no-obsolete`), translations
   of unchanged texts stay.
2. `pyside6-lrelease` compiles each `pneumoscreen_<lang>.ts` into `pneumoscreen_<lang>.qm`, the
   file the window loads. Unfinished translations are left out (the English text shows), so a
   draft never reaches a clinic unmarked. The `.qm` files are committed: a fresh clone's
   `make run` speaks every language without a build step, and `tests/test_translations.py`
   fails when one is older than its `.ts`.

Both tools ship with PySide6 (no download, no Qt installation).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "desktop"
TRANSLATIONS = REPO / "resources" / "translations"
TEMPLATE = TRANSLATIONS / "pneumoscreen.ts"


def tool(name: str) -> str:
    """The PySide6 tool `name` ("lupdate", "lrelease") of this Python environment.

    Raises:
        FileNotFoundError: PySide6's tools are not installed beside this Python.
    """
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        found = shutil.which(f"pyside6-{name}", path=folder)
        if found:
            return found
    raise FileNotFoundError(
        f"pyside6-{name} is not beside {sys.executable}; install PySide6 (`make test` does)."
    )


def source_files(folder: Path = SOURCES) -> list[Path]:
    """Every module of the window, the only code with texts a user reads in the window."""
    return sorted(folder.glob("*.py"))


def language_files(folder: Path = TRANSLATIONS) -> list[Path]:
    """Each language's translation file, `pneumoscreen_<lang>.ts`."""
    return sorted(folder.glob("pneumoscreen_*.ts"))


def compiled_file(ts_file: Path) -> Path:
    """The `.qm` the window loads for `ts_file`, beside it."""
    return ts_file.with_suffix(".qm")


def update(ts_files: Sequence[Path], sources: Sequence[Path], locations: str = "relative") -> None:
    """Bring `ts_files` up to date with the texts in `sources` (lupdate, no obsolete entries)."""
    subprocess.run(
        [
            tool("lupdate"),
            *map(str, sources),
            "-no-obsolete",
            "-locations",
            locations,
            "-ts",
            *map(str, ts_files),
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def release(ts_file: Path, qm_file: Path) -> None:
    """Compile `ts_file` into `qm_file`, finished translations only."""
    subprocess.run(
        [tool("lrelease"), "-nounfinished", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
        text=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    languages = language_files()
    update([TEMPLATE, *languages], source_files())
    print(f"updated {TEMPLATE.relative_to(REPO)} and {len(languages)} language file(s)")
    for ts_file in languages:
        release(ts_file, compiled_file(ts_file))
        print(f"wrote {compiled_file(ts_file).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
