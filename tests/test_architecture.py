"""Data flows one way, `desktop -> core <- training`: checked on every import statement.

Reading the source (ast) rather than what importing loads also catches the lazy kind, an import
inside a function, which is exactly how a layering breach hides (the window opened from
`core/cli.py` did). The import-time probe stays: it also sees what third-party modules pull in.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO, modules_loaded_by_importing

#: package -> top-level modules it may never import, in any statement anywhere in it.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": (
        "desktop",
        "training",
        "PySide6",
        "PyQt5",
        "PyQt6",
        "shiboken6",
        "tensorflow",
        "keras",
    ),
    "desktop": ("training", "tensorflow", "keras"),
    "training": ("desktop", "PySide6", "PyQt5", "PyQt6", "shiboken6"),
}


def imported_modules(source: str) -> list[tuple[int, str]]:
    """(line, module) for every import statement in `source`, at any depth: top level, inside
    functions, classes, `if TYPE_CHECKING:` blocks and `try:` blocks alike."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return sorted(found)


def breaches(package: str) -> list[str]:
    """`file:line imports module` for each forbidden import statement in `package`."""
    forbidden = FORBIDDEN[package]
    found = []
    for path in sorted((REPO / package).rglob("*.py")):
        for line, module in imported_modules(path.read_text(encoding="utf-8")):
            if module.split(".")[0] in forbidden:
                found.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_statement_crosses_the_layers(package):
    assert (REPO / package / "__init__.py").is_file()
    assert breaches(package) == []


def test_the_reader_sees_imports_inside_functions():
    source = (
        "def run():\n    if True:\n        from desktop.app import run\n    import keras.layers\n"
    )
    assert imported_modules(source) == [(3, "desktop.app"), (4, "keras.layers")]


def test_importing_every_core_module_loads_no_qt_and_no_tensorflow():
    forbidden = ("PySide6", "tensorflow", "keras", "training", "desktop")
    loaded = modules_loaded_by_importing("core")
    assert "core.screening" in loaded  # the probe really imported the engine
    assert [m for m in loaded if m.split(".")[0] in forbidden] == []
