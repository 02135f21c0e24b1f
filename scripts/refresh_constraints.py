"""Write constraints.txt: the exact version of every package the app, its tests, training and the
bundle install, as found in this checkout's virtual environment.

Usage (from the repository root; `make lock` runs the first):
    .venv/bin/python -m scripts.refresh_constraints            # rewrite constraints.txt
    .venv/bin/python -m scripts.refresh_constraints --check    # exit 1 if .venv differs from it

pyproject.toml says which versions would do (ranges); constraints.txt says which ones were
tested, and every install that matters passes it to pip (`-c constraints.txt`): `make test`
(hence CI), `make dist` and the Windows workflow. So a bundle is built from the versions its
tests ran on, not from whatever was newest on the day.

The file holds the dependency closure of `.[dev,train,build]` on this platform (Linux, Python
3.11): pyproject's requirements, then what each installed package requires, with environment
markers evaluated here; `pip freeze --all --exclude-editable` gives the versions. Packages that
only Windows installs are absent from a Linux environment, so they are left unpinned (the header
names them). To move to newer versions: upgrade in .venv within pyproject's ranges (`pip install
-U ...`), run `make lock`, then `make test`, and commit pyproject.toml and constraints.txt
together.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"
CONSTRAINTS = REPO / "constraints.txt"
#: Marker values of the one platform besides Linux that installs from these constraints.
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}


def project_requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    """The project's runtime requirements and those of every extra (dev, train, build, ...)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    lines = [*project["dependencies"], *(line for group in extras.values() for line in group)]
    return [Requirement(line) for line in lines]


def applies(requirement: Requirement, extras: Iterable[str], overrides: dict[str, str]) -> bool:
    """Whether `requirement` is installed here for a package installed with `extras`."""
    if requirement.marker is None:
        return True
    environment = {**default_environment(), **overrides}
    return any(
        requirement.marker.evaluate({**environment, "extra": extra}) for extra in ("", *extras)
    )


def closure(roots: list[Requirement]) -> tuple[set[NormalizedName], set[NormalizedName]]:
    """(every package installed here for `roots`, those required only on Windows).

    Walks the installed distributions' metadata; a package required here but not installed
    raises `metadata.PackageNotFoundError` (install the project with all extras first).
    """
    here: set[NormalizedName] = set()
    windows_only: set[NormalizedName] = set()
    pending = [(requirement, frozenset[str]()) for requirement in roots]
    while pending:
        requirement, parent_extras = pending.pop()
        name = canonicalize_name(requirement.name)
        if not applies(requirement, parent_extras, {}):
            if applies(requirement, parent_extras, WINDOWS):
                windows_only.add(name)
            continue
        if name in here:
            continue
        here.add(name)
        extras = frozenset(requirement.extras)
        for line in metadata.distribution(requirement.name).requires or []:
            pending.append((Requirement(line), extras))
    return here, windows_only - here


def frozen_versions() -> dict[NormalizedName, str]:
    """name -> version of every package in this environment, as `pip freeze` reports them."""
    frozen = subprocess.run(
        # --all: setuptools and wheel too, which tensorflow and pyinstaller require at run time.
        [sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    versions = {}
    for line in frozen.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, separator, version = line.partition("==")
        if not separator:
            raise SystemExit(f"Cannot pin {line!r}: install it from the package index first.")
        versions[canonicalize_name(name)] = version.strip()
    return versions


def pins() -> tuple[dict[NormalizedName, str], set[NormalizedName]]:
    """(name -> version for the project's closure, names left unpinned for Windows)."""
    needed, windows_only = closure(project_requirements())
    versions = frozen_versions()
    missing = sorted(needed - versions.keys())
    if missing:
        raise SystemExit(f"Required but not installed in {sys.prefix}: {', '.join(missing)}")
    return {name: versions[name] for name in sorted(needed)}, windows_only


def render(pinned: dict[NormalizedName, str], windows_only: set[NormalizedName]) -> str:
    """The text of constraints.txt."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    header = [
        "# The exact versions PneumoScreen is tested and bundled with (pip constraints).",
        "# Used by `make test` (hence CI), `make dist` and .github/workflows/windows-installer.yml",
        "# as `pip install -c constraints.txt ...`; pyproject.toml keeps the ranges.",
        "# Generated by `make lock` (python -m scripts.refresh_constraints) from a Linux",
        f"# Python {python} environment with .[dev,train,build] installed; do not edit by hand.",
        "# Packages only Windows installs are not in a Linux environment, so they are left",
        "# unconstrained there (pip picks them within the ranges their dependants ask for):",
        f"# {', '.join(sorted(windows_only)) or 'none'}.",
    ]
    return "\n".join([*header, *(f"{name}=={version}" for name, version in pinned.items())]) + "\n"


def read_pins(path: Path = CONSTRAINTS) -> dict[NormalizedName, str]:
    """name -> version of each `name==version` line of a constraints file."""
    pinned = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[canonicalize_name(name)] = version.strip()
    return pinned


def differences(
    locked: dict[NormalizedName, str], installed: dict[NormalizedName, str]
) -> list[str]:
    """One line per package whose installed version is not the locked one."""
    return [
        f"{name}: constraints.txt has {locked.get(name, 'nothing')}, "
        f".venv has {installed.get(name, 'nothing')}"
        for name in sorted(locked.keys() | installed.keys())
        if locked.get(name) != installed.get(name)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.refresh_constraints", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only compare .venv with constraints.txt; exit 1 where they differ",
    )
    args = parser.parse_args(argv)
    pinned, windows_only = pins()
    if args.check:
        problems = differences(read_pins(), pinned)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                "Run `make test` to install the locked versions (or `make lock`).", file=sys.stderr
            )
        return 1 if problems else 0
    CONSTRAINTS.write_text(render(pinned, windows_only), encoding="utf-8")
    print(f"wrote {CONSTRAINTS.relative_to(REPO)}: {len(pinned)} packages pinned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
