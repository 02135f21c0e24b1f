"""constraints.txt pins every package the project installs, within pyproject's ranges, and every
install that builds or tests the app passes it to pip."""

from __future__ import annotations

import re

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from scripts.refresh_constraints import (
    CONSTRAINTS,
    WINDOWS,
    applies,
    closure,
    project_requirements,
    read_pins,
)
from tests.conftest import REPO

PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!_-]+$")


def pinned_lines() -> list[str]:
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_line_pins_one_exact_version_once():
    lines = pinned_lines()
    assert [line for line in lines if not PIN.match(line)] == []
    names = [canonicalize_name(line.partition("==")[0]) for line in lines]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "requirement", project_requirements(), ids=lambda requirement: str(requirement)
)
def test_every_dependency_of_every_extra_is_pinned_within_its_range(requirement):
    pins = read_pins()
    name = canonicalize_name(requirement.name)
    assert name in pins, f"{requirement.name} is not in constraints.txt: run `make lock`"
    assert requirement.specifier.contains(Version(pins[name]), prereleases=True), (
        f"constraints.txt pins {name}=={pins[name]}, outside pyproject's {requirement}"
    )


def test_the_pins_are_exactly_what_the_project_installs_here():
    """A dependency of a dependency added or dropped shows here until `make lock` is run."""
    installed, _windows_only = closure(project_requirements())
    assert set(read_pins()) == installed


def test_packages_only_windows_installs_are_left_out_and_named():
    colorama = Requirement('colorama; sys_platform == "win32"')
    assert not applies(colorama, (), {})
    assert applies(colorama, (), WINDOWS)
    header = [line for line in CONSTRAINTS.read_text().splitlines() if line.startswith("#")]
    assert "colorama" not in read_pins()
    assert any("colorama" in line for line in header)  # says what is left unconstrained


@pytest.mark.parametrize("path", ["Makefile", ".github/workflows/windows-installer.yml"], ids=str)
def test_every_install_of_the_project_passes_the_constraints(path):
    text = (REPO / path).read_text(encoding="utf-8")
    installs = [
        line
        for line in text.splitlines()
        if "pip install" in line
        and "--upgrade pip" not in line
        and not line.strip().startswith("#")
    ]
    assert installs
    assert [line for line in installs if "-c constraints.txt" not in line] == []
