"""`pneumoscreen --self-test` on the source tree: it passes, and it fails when it should."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core import cli, self_test
from core.self_test import check_folder, compare, expected_path, observe, run_self_test
from tests.conftest import SHIPPED_MODEL_DIR


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PNEUMOSCREEN_HOME", str(home))
    return home


@pytest.fixture()
def altered_card(tmp_path) -> Path:
    """A copy of the shipped model folder whose model file has one byte changed."""
    folder = shutil.copytree(SHIPPED_MODEL_DIR, tmp_path / "model")
    card = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    model = folder / card["file"]
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    return folder / "model.json"


def expected() -> dict:
    return json.loads(expected_path().read_text(encoding="utf-8"))


def test_the_recorded_outcome_is_what_the_source_tree_gives():
    """Fails when the model, its card or the quality gate changed and expected.json did not."""
    files = [check_folder() / image["file"] for image in expected()["images"]]
    assert observe(files) == expected(), (
        "resources/self-test/expected.json is stale: run scripts/make_check_image.py"
    )


def test_the_check_images_are_a_png_and_a_dicom_that_the_model_scores():
    images = expected()["images"]
    assert sorted(Path(image["file"]).suffix for image in images) == [".dcm", ".png"]
    assert all(image["model_score"] is not None for image in images)


def test_self_test_passes_and_prints_the_versions(capsys, data_home):
    assert cli.main(["--self-test"]) == cli.ExitStatus.OK
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert out.rstrip().endswith("self-test passed")
    for name in ("python", "numpy", "Pillow", "pydicom", "ai-edge-litert", "PySide6-Essentials"):
        assert f"{name} " in out
    assert not data_home.exists(), "the self-test must not touch the user's data folder"


def test_self_test_fails_when_the_model_file_is_altered(altered_card, capsys, monkeypatch):
    assert run_self_test(card_path=altered_card) is False
    out = capsys.readouterr().out
    assert "FAIL  model: The model file" in out and "does not match its model card" in out
    monkeypatch.setattr(self_test, "model_card_path", lambda: altered_card)
    assert cli.main(["--self-test"]) == cli.ExitStatus.FAILED


def test_self_test_fails_without_its_check_images(tmp_path, capsys):
    assert run_self_test(folder=tmp_path / "missing") is False
    assert "FAIL  check images:" in capsys.readouterr().out


def test_a_score_off_by_more_than_the_tolerance_fails():
    observed = expected()
    drifted = json.loads(json.dumps(observed))
    drifted["images"][0]["model_score"] += 2 * self_test.SCORE_TOLERANCE
    assert [check.passed for check in compare(drifted, observed)] == [False, True]
    other_model = json.loads(json.dumps(observed))
    other_model["model"]["sha256"] = "0" * 64
    (check,) = compare(other_model, observed)
    assert not check.passed and "make_check_image.py" in check.detail
