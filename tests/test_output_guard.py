"""A CSV is never written over an X-ray, the result log or a folder, and a destination that cannot
be written is found before any work is done, in words that name the path the user gave."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from core.errors import ScreeningError
from core.output_guard import CsvDestinationError, check_csv_destination
from tests.media_mounts import read_only_folder


@pytest.fixture
def data_folder(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "results.sqlite3").write_bytes(b"the log")
    return folder


@pytest.fixture
def xray(tmp_path) -> Path:
    path = tmp_path / "xrays" / "child-17.png"
    path.parent.mkdir()
    path.write_bytes(b"\x89PNG pixels")
    return path


def refused(destination, sources, data_folder) -> str:
    with pytest.raises(CsvDestinationError) as caught:
        check_csv_destination(destination, sources, data_folder)
    return str(caught.value)


def test_a_new_file_in_a_writable_folder_is_accepted_and_nothing_is_left_behind(
    tmp_path, data_folder, xray
):
    target = tmp_path / "out" / "day.csv"
    target.parent.mkdir()
    assert check_csv_destination(str(target), [xray], data_folder) == target
    assert list(target.parent.iterdir()) == []


def test_an_older_export_may_be_replaced(tmp_path, data_folder, xray):
    older = tmp_path / "day.csv"
    older.write_text("older export")
    assert check_csv_destination(older, [xray], data_folder) == older


def test_one_of_the_images_is_refused(data_folder, xray):
    message = refused(xray, [xray], data_folder)
    assert str(xray) in message and "replace" in message


def test_an_image_named_another_way_is_refused(tmp_path, data_folder, xray, monkeypatch):
    monkeypatch.chdir(xray.parent)
    assert "replace" in refused("child-17.png", [xray], data_folder)  # relative
    assert "replace" in refused(xray.parent / ".." / "xrays" / xray.name, [xray], data_folder)


@pytest.mark.skipif(sys.platform == "win32", reason="links need privileges on Windows")
def test_an_image_reached_through_a_link_is_refused(tmp_path, data_folder, xray):
    (tmp_path / "linked").symlink_to(xray.parent, target_is_directory=True)
    assert "replace" in refused(tmp_path / "linked" / xray.name, [xray], data_folder)
    os.link(xray, tmp_path / "hard-link.png")
    assert "replace" in refused(tmp_path / "hard-link.png", [xray], data_folder)


def test_a_missing_image_that_would_be_created_by_the_export_is_refused(tmp_path, data_folder):
    missing = tmp_path / "not-yet-copied.png"
    assert "replace" in refused(missing, [missing], data_folder)


@pytest.mark.parametrize(
    "inside", ["results.sqlite3", "results.sqlite3-wal", "settings.ini", "export.csv", "."]
)
def test_anything_in_the_data_folder_is_refused(data_folder, inside):
    message = refused(data_folder / inside, [], data_folder)
    assert "data folder" in message and "result log" in message


def test_a_folder_is_refused_with_a_file_name_to_use_instead(tmp_path, data_folder):
    (tmp_path / "exports").mkdir()
    message = refused(tmp_path / "exports", [], data_folder)
    assert "is a folder" in message and str(tmp_path / "exports" / "results.csv") in message
    assert "is a folder" in refused(f"{tmp_path / 'not-yet'}{os.sep}", [], data_folder)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX device")
def test_a_device_is_refused(data_folder):
    assert "not an ordinary file" in refused("/dev/null", [], data_folder)


def test_a_missing_folder_is_named_and_no_temporary_file_is(tmp_path, data_folder):
    given = tmp_path / "gone" / "day.csv"
    message = refused(given, [], data_folder)
    assert message.startswith(f"Cannot write the CSV file {given}:")
    assert f"the folder {given.parent} does not exist" in message
    assert ".tmp" not in message


def test_a_path_through_a_file_is_refused(tmp_path, data_folder, xray):
    assert f"{xray} is not a folder" in refused(xray / "day.csv", [], data_folder)


def test_a_name_longer_than_the_system_allows_is_refused(tmp_path, data_folder):
    message = refused(tmp_path / ("d" * 300 + ".csv"), [], data_folder)
    assert "longer than the system allows" in message


def test_a_read_only_folder_is_refused_before_anything_is_written(tmp_path, data_folder):
    with read_only_folder(tmp_path / "cdrom", lambda folder: None) as folder:
        message = refused(folder / "day.csv", [], data_folder)
    assert f"the folder {folder} cannot be written to" in message


def test_an_empty_name_is_refused(data_folder):
    assert "no file name" in refused("", [], data_folder)


def test_the_refusal_is_a_screening_error_that_names_the_destination(tmp_path, data_folder):
    with pytest.raises(CsvDestinationError) as caught:
        check_csv_destination(tmp_path / "gone" / "x.csv", [], data_folder)
    assert isinstance(caught.value, ScreeningError)
    assert caught.value.destination == tmp_path / "gone" / "x.csv"
