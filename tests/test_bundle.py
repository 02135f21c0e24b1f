"""The installable bundle, built here and run as a clinic would: `make dist`'s output, proven.

One build per test session (PyInstaller, then the .tar.gz and the .deb; about two minutes).
Each program run gets an emptied environment (`env -i`, only PATH and HOME, and DISPLAY for the
window) and another working directory, so nothing of the source tree or its virtual environment
can stand in for what the bundle lacks.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PyInstaller.archive.readers import CArchiveReader

from benchmarks.bundle_size import MB, folder_bytes
from benchmarks.xdisplay import screenshot, virtual_display, wait_for_window
from core import cli
from installer.build_dist import BUNDLE_NAME, project_version
from installer.linux.build_deb import INSTALL_DIR, PACKAGE, elf_files
from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs the Linux bundle"),
]

EXECUTABLE = "pneumoscreen"
#: Compared between the bundle's CSV and the source tree's (`screened_at` differs by nature).
COMPARED = ("status", "score", "label", "reason", "sha256", "model_version", "threshold")
#: Nothing of training, testing or the data set may be inside (path parts and module names).
FORBIDDEN = ("tensorflow", "keras", "tensorboard", "matplotlib", "training", "tests", "pytest")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`make dist` into a fresh folder: the bundle, the .tar.gz and (with dpkg-deb) the .deb."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "installer.build_dist",
            "--dist",
            str(out),
            "--work",
            str(out / "w"),
        ],
        cwd=REPO,
        check=True,
    )
    return out


@pytest.fixture(scope="module")
def bundle(dist) -> Path:
    return dist / BUNDLE_NAME


def run_clean(
    program: Path, *args: str, cwd: Path, home: Path, **env: str
) -> subprocess.CompletedProcess:
    """Run `program` with an emptied environment, as `env -i PATH=/usr/bin:/bin HOME=...`."""
    home.mkdir(parents=True, exist_ok=True)
    cwd.mkdir(parents=True, exist_ok=True)
    variables = ["PATH=/usr/bin:/bin", f"HOME={home}", *(f"{k}={v}" for k, v in env.items())]
    return subprocess.run(
        ["env", "-i", *variables, str(program), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def read_rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return {row["file"]: row for row in csv.DictReader(stream)}


def test_self_test_passes_in_an_empty_environment(bundle, tmp_path):
    result = run_clean(
        bundle / EXECUTABLE, "--self-test", cwd=tmp_path / "elsewhere", home=tmp_path / "home"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert f"runs from bundle {bundle / '_internal'}" in result.stdout
    assert f"pneumoscreen {project_version()}" in result.stdout
    assert "not installed" not in result.stdout, "every version is known inside the bundle"


def screen_with_bundle_and_source(
    bundle: Path, folder: Path, tmp_path: Path, monkeypatch
) -> tuple[dict, dict]:
    """CSV rows by file of `pneumoscreen screen FOLDER`: the bundle's (emptied environment, another
    working folder, HOME in tmp_path/home), then the source tree's (in-process, its own log)."""
    bundled_csv, source_csv = tmp_path / "bundle.csv", tmp_path / "source.csv"
    result = run_clean(
        bundle / EXECUTABLE,
        "screen",
        str(folder),
        "--csv",
        str(bundled_csv),
        cwd=tmp_path / "elsewhere",
        home=tmp_path / "home",
    )
    assert result.returncode == 0, result.stderr
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(tmp_path / "source-home"))
    assert cli.main(["screen", str(folder), "--csv", str(source_csv)]) == 0
    return read_rows(bundled_csv), read_rows(source_csv)


def test_bundle_screens_the_samples_exactly_like_the_source_tree(
    bundle, shared_data, tmp_path, monkeypatch
):
    bundled, source = screen_with_bundle_and_source(
        bundle, shared_data / "samples", tmp_path, monkeypatch
    )
    assert (tmp_path / "home" / ".local" / "share" / "PneumoScreen" / "results.sqlite3").exists()
    assert len(source) == 24 and bundled.keys() == source.keys()
    for file, row in source.items():
        assert {k: bundled[file][k] for k in COMPARED} == {k: row[k] for k in COMPARED}, file


def test_bundle_reads_every_raster_format_of_the_table_like_the_source_tree(
    bundle, shared_data, tmp_path, monkeypatch
):
    """Each Pillow format in `core.formats.FORMATS` (WebP included, whose plugin the bundle once
    left out) is written from one sample film and screened by both: same outcome, all scored."""
    from PIL import Image

    from core.formats import FORMATS

    film = Image.open(sorted((shared_data / "samples").glob("*/*.png"))[0]).convert("L")
    folder = tmp_path / "formats"
    folder.mkdir()
    for form in FORMATS:
        if form.pillow_format is not None:
            options = {"lossless": True} if form.pillow_format == "WEBP" else {}
            film.save(folder / f"film{form.suffixes[0]}", form.pillow_format, **options)
    bundled, source = screen_with_bundle_and_source(bundle, folder, tmp_path, monkeypatch)
    assert len(source) == len([f for f in FORMATS if f.pillow_format]) == len(bundled)
    for file, row in source.items():
        assert row["status"] == "ok", (file, row["reason"])
        assert {k: bundled[file][k] for k in COMPARED} == {k: row[k] for k in COMPARED}, file


def test_bundle_decodes_jpeg_ls_with_gdcm_at_arms_length(
    bundle, shared_data, tmp_path, monkeypatch
):
    """pyjpegls is left out of the bundle (build.spec says why): a sound JPEG-LS file scores as in
    the source tree (decoded by GDCM in the child process), and one that crashes GDCM costs only
    its own row."""
    from pydicom import uid

    from core.isolated_decoder import CRASHED_REASON
    from corpora.bad_inputs import load_xray, make_dataset
    from corpora.dicom_files import small_compressed_image, with_byte_changed, write
    from tests.test_bad_inputs import GDCM_CRASHERS

    folder = tmp_path / "jpeg-ls"
    folder.mkdir()
    write(make_dataset(load_xray(shared_data)), folder / "radiograph.dcm", uid.JPEGLSLossless)
    whole, start = small_compressed_image(folder / "damaged.dcm", uid.JPEGLSLossless)
    offset, value = GDCM_CRASHERS[uid.JPEGLSLossless][0]
    with_byte_changed(whole, start + offset, value, folder / "damaged.dcm")

    bundled, source = screen_with_bundle_and_source(bundle, folder, tmp_path, monkeypatch)
    assert bundled.keys() == source.keys()
    sound = next(file for file in source if file.endswith("radiograph.dcm"))
    assert {k: bundled[sound][k] for k in COMPARED} == {k: source[sound][k] for k in COMPARED}
    rows = {Path(file).name: row for file, row in bundled.items()}
    assert rows["radiograph.dcm"]["status"] == "ok", rows["radiograph.dcm"]["reason"]
    assert rows["damaged.dcm"]["status"] == "error"
    assert CRASHED_REASON in rows["damaged.dcm"]["reason"]  # GDCM died in the child, not here


def test_no_training_code_tests_or_data_inside(bundle, shared_data):
    files = [path for path in bundle.rglob("*") if path.is_file()]
    for path in files:
        parts = {part.lower() for part in path.relative_to(bundle).parts}
        assert not parts & set(FORBIDDEN), path
        assert "libtensorflow" not in path.name, path
    modules = CArchiveReader(str(bundle / EXECUTABLE)).open_embedded_archive("PYZ.pyz").toc
    assert [m for m in modules if m.split(".")[0] in FORBIDDEN] == []
    assert "core.self_test" in modules and "desktop.main_window" in modules
    data = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shared_data.rglob("*.png")}
    images = [p for p in files if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".dcm")]
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in images}.isdisjoint(data)
    places = {p.relative_to(bundle / "_internal").parts[:2] for p in images}
    # The app's icons and check images, and pydicom's colour palettes (it reads them by name).
    assert places <= {("resources", "icons"), ("resources", "self-test"), ("pydicom", "data")}


def test_no_network_code_inside(bundle):
    names = [path.name for path in bundle.rglob("*")]
    for forbidden in ("Qt6Network", "QtNetwork", "libqopensslbackend", "libqnetworkmanager"):
        assert not [name for name in names if forbidden in name], forbidden
    assert not [n for n in names if n.startswith(("requests", "urllib3", "libssl.so", "_ssl."))]
    modules = CArchiveReader(str(bundle / EXECUTABLE)).open_embedded_archive("PYZ.pyz").toc
    assert "ssl" not in modules and "requests" not in modules
    # OpenSSL's hashes are in (hashlib's SHA-256 of every screened file), its TLS is not. GDCM's
    # private python_gdcm.libs/libcrypto-HASH.so.1.1 and libssl-HASH.so.1.1 also stay: GDCM's
    # libraries link to them.
    assert [p.name.split(".")[0] for p in lib_dynload(bundle).glob("_hashlib.*")] == ["_hashlib"]
    assert (bundle / "_internal" / "libcrypto.so.3").is_file()


def test_the_codecs_of_dicom_character_sets_are_inside_and_big5_is_not(bundle):
    """pydicom decodes Japanese, Korean and Chinese DICOM text with these; Big5 and HKSCS
    (`_codecs_tw`, `_codecs_hk`) are no DICOM character set and are left out (build.spec)."""
    inside = {p.name.split(".")[0] for p in lib_dynload(bundle).glob("_codecs_*")}
    assert {"_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_iso2022"} <= inside
    assert not inside & {"_codecs_tw", "_codecs_hk"}


def test_bundle_meets_the_size_targets(dist, bundle):
    """The issue's targets: <= 200 MB unpacked, <= 80 MB as the .tar.gz (1 MB = 10^6 bytes)."""
    assert folder_bytes(bundle) <= 200 * MB
    (tarball,) = dist.glob(f"{BUNDLE_NAME}-*.tar.gz")
    assert tarball.stat().st_size <= 80 * MB


def elf_sections(path: Path) -> list[tuple[str, str, str]]:
    """(name, type, size) of each section of an ELF file, as `readelf -S -W` lists them."""
    listing = subprocess.run(
        ["readelf", "-S", "-W", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = re.findall(r"^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+\S+\s+\S+\s+(\S+)", listing, re.M)
    return [row for row in rows if row[0] != "NULL"]


def lib_dynload(bundle: Path) -> Path:
    """Where the bundle keeps the Python interpreter's own extension modules."""
    return bundle / "_internal" / f"python{sysconfig.get_python_version()}" / "lib-dynload"


def pythons_own_files(bundle: Path) -> dict[Path, Path]:
    """The bundled copy of each of the Python interpreter's own files (libpython and the extension
    modules of its lib-dynload folder) -> the original it was made from."""
    libpython = sysconfig.get_config_var("INSTSONAME")
    originals = {
        bundle / "_internal" / libpython: Path(sysconfig.get_config_var("LIBDIR")) / libpython
    }
    for copy in sorted(lib_dynload(bundle).glob("*.so")):
        originals[copy] = Path(sysconfig.get_config_var("DESTSHARED")) / copy.name
    return originals


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs binutils' readelf")
def test_only_debug_sections_were_removed_from_pythons_own_files(bundle):
    """libpython and Python's extension modules lost their .debug_* sections and nothing else.

    Every section the program loads (code, data) keeps its size; the symbol table stays, a
    little smaller by the symbols that only named the debug sections.
    """
    tables = (".symtab", ".strtab", ".shstrtab")
    files = pythons_own_files(bundle)
    assert len(files) > 30 and any(copy.name.startswith("_hashlib.") for copy in files)
    for bundled, original in files.items():
        before, after = elf_sections(original), elf_sections(bundled)
        assert [s for s in before if not s[0].startswith((".debug_", *tables))] == [
            s for s in after if not s[0].startswith(tables)
        ], bundled.name
        assert ".symtab" in {s[0] for s in after}, f"{bundled.name}: the symbol table stays"
        assert not [s for s in after if s[0].startswith(".debug_")], bundled.name


def test_every_other_library_is_byte_identical(bundle):
    """No library but Python's own was altered: numpy's (which stripping breaks), CharLS's (which
    carries debug sections too), Qt's, LiteRT's, GDCM's, Pillow's: each is its installed file."""
    site_packages = Path(sysconfig.get_paths()["purelib"])
    pythons_own = set(pythons_own_files(bundle))
    dynload = lib_dynload(bundle)
    compared = []
    for copy in (bundle / "_internal").rglob("*"):
        installed = site_packages / copy.relative_to(bundle / "_internal")
        if copy.is_symlink() or not copy.is_file() or copy in pythons_own:
            continue
        if ".so" in copy.suffixes and installed.is_file():
            assert copy.read_bytes() == installed.read_bytes(), copy
            compared.append(copy.relative_to(bundle / "_internal").parts[0])
    assert {"numpy", "numpy.libs", "PIL", "PySide6", "ai_edge_litert", "_gdcm"} <= set(compared)
    assert not list((bundle / "_internal").rglob("_CharLS*")), "pyjpegls is left out"
    # OpenSSL's libcrypto, which _hashlib links: the system's file, as it is.
    listing = subprocess.run(
        ["ldd", str(pythons_own_files(bundle)[next(dynload.glob("_hashlib.*"))])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (libcrypto,) = re.findall(r"libcrypto\.so\.3 => (\S+)", listing)
    bundled = bundle / "_internal" / "libcrypto.so.3"
    assert bundled.read_bytes() == Path(libcrypto).read_bytes()


def test_every_library_in_the_bundle_resolves(bundle):
    """Nothing the spec left out is still needed: ldd finds every library of every ELF file."""
    elves = elf_files(bundle)
    search = os.pathsep.join(sorted({str(path.parent) for path in elves}))
    env = {**os.environ, "LD_LIBRARY_PATH": search}
    missing = {}
    for elf in elves:
        listing = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        if "not found" in listing.stdout:
            missing[elf.name] = re.findall(r"(\S+) => not found", listing.stdout)
    assert missing == {}


def test_tarball_holds_the_bundle(dist, bundle):
    (tarball,) = dist.glob(f"{BUNDLE_NAME}-{project_version()}-linux-*.tar.gz")
    listing = subprocess.run(["tar", "-tzf", str(tarball)], capture_output=True, text=True)
    assert f"{BUNDLE_NAME}/{EXECUTABLE}" in listing.stdout.split()


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="not a Debian system: no .deb")
def test_deb_installs_runs_and_removes_cleanly(dist, tmp_path):
    (deb,) = dist.glob(f"{PACKAGE}_{project_version()}_*.deb")
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    installed = root / INSTALL_DIR / EXECUTABLE
    result = run_clean(installed, "--self-test", cwd=tmp_path / "elsewhere", home=tmp_path / "h")
    assert result.returncode == 0, result.stdout + result.stderr
    assert os.readlink(root / "usr" / "bin" / PACKAGE) == f"/{INSTALL_DIR}/{EXECUTABLE}"
    desktop = root / "usr" / "share" / "applications" / "pneumoscreen.desktop"
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    assert f"Exec=/{INSTALL_DIR}/{EXECUTABLE}" in desktop.read_text()
    assert (root / "usr/share/icons/hicolor/256x256/apps/pneumoscreen.png").is_file()
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True).stdout
    assert "libc6" in fields and "libfontconfig1" in fields and "libx11-6" in fields

    # Install into an empty dpkg database, then purge: nothing may be left behind.
    system = tmp_path / "system"
    (system / "var/lib/dpkg/info").mkdir(parents=True)
    (system / "var/lib/dpkg/updates").mkdir()
    (system / "var/log").mkdir()
    (system / "var/lib/dpkg/status").touch()
    dpkg = ["dpkg", f"--root={system}", "--force-depends", "--force-script-chrootless"]
    subprocess.run([*dpkg, "-i", str(deb)], check=True, capture_output=True)
    assert (system / INSTALL_DIR / EXECUTABLE).is_file()
    subprocess.run([*dpkg, "--purge", PACKAGE], check=True, capture_output=True)
    assert sorted(p.name for p in system.iterdir()) == ["var"]


def test_window_opens_under_xvfb(bundle, tmp_path):
    """The bundled app with no arguments opens its window on a bare X server; photographed."""
    with virtual_display() as display:
        home = tmp_path / "home"
        home.mkdir()
        clean_env = ("env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", f"DISPLAY={display.name}")
        app = subprocess.Popen(
            [*clean_env, str(bundle / EXECUTABLE)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_window(display, app)
            time.sleep(2.0)  # the first paint, and the model loading in the background
            pixels = screenshot(display)
        finally:
            app.terminate()
            output = app.communicate(timeout=30)[0].decode(errors="replace")
    Image.fromarray(pixels).save(tmp_path / "bundle-xvfb.png")
    colours = np.unique(pixels.reshape(-1, 3)[::7], axis=0)
    assert pixels.std() > 5 and len(colours) > 50, f"a blank screen; the app said:\n{output}"
    assert "Traceback" not in output, output


def test_self_test_reports_a_damaged_model_in_the_bundle(bundle, tmp_path):
    """A copy of the bundle whose model file was altered after installation: exit status 1."""
    copy = shutil.copytree(bundle, tmp_path / "copy", symlinks=True)
    card_path = copy / "_internal" / "resources" / "model" / "model.json"
    model = card_path.parent / json.loads(card_path.read_text())["file"]
    data = bytearray(model.read_bytes())
    data[-1] ^= 0xFF
    model.write_bytes(bytes(data))
    result = run_clean(copy / EXECUTABLE, "--self-test", cwd=tmp_path / "cwd", home=tmp_path / "h")
    assert result.returncode == 1
    assert "FAIL  model" in result.stdout and "self-test FAILED" in result.stdout
