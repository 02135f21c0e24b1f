"""Every benchmark and script runs as documented: `python -m benchmarks.X` / `python -m scripts.X`
from the repository root, with no `sys.path` edits, and none of them reaches into `tests/`.

Each module is started with `--help` only (cheap: nothing is measured or rendered), so a broken
import or a module that only worked as a file path fails here, not in a developer's hands.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("benchmarks", "scripts")
#: Packages that the tests may import from, but that must never import from the tests.
NOT_FROM_TESTS = ("benchmarks", "scripts", "corpora")


def modules(package: str) -> list[str]:
    return [
        f"{package}.{path.stem}"
        for path in sorted((REPO / package).glob("*.py"))
        if path.stem != "__init__"
    ]


def source(module: str) -> str:
    return (REPO / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")


ALL_MODULES = [module for package in PACKAGES for module in modules(package)]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_folder_is_a_regular_package(package):
    assert (REPO / package / "__init__.py").is_file()  # not a namespace package anything shadows


@pytest.mark.parametrize("module", ALL_MODULES)
def test_each_module_starts_with_python_dash_m_from_the_repository_root(module):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    if '__name__ == "__main__"' in source(module):
        assert "usage:" in done.stdout


@pytest.mark.parametrize("module", ALL_MODULES)
def test_no_module_edits_sys_path(module):
    assert "sys.path" not in source(module)


def imported_top_levels(path: Path) -> set[str]:
    """The top-level package of every import statement in `path`, at any depth."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", NOT_FROM_TESTS)
def test_benchmarks_scripts_and_corpora_never_import_from_tests(package):
    importers = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / package).rglob("*.py"))
        if "tests" in imported_top_levels(path)
    ]
    assert importers == []


def test_the_documentation_shows_module_invocations_only():
    """`python benchmarks/x.py` fails with ModuleNotFoundError; the docs must not show it."""
    as_file = re.compile(r"python\S*\s+(?:benchmarks|scripts)/\w+\.py")
    shown = [
        f"{path.relative_to(REPO)}: {match.group(0)}"
        for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
        for match in as_file.finditer(path.read_text(encoding="utf-8"))
    ]
    assert shown == []
