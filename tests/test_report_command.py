"""`pneumoscreen report PATH... --pdf FILE`: pages from the log, honest exit statuses.

The files are screened for real first (`pneumoscreen screen`), so the report finds them under the
path the log stores; the report itself runs as its own process with no display at all, as on a
server or over ssh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from core import cli
from desktop import launcher
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (README, System packages)"
)


@pytest.fixture
def two_films(shared_data, tmp_path) -> list[Path]:
    """Two sample films copied into a folder of the test's own."""
    folder = tmp_path / "films"
    folder.mkdir()
    pneumonia = sorted((shared_data / "samples" / "PNEUMONIA").glob("*.png"))
    normal = sorted((shared_data / "samples" / "NORMAL").glob("*.png"))
    return [Path(shutil.copy(source, folder)) for source in (pneumonia[0], normal[0])]


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in out.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_two_screened_files_give_a_two_page_pdf_without_a_display(home, two_films, tmp_path):
    assert cli.main(["screen", *map(str, two_films)]) == 0
    pdf = tmp_path / "out" / "reports.pdf"
    pdf.parent.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(REPO)
    # Relative names, from the films' folder: found under the absolute path the log holds.
    names = [film.name for film in two_films]
    done = subprocess.run(
        [sys.executable, "-m", "desktop.launcher", "report", *names, "--pdf", str(pdf)],
        cwd=two_films[0].parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote 2 pages" in done.stderr
    assert pdf_pages(pdf) == 2
    for page, film in enumerate(two_films, start=1):
        text = page_text(pdf, page)
        assert film.name in text
        assert "Pneumonia score" in text
        assert "Screening aid, not a diagnosis" in text
    assert [p.name for p in pdf.parent.iterdir()] == ["reports.pdf"]  # no partial file left


def test_a_file_never_screened_is_said_and_nothing_is_written(home, tmp_path, capsys):
    never = tmp_path / "never.png"
    never.write_bytes(b"not screened")
    pdf = tmp_path / "out.pdf"
    assert launcher.main(["report", str(never), "--pdf", str(pdf)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"pneumoscreen: error: {never} was never screened, so there is nothing to report; "
        "screen it first with `pneumoscreen screen`. No PDF was written."
    ]
    assert not pdf.exists()


def test_usage_errors_exit_2(home, tmp_path, capsys):
    assert launcher.main(["report"]) == 2
    assert launcher.main(["report", str(tmp_path / "a.png")]) == 2  # no --pdf
    err = capsys.readouterr().err
    assert "pneumoscreen: error:" in err and "--pdf" in err
    film = tmp_path / "a.png"
    assert launcher.main(["report", str(film), "--pdf", str(film)]) == 2
    assert "one of the files to report on" in capsys.readouterr().err


def test_report_is_listed_in_the_help(capsys):
    assert launcher.main(["--help"]) == 0
    assert "report" in capsys.readouterr().out
