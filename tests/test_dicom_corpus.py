"""pydicom's own test files, as other writers wrote them, screened by the engine (issue 14, §8).

The whole folder (about 176 files: images in every transfer syntax, reports, plans, directories,
damaged and non-conformant files, text) goes through the real screener and the shipped card.
Every file gets exactly one row, nothing escapes as an unexpected problem, and each file comes out
as `tests/dicom_corpus_expected.tsv` says: ok, rejected, or an error of a given kind. Each error
there was reviewed by hand and is true of the file (its note says why); a decoder bug of ours
would show as a file whose outcome changed.

pydicom is pinned to 3.x, whose releases add and drop test files: a row for a file this pydicom
lacks is skipped, and a file the table lacks must still get one row that is not a crash.

To print the table for the files installed here: `python -m tests.test_dicom_corpus`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pydicom.data
import pytest

from core.file_walk import expand_paths
from core.model_card import load_model_card
from core.result_log import ResultLog
from core.screening import UNEXPECTED_REASON, Screener
from tests.conftest import SHIPPED_MODEL_DIR

TEST_FILES = Path(pydicom.data.__file__).parent / "test_files"
EXPECTED = Path(__file__).with_name("dicom_corpus_expected.tsv")
#: The kind of an error, by a phrase of its reason; the first phrase found decides.
REASON_FAMILIES = (
    ("took too long", "too-slow"),
    ("decoder stopped", "decoder-died"),
    ("too large", "too-large"),
    ("not an image in a supported format", "not-an-image"),
    ("without an image", "no-image"),
    ("pixel data is missing", "no-pixel-data"),
    ("header is", "damaged-header"),
    ("pixel data is damaged", "damaged-pixels"),
    ("not supported", "unsupported"),
)


def family(reason: str) -> str:
    """The kind of an error reason (see `REASON_FAMILIES`); "other" for none of them."""
    return next((kind for phrase, kind in REASON_FAMILIES if phrase in reason), "other")


def expected_outcomes() -> dict[str, tuple[str, str]]:
    """file (relative to `TEST_FILES`) -> (outcome, error family), from `EXPECTED`."""
    with EXPECTED.open(encoding="utf-8", newline="") as stream:
        lines = (line for line in stream if not line.startswith("#"))
        return {
            row["file"]: (row["outcome"], row["family"])
            for row in csv.DictReader(lines, delimiter="\t")
        }


def screen_test_files(log_path: Path) -> dict[str, list[tuple[str, str]]]:
    """Every row the screener gives, by file relative to `TEST_FILES`: (status, reason)."""
    files = list(expand_paths([TEST_FILES]))
    rows: dict[str, list[tuple[str, str]]] = {}
    with ResultLog(log_path) as log:
        screener = Screener(load_model_card(SHIPPED_MODEL_DIR / "model.json"), log)
        for outcome in screener.screen(files):
            name = Path(outcome.result.file).relative_to(TEST_FILES).as_posix()
            rows.setdefault(name, []).append(
                (str(outcome.result.status), outcome.result.reason or "")
            )
    assert sorted(rows) == sorted(path.relative_to(TEST_FILES).as_posix() for path in files)
    return rows


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    return screen_test_files(tmp_path_factory.mktemp("corpus") / "results.sqlite3")


def test_the_folder_holds_the_files_the_table_describes():
    # A pydicom that lost most of its test files would make the other tests vacuous.
    present = {path.relative_to(TEST_FILES).as_posix() for path in expand_paths([TEST_FILES])}
    assert len(present & set(expected_outcomes())) >= 150


def test_every_file_gets_exactly_one_row_and_none_is_a_crash(rows):
    unexpected = UNEXPECTED_REASON.split("(")[0]
    for name, results in rows.items():
        assert len(results) == 1, (name, results)
        status, reason = results[0]
        assert status in ("ok", "rejected", "error"), (name, status)
        assert unexpected not in reason, (name, reason)
        if status == "error":
            assert family(reason) != "other", (name, reason)


def test_every_file_comes_out_as_the_table_says(rows):
    expected = expected_outcomes()
    outcomes = {
        name: (status, family(reason) if status == "error" else "")
        for name, [(status, reason)] in rows.items()
    }

    differ = {
        name: {"expected": want, "got": outcomes[name], "reason": rows[name][0][1]}
        for name, want in expected.items()
        if name in outcomes and outcomes[name] != want
    }

    assert differ == {}


def _print_table() -> None:
    """Screen the installed files and print their rows in the table's format, to review."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        rows = screen_test_files(Path(scratch) / "results.sqlite3")
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["file", "outcome", "family", "note"])
    for name in sorted(rows):
        status, reason = rows[name][0]
        writer.writerow([name, status, family(reason) if status == "error" else "", reason])


if __name__ == "__main__":
    _print_table()
