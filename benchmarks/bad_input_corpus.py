"""What the app answers for each file of the bad-input corpus, as a markdown table.

Usage (from the repository root):
    python -m benchmarks.bad_input_corpus [--shared-data ../shared/data]

Builds the corpus of `corpora/bad_inputs.py` (damaged, empty, misnamed, tiny, huge and unsupported
files, and the sample radiograph stored in unusual ways) in a temporary folder, screens the
folder with the command line (`pneumoscreen screen FOLDER --csv FILE`, a fresh data folder), and
prints one row per file: the kind, what the file is, the status and the reason shown. The table
in docs/reliability.md is this script's output. Named pipes and links to devices are left out:
`tests/test_bad_inputs.py` covers them in a child process, since they can hang a screening.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from core import cli
from corpora.bad_inputs import BAD_KINDS, build, load_xray

REPO = Path(__file__).resolve().parents[1]
VALID_KINDS_START = "sample"  # BAD_KINDS lists the bad kinds first, then the valid ones


def screen_corpus(shared_data: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, what the file is, its CSV row) for every kind, in the corpus's order."""
    with tempfile.TemporaryDirectory(prefix="bad-input-corpus-") as scratch:
        folder, out = Path(scratch) / "corpus", Path(scratch) / "corpus.csv"
        files = build(BAD_KINDS, folder, load_xray(shared_data))
        os.environ["PNEUMOSCREEN_HOME"] = str(Path(scratch) / "home")
        with contextlib.redirect_stderr(io.StringIO()):  # the progress bar and summary
            status = cli.main(["screen", str(folder), "--csv", str(out)])
        if status != 0:
            raise SystemExit(f"screening the corpus exited with status {status}")
        with out.open(encoding="utf-8-sig", newline="") as stream:
            rows = {row["file"]: row for row in csv.DictReader(stream)}
        return [(kind.name, kind.what, rows[_csv_name(files[kind.name])]) for kind in BAD_KINDS]


def _csv_name(path: Path) -> str:
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def markdown(outcomes: list[tuple[str, str, dict[str, str]]]) -> str:
    lines = ["| kind | what the file is | status | reason shown |", "|---|---|---|---|"]
    for name, what, row in outcomes:
        shown = row["reason"] or f"score {row['score']}, {row['label']}"
        lines.append(f"| {name} | {what} | {row['status']} | {shown.replace('|', '/')} |")
    return "\n".join(lines)


def summary(outcomes: list[tuple[str, str, dict[str, str]]]) -> str:
    names = [name for name, _, _ in outcomes]
    first_valid = names.index(VALID_KINDS_START)
    bad, valid = outcomes[:first_valid], outcomes[first_valid:]
    statuses = Counter(row["status"] for _, _, row in outcomes)
    refused = sum(row["status"] in ("rejected", "error") for _, _, row in bad)
    accepted = sum(row["status"] == "ok" for _, _, row in valid)
    return (
        f"{len(outcomes)} files: {statuses['ok']} ok, {statuses['rejected']} rejected, "
        f"{statuses['error']} error. Bad files refused: {refused} of {len(bad)}; valid files "
        f"screened: {accepted} of {len(valid)}."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args(argv)
    outcomes = screen_corpus(args.shared_data)
    print(markdown(outcomes))
    print()
    print(summary(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
