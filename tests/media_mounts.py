"""Disks that are full or read-only, made for a test: a tiny tmpfs where the tests run as root
(as in CI), file modes otherwise. Used by the output-safety and plain-error tests."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = os.name == "posix" and os.geteuid() == 0


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A RAM disk of `size` ("64k", "16m") at `folder`; skips the test where none can be made."""
    if not IS_ROOT:
        pytest.skip("mounting a small disk needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextlib.contextmanager
def read_only_folder(folder: Path, fill) -> Iterator[Path]:
    """`folder`, filled by `fill(folder)`, then made read-only: remounted read-only as root (a
    CD, a locked USB stick), its files and itself without write permission otherwise."""
    if IS_ROOT:
        with tmpfs(folder, "16m"):
            fill(folder)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder
        return
    folder.mkdir(parents=True, exist_ok=True)
    fill(folder)
    modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))
