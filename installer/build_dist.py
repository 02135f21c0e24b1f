"""`make dist`: the one-folder bundle, then the archives a clinic installs from.

Usage (from the repository root):
    .venv/bin/python -m installer.build_dist [--dist dist] [--work build] [--bundle-only]

Writes into `--dist`:
    PneumoScreen/                                  the bundle (PyInstaller, build.spec)
    PneumoScreen-VERSION-linux-x86_64.tar.gz       Linux and macOS: the folder, compressed
    pneumoscreen_VERSION_amd64.deb                 Linux, where dpkg-deb exists
On Windows only the bundle is made here; installer/windows/pneumoscreen.iss turns it into
Setup.exe (see .github/workflows/windows-installer.yml).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLE_NAME = "PneumoScreen"


def project_version() -> str:
    """The version in pyproject.toml, the one place it is written."""
    with open(REPO / "pyproject.toml", "rb") as stream:
        return tomllib.load(stream)["project"]["version"]


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on build.spec; return the bundle folder."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        check=True,
    )
    return dist / BUNDLE_NAME


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, "other")
    return f"{system}-{platform.machine().lower()}"


def make_tarball(bundle: Path, out_dir: Path, version: str) -> Path:
    """The bundle folder as `PneumoScreen-VERSION-PLATFORM.tar.gz` (links kept as links)."""
    target = out_dir / f"{BUNDLE_NAME}-{version}-{platform_tag()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(bundle, arcname=BUNDLE_NAME)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build")
    parser.add_argument("--bundle-only", action="store_true", help="skip the archives")
    args = parser.parse_args(argv)
    version = project_version()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    made = [bundle]
    if not args.bundle_only and sys.platform != "win32":
        made.append(make_tarball(bundle, args.dist, version))
        if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
            from installer.linux.build_deb import build_deb

            made.append(build_deb(bundle, version, args.dist))
    for path in made:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
