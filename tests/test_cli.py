"""`pneumoscreen screen / export / info` end to end on the shared sample radiographs."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from core import cli
from core.csv_export import CSV_COLUMNS
from core.model_card import load_model_card
from core.paths import result_log_path
from core.result_log import ResultLog
from core.review import Review, ReviewDecision
from tests.conftest import SHIPPED_MODEL_DIR

CONTRACT_COLUMNS = [
    "file",
    "status",
    "score",
    "label",
    "reason",
    "sha256",
    "model_version",
    "screened_at",
]


pytestmark = pytest.mark.usefixtures("home")  # a data folder of its own


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    with open(path, encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
        return list(reader)


def test_screening_the_samples_writes_one_contract_row_per_file(shared_data, tmp_path, home):
    out = tmp_path / "run.csv"
    assert cli.main(["screen", str(shared_data / "samples"), "--csv", str(out)]) == 0
    rows = read_csv(out)
    assert len(rows) == 24
    for row in rows:
        assert Path(row["file"]).is_absolute()
        assert row["status"] == "ok"
        assert row["reason"] == ""
        score = float(row["score"])
        assert 0 <= score <= 100 and row["score"] == f"{score:.1f}"
        threshold = float(row["threshold"])
        assert row["label"] == ("PNEUMONIA" if score >= threshold else "NORMAL")
        assert len(row["sha256"]) == 64
        assert "+" in row["screened_at"][19:] or "-" in row["screened_at"][19:]
    pneumonia_rows = [r for r in rows if "/PNEUMONIA/" in r["file"]]
    assert sum(r["label"] == "PNEUMONIA" for r in pneumonia_rows) >= 11
    with ResultLog(result_log_path()) as log:
        assert log.count() == 24


def test_export_reproduces_the_logged_rows(shared_data, tmp_path):
    first = tmp_path / "run.csv"
    exported = tmp_path / "export.csv"
    assert cli.main(["screen", str(shared_data / "samples"), "--csv", str(first)]) == 0
    assert cli.main(["export", "--csv", str(exported)]) == 0
    key = lambda row: row["file"]  # noqa: E731
    assert sorted(read_csv(exported), key=key) == sorted(read_csv(first), key=key)
    assert cli.main(["export", "--csv", str(exported), "--since", "2999-01-01"]) == 0
    assert read_csv(exported) == []


def test_a_second_run_takes_every_result_from_the_log(shared_data, tmp_path, home, capsys):
    assert cli.main(["screen", str(shared_data / "samples")]) == 0
    capsys.readouterr()
    assert cli.main(["screen", str(shared_data / "samples")]) == 0
    assert "(24 from the log)" in capsys.readouterr().err
    with ResultLog(result_log_path()) as log:
        assert log.count() == 24


def test_bad_files_get_error_rows_and_do_not_stop_the_batch(shared_data, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    sample = next((shared_data / "samples" / "NORMAL").iterdir())
    shutil.copy(sample, folder / "good.png")
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.png").write_text("<html>not an image</html>")
    out = tmp_path / "mixed.csv"
    assert cli.main(["screen", str(folder), "--csv", str(out)]) == 0
    by_name = {Path(r["file"]).name: r for r in read_csv(out)}
    assert by_name["good.png"]["status"] == "ok"
    assert by_name["empty.jpg"]["status"] == "error"
    assert "empty.jpg could not be read" in by_name["empty.jpg"]["reason"]
    assert by_name["notes.png"]["status"] == "error"


def test_a_blank_image_is_rejected_with_a_reason(tmp_path):
    from PIL import Image

    Image.new("L", (600, 600), 128).save(tmp_path / "blank.png")
    out = tmp_path / "blank.csv"
    assert cli.main(["screen", str(tmp_path / "blank.png"), "--csv", str(out)]) == 0
    (row,) = read_csv(out)
    assert row["status"] == "rejected"
    assert row["score"] == "" and row["label"] == ""
    assert "blank" in row["reason"]


@pytest.mark.parametrize("card_name", ["model.json", "frontal-gate.json"])
def test_a_tampered_model_is_refused_with_exit_status_1(tmp_path, monkeypatch, capsys, card_name):
    """The screening model's file, then the view gate's: each named by its own card."""
    model_dir = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, model_dir)
    tflite = model_dir / json.loads((model_dir / card_name).read_text(encoding="utf-8"))["file"]
    tflite.write_bytes(tflite.read_bytes()[:-10] + b"0123456789")
    monkeypatch.setattr(cli, "model_card_path", lambda: model_dir / "model.json")
    assert cli.main(["screen", str(tmp_path)]) == 1
    assert "does not match its model card" in capsys.readouterr().err
    assert cli.main(["info"]) == 1


def test_usage_errors_exit_with_status_2(capsys):
    assert cli.main(["screen"]) == 2
    assert cli.main(["export"]) == 2
    assert cli.main(["frobnicate"]) == 2


def test_info_names_the_model_and_the_data_folder(capsys, home):
    assert cli.main(["info"]) == 0
    out = capsys.readouterr().out
    assert "PneumoScreen" in out and str(home) in out


def test_the_csv_columns_start_with_the_contract():
    assert list(CSV_COLUMNS[: len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS


def test_export_carries_each_results_latest_review_and_its_threshold_source(shared_data, tmp_path):
    assert cli.main(["screen", str(shared_data / "samples")]) == 0
    with ResultLog(result_log_path()) as log:
        first, *_ = log.results()
        when = first.screened_at
        log.add_review(Review(first.id, ReviewDecision.PNEUMONIA, "Dr Achieng", when))
        log.add_review(Review(first.id, ReviewDecision.NO_PNEUMONIA, "Dr Otieno", when, "=1+1"))
    exported = tmp_path / "export.csv"
    assert cli.main(["export", "--csv", str(exported)]) == 0
    rows = {row["file"]: row for row in read_csv(exported)}
    row = rows[first.file]
    assert (row["review_decision"], row["reviewed_by"]) == ("no_pneumonia", "Dr Otieno")
    assert row["review_note"] == "'=1+1"  # typed text never runs as a formula
    assert row["reviewed_at"] == when.isoformat(timespec="seconds")
    others = [r for file, r in rows.items() if file != first.file]
    assert all(r["review_decision"] == r["reviewed_by"] == "" for r in others)
    assert {r["threshold_source"] for r in rows.values()} == {"model"}


def test_info_shows_the_threshold_in_force_and_its_source(capsys):
    assert cli.main(["info"]) == 0
    threshold = load_model_card(SHIPPED_MODEL_DIR / "model.json").threshold
    assert f"threshold in force: {threshold} (the model's threshold)" in capsys.readouterr().out
