"""Dropped files and folders become the list of files to screen."""

import os

import pytest

from core.file_walk import expand_paths


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    for name in ("b/deeper/3.dcm", "b/2.png", "a.jpg"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == [
        "a.jpg",
        "b/2.png",
        "b/deeper/3.dcm",
    ]


def test_hidden_files_inside_folders_are_skipped_but_named_files_are_kept(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "scan.png").write_bytes(b"x")
    assert [p.name for p in expand_paths([tmp_path])] == ["scan.png"]
    assert [p.name for p in expand_paths([tmp_path / ".DS_Store"])] == [".DS_Store"]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_loop_ends(tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "1.png").write_bytes(b"x")
    (tmp_path / "scans" / "loop").symlink_to(tmp_path)
    assert [p.name for p in expand_paths([tmp_path])] == ["1.png"]


def test_missing_paths_are_passed_on_to_be_reported(tmp_path):
    assert list(expand_paths([tmp_path / "gone.jpg"])) == [tmp_path / "gone.jpg"]


def test_relative_paths_become_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.png").write_bytes(b"x")
    assert list(expand_paths([tmp_path.joinpath("x.png").relative_to(tmp_path)])) == [
        tmp_path / "x.png"
    ]


def test_a_name_longer_than_the_system_allows_is_passed_on_not_raised(tmp_path):
    too_long = tmp_path / ("x" * 300 + ".png")
    (tmp_path / "ok.png").write_bytes(b"x")
    assert list(expand_paths([too_long, tmp_path / "ok.png"])) == [too_long, tmp_path / "ok.png"]


@pytest.mark.skipif(os.name != "posix", reason="PATH_MAX and descriptor-relative folders: POSIX")
def test_a_file_deeper_than_the_longest_path_is_still_listed(tmp_path):
    descriptor = os.open(tmp_path, os.O_RDONLY)
    names = [f"{level:02d}-" + "d" * 200 for level in range(24)]  # about 4,900 characters
    for name in names:
        os.mkdir(name, dir_fd=descriptor)
        inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
        os.close(descriptor)
        descriptor = inner
    os.close(os.open("deep.png", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor))
    os.close(descriptor)
    (tmp_path / "shallow.png").write_bytes(b"x")
    assert list(expand_paths([tmp_path])) == [
        tmp_path.joinpath(*names, "deep.png"),
        tmp_path / "shallow.png",
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_a_folder_that_may_not_be_entered_is_passed_on_as_one_path(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert list(expand_paths([tmp_path])) == [locked]
    finally:
        locked.chmod(0o755)
