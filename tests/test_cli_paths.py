"""Odd paths on the command line: an empty one is a usage error, and a name longer than the system
allows gets its own error row while every other file gets its row (issue 14, section 4)."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from core import cli
from core.paths import result_log_path
from core.result_log import ResultLog

pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


@pytest.fixture
def xray(shared_data, tmp_path) -> Path:
    path = tmp_path / "good.png"
    shutil.copy(sorted((shared_data / "samples" / "NORMAL").glob("*.png"))[0], path)
    return path


def rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return {Path(row["file"]).name: row for row in csv.DictReader(stream)}


def nothing_logged() -> bool:
    return not result_log_path().exists()


@pytest.mark.parametrize("argv", [["screen", ""], ["screen", "  "], ["screen", "x.png", ""]])
def test_an_empty_path_is_a_usage_error_not_the_current_folder(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # were "" the current folder, this folder would be screened
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("pneumoscreen: error: ")
    assert "empty path" in err[0]
    assert nothing_logged()


@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "2025-02-30", "20250314"])
def test_a_bad_since_date_says_the_expected_form_and_names_the_value(value, capsys, tmp_path):
    assert cli.main(["export", "--csv", str(tmp_path / "out.csv"), "--since", value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("pneumoscreen: error: ")
    assert "expected" in err[0] and "YYYY-MM-DD" in err[0] and repr(value) in err[0]
    assert "fromisoformat" not in err[0]


def test_a_name_longer_than_the_system_allows_gets_an_error_row_and_the_rest_are_screened(
    xray, tmp_path
):
    too_long = tmp_path / ("scan-" + "x" * 300 + ".png")
    out = tmp_path / "run.csv"
    assert cli.main(["screen", str(xray), str(too_long), "--csv", str(out)]) == 0
    found = rows(out)
    assert set(found) == {xray.name, too_long.name}  # the good file got its row too
    assert found[too_long.name]["status"] == "error"
    assert "longer than the system allows" in found[too_long.name]["reason"]
    assert found[too_long.name]["reason_code"] == "name_too_long"
    with ResultLog(result_log_path()) as log:
        assert log.count() == 2


def deep_file(top: Path, payload: bytes) -> str:
    """A file under `top` whose full path is longer than PATH_MAX (4096 on Linux): only reachable
    folder by folder, by descriptor."""
    descriptor = os.open(top, os.O_RDONLY)
    try:
        for level in range(24):
            name = f"{level:02d}-" + "d" * 200
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        handle = os.open("deep.png", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(handle, payload)
        os.close(handle)
    finally:
        os.close(descriptor)
    return "deep.png"


@pytest.mark.skipif(os.name != "posix", reason="PATH_MAX and descriptor-relative folders: POSIX")
def test_a_file_too_deep_to_name_gets_its_own_error_row_and_its_neighbours_theirs(xray, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    shutil.copy(xray, folder / "a-good.png")
    deep = deep_file(folder, xray.read_bytes())
    out = tmp_path / "run.csv"
    assert cli.main(["screen", str(folder), "--csv", str(out)]) == 0
    found = rows(out)
    assert set(found) == {"a-good.png", deep}
    assert found[deep]["status"] == "error"
    assert "longer than the system allows" in found[deep]["reason"]
    assert found[deep]["reason_code"] == "name_too_long"
