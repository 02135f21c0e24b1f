"""`screen --csv` and `export --csv` never destroy data, and a CSV that cannot be written is
found before the batch is screened (issue 14, section 3)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from core import cli
from core.paths import result_log_path
from core.result_log import ResultLog
from tests.media_mounts import read_only_folder

pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


@pytest.fixture
def xrays(shared_data, tmp_path) -> Path:
    """A folder of three real radiographs."""
    folder = tmp_path / "xrays"
    folder.mkdir()
    for sample in sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[:3]:
        shutil.copy(sample, folder / sample.name)
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def logged_count() -> int:
    if not result_log_path().exists():
        return 0
    with ResultLog(result_log_path()) as log:
        return log.count()


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("pneumoscreen: error: "), err
    assert "Traceback" not in err[0] and "Errno" not in err[0]
    return err[0]


def test_a_csv_named_like_an_input_file_is_refused_and_the_xray_is_kept(xrays, capsys):
    xray = sorted(xrays.iterdir())[0]
    before = digest(xray)
    assert cli.main(["screen", str(xray), "--csv", str(xray)]) == 2
    assert str(xray) in one_error_line(capsys)
    assert digest(xray) == before
    assert logged_count() == 0  # refused before anything was screened


def test_a_csv_named_like_a_file_inside_an_input_folder_is_refused(xrays, capsys):
    xray = sorted(xrays.iterdir())[1]
    before = digest(xray)
    assert cli.main(["screen", str(xrays), "--csv", str(xray)]) == 2
    assert "replace" in one_error_line(capsys)
    assert digest(xray) == before and logged_count() == 0


def test_export_over_the_result_log_is_refused_and_the_log_keeps_working(
    xrays, tmp_path, capsys, home
):
    assert cli.main(["screen", str(xrays)]) == 0
    log_file = home / "results.sqlite3"
    capsys.readouterr()
    assert cli.main(["export", "--csv", str(log_file)]) == 2
    assert "data folder" in one_error_line(capsys)
    assert logged_count() == 3
    assert cli.main(["export", "--csv", str(tmp_path / "fine.csv")]) == 0


@pytest.mark.parametrize("name", ["results.sqlite3", "settings.ini", "day.csv"])
def test_screen_with_a_csv_in_the_data_folder_is_refused(xrays, capsys, home, name):
    home.mkdir()
    assert cli.main(["screen", str(xrays), "--csv", str(home / name)]) == 2
    assert "data folder" in one_error_line(capsys)
    assert not (home / "day.csv").exists() and logged_count() == 0


def test_export_over_an_image_of_the_logged_rows_is_refused(xrays, capsys):
    assert cli.main(["screen", str(xrays)]) == 0
    xray = sorted(xrays.iterdir())[2]
    before = digest(xray)
    capsys.readouterr()
    assert cli.main(["export", "--csv", str(xray)]) == 2
    assert "replace" in one_error_line(capsys)
    assert digest(xray) == before


def test_a_csv_that_is_a_folder_is_refused(xrays, tmp_path, capsys):
    assert cli.main(["screen", str(xrays), "--csv", str(tmp_path)]) == 2
    assert "is a folder" in one_error_line(capsys)
    assert cli.main(["export", "--csv", str(tmp_path)]) == 2
    assert "is a folder" in one_error_line(capsys)
    assert logged_count() == 0


def test_a_csv_in_a_missing_folder_is_refused_before_screening_naming_the_path_given(
    xrays, tmp_path, capsys
):
    given = tmp_path / "no-such-folder" / "day.csv"
    assert cli.main(["screen", str(xrays), "--csv", str(given)]) == 2
    line = one_error_line(capsys)
    assert str(given) in line and ".tmp" not in line
    assert logged_count() == 0  # found before the batch, not after it


def test_a_csv_in_a_read_only_folder_is_refused_before_screening(xrays, tmp_path, capsys):
    with read_only_folder(tmp_path / "locked-usb", lambda folder: None) as folder:
        given = folder / "day.csv"
        assert cli.main(["screen", str(xrays), "--csv", str(given)]) == 2
    line = one_error_line(capsys)
    assert str(given) in line and "cannot be written to" in line
    assert logged_count() == 0
