"""The Debian package: the one-folder bundle under /opt, a menu entry, icons, and nothing else.

Usage: python -m installer.linux.build_deb dist/PneumoScreen [--out dist]

Layout of the package (removed whole by `apt remove pneumoscreen`; no maintainer scripts, so
nothing is created that dpkg does not know about; the user's results in ~/.local/share stay):
    /opt/pneumoscreen/                     the bundle
    /usr/bin/pneumoscreen                  a link to /opt/pneumoscreen/pneumoscreen
    /usr/share/applications/pneumoscreen.desktop
    /usr/share/icons/hicolor/*/apps/pneumoscreen.{png,svg}
    /usr/share/doc/pneumoscreen/copyright

`Depends` is computed from the bundle, as dpkg-shlibdeps would: every system library its
programs and libraries load (ldd) is mapped to its package (dpkg -S) on the build machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
DESKTOP_FILE = Path(__file__).with_name("pneumoscreen.desktop")
PACKAGE = "pneumoscreen"
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = "PneumoScreen project <pneumoscreen@localhost>"

#: Packages renamed by the 64-bit time_t transition (Debian 13, Ubuntu 24.04): either name will do.
RENAMED = {
    "libglib2.0-0": "libglib2.0-0t64 | libglib2.0-0",
    "libpng16-16": "libpng16-16t64 | libpng16-16",
}

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: PneumoScreen

Files: *
License: Apache-2.0
Comment: The bundled model was trained on Kermany, Zhang, Goldbaum (2018), Labeled Optical
 Coherence Tomography (OCT) and Chest X-Ray Images for Classification, Mendeley Data V3,
 CC BY 4.0. The bundled libraries (Qt via PySide6, numpy, Pillow, pydicom, GDCM, LiteRT,
 Python) keep their own licences; see /opt/pneumoscreen/_internal/*.dist-info.
"""


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def elf_files(bundle: Path) -> list[Path]:
    """The bundle's programs and shared libraries (ELF files), symlinks left out."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as stream:
                if stream.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(bundle: Path) -> set[Path]:
    """The libraries outside the bundle that its ELF files load, as ldd resolves them."""
    elves = elf_files(bundle)
    search = os.pathsep.join(sorted({str(path.parent) for path in elves}))
    env = {**os.environ, "LD_LIBRARY_PATH": search}
    outside: set[Path] = set()
    for elf in elves:
        listing = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for match in re.finditer(r"=>\s+(/\S+)", listing.stdout):
            path = Path(match.group(1))
            if bundle.resolve() not in path.resolve().parents:
                outside.add(path)
    return outside


def owning_package(library: Path) -> str | None:
    """The Debian package that installed `library` (merged /usr or not), or None."""
    real = library.resolve()
    candidates = {library, real}
    for path in list(candidates):
        text = str(path)
        candidates.add(
            Path(text.removeprefix("/usr")) if text.startswith("/usr/") else Path("/usr" + text)
        )
    for path in candidates:
        result = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path) -> str:
    """The Depends field: one package per system library the bundle loads."""
    packages = {owning_package(library) for library in system_libraries(bundle)}
    return ", ".join(RENAMED.get(name, name) for name in sorted(p for p in packages if p))


def control(version: str, arch: str, installed_kib: int, depends_field: str) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends_field}\n"
        "Section: science\n"
        "Priority: optional\n"
        "Description: offline chest X-ray screening aid for clinics\n"
        " PneumoScreen flags chest X-rays likely to show pneumonia, with a score, a label\n"
        " and a heatmap, and rejects files it cannot judge. It works offline and never\n"
        " opens a network connection. A screening aid, not a diagnosis.\n"
    )


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under `root`, as they will be on the clinic's machine."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(DESKTOP_FILE, applications / DESKTOP_FILE.name)
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for png in ICONS.glob("pneumoscreen-*.png"):
        size = png.stem.split("-")[1]
        target = hicolor / f"{size}x{size}" / "apps" / "pneumoscreen.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / "pneumoscreen.svg", scalable / "pneumoscreen.svg")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in [root, *root.rglob("*")]:  # dpkg records modes as they are staged
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def build_deb(bundle: Path, version: str, out_dir: Path) -> Path:
    """Build `pneumoscreen_VERSION_ARCH.deb` from the one-folder bundle into `out_dir`."""
    arch = architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="pneumoscreen-deb-") as scratch:
        root = Path(scratch) / "root"
        stage(bundle, root)
        installed = sum(
            p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()
        )
        (root / "DEBIAN").mkdir(mode=0o755)
        (root / "DEBIAN" / "control").write_text(
            control(version, arch, -(-installed // 1024), depends(bundle)), encoding="utf-8"
        )
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    from installer.build_dist import project_version

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/PneumoScreen)")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    args = parser.parse_args(argv)
    print(build_deb(args.bundle, project_version(), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
