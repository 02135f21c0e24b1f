"""Data flows one way: the engine imports neither Qt nor TensorFlow."""

from tests.conftest import modules_loaded_by_importing


def test_importing_every_core_module_loads_no_qt_and_no_tensorflow():
    forbidden = ("PySide6", "tensorflow", "keras", "training", "desktop")
    loaded = modules_loaded_by_importing("core")
    assert "core.screening" in loaded  # the probe really imported the engine
    assert [m for m in loaded if m.split(".")[0] in forbidden] == []
