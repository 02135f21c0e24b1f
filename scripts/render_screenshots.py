"""Render the window's main states to docs/screenshots/, offscreen, with the real model.

Usage (from the repository root):
    .venv/bin/python -m scripts.render_screenshots [--out docs/screenshots] [--size 1280x800]
    .venv/bin/python -m scripts.render_screenshots --languages [--out docs/screenshots]

States: empty.png (first start), screening.png (mid-batch, progress visible), rejected.png (the
batch of three bad files, "This batch", a film scanned sideways selected, the Reason column),
adult-film.png (an adult's film of unknown age refused, the patient form asking for the age),
patient.png (DICOM films stating the age: a 9-year-old's marked and selected, a 34-year-old's
refused as an adult's),
results.png (all films, a pneumonia case selected, heatmap on), small-screen.png (1024 x 600,
highest scores first, the film brightened), review.png (the films reviewed by a clinician, one
corrected, its history shown) and local-performance.png (How the model does here, from those
reviews). The images are the 24 shared samples (../shared/data/samples) plus three bad files made
here. A fresh data folder is
used, so your own log and settings are never touched. Screening is slowed down (a short pause per
file) only while taking screening.png, so the progress bar can be caught mid-batch.

With --languages, only main-window-<lang>.png: the window in each of its languages (English,
French, Portuguese, Spanish) at 1024 x 600, where longer words are tightest, the samples screened
and a pneumonia case selected.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "data" / "samples"
#: A held-out NIH normal film (adult, no age in a PNG): what the population check refuses.
ADULT_FILM = REPO.parent / "shared" / "data" / "nih-adult" / "NORMAL" / "00001281_000.png"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TIMEOUT_S = 120.0


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    """Run the event loop until `condition` holds (the window works asynchronously)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("The window did not reach the expected state in time.")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    """Let pending paints, thumbnails and image loads finish before a picture is taken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def patient_dicoms(folder: Path) -> tuple[Path, Path]:
    """Two sample films saved as DICOM the way an X-ray unit exports them, with their patients:
    a 9-year-old (outside the validated ages 1-5: screened and marked) and a 34-year-old (an
    adult: no score)."""
    import numpy as np
    from PIL import Image

    from corpora.bad_inputs import make_dataset
    from corpora.dicom_files import write

    folder.mkdir(parents=True)
    films = sorted(SAMPLES.glob("PNEUMONIA/*.png"))
    written = []
    for film, patient_id, name, age, file_name in (
        (films[0], "P-1187", "Doe^Jane", "009Y", "doe-jane.dcm"),
        (films[1], "P-2231", "Mwangi^Grace", "034Y", "mwangi-grace.dcm"),
    ):
        with Image.open(film) as image:
            pixels = np.asarray(image.convert("L"))
        dataset = make_dataset(
            pixels, PatientID=patient_id, PatientName=name, PatientSex="F", PatientAge=age,
            StudyDate="20261130",
        )  # fmt: skip

        written.append(write(dataset, folder / file_name))
    return written[0], written[1]


def make_bad_files(folder: Path) -> list[Path]:
    """A film scanned sideways and a blank scan (both rejected by the quality gate) and a damaged
    file (an error)."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    sideways = folder / "scanned-sideways.png"
    with Image.open(sorted(SAMPLES.glob("NORMAL/*.png"))[0]) as film:
        film.transpose(Image.Transpose.ROTATE_90).save(sideways)
    blank = folder / "scanner-blank.png"
    Image.new("L", (900, 1100), 128).save(blank)
    damaged = folder / "transfer-cut-off.jpg"
    damaged.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    return [sideways, blank, damaged]


def review_films(window, rows, corrected) -> None:
    """What a clinician does at the end of the day: every sample reviewed by its folder (the
    truth), the rejected films as not assessable, and one film first called another finding by
    the nurse, then confirmed by the doctor (a correction: both stay in the history)."""
    from datetime import datetime, timedelta

    from core.result import Status
    from core.review import Review, ReviewDecision

    saved = []
    window.review_saved.connect(saved.append)
    window.detail.review.reviewer.setText("Dr Achieng")
    start = datetime.now().astimezone() - timedelta(hours=1)
    window.reviews.save(
        Review(
            corrected.id,
            ReviewDecision.OTHER_FINDING,
            "Nurse Wanjiru",
            start - timedelta(hours=2),
            note="effusion? ask the doctor",
        )
    )
    wait_until(lambda: len(saved) == 1)
    reviews = []
    for step, result in enumerate(rows):
        if result.status is Status.OK:
            truth = Path(result.file).parent.name == "PNEUMONIA"
            decision = ReviewDecision.PNEUMONIA if truth else ReviewDecision.NO_PNEUMONIA
        elif result.status is Status.REJECTED:
            decision = ReviewDecision.NOT_ASSESSABLE
        else:
            continue
        note = "lobar consolidation, right lower zone" if result.id == corrected.id else ""
        reviews.append(
            Review(result.id, decision, "Dr Achieng", start + timedelta(minutes=step), note)
        )
    for review in reviews:
        window.reviews.save(review)
    wait_until(lambda: len(saved) == 1 + len(reviews))


LANGUAGE_SHOT_SIZE = (1024, 600)


def strongest_portrait_pneumonia(results):
    """The highest-scored sample labelled pneumonia that is a typical frontal film, not one of the
    wide crops: the case every screenshot of the detail pane shows."""
    from PIL import Image

    from core.result import Label

    def portrait(result) -> bool:
        if Path(result.file).parent.parent != SAMPLES:
            return False  # the DICOM copies and bad files made here
        with Image.open(result.file) as image:
            return image.height >= 0.75 * image.width

    return max(
        (r for r in results if r.label is Label.PNEUMONIA and portrait(r)),
        key=lambda r: r.score or 0,
    )


def render_languages(out: Path) -> None:
    """main-window-<lang>.png for every language of the window, from one screening of the
    samples (each window reads the same log, as after a restart in another language)."""
    from desktop.app import install_translators, make_application
    from desktop.language import LANGUAGES
    from desktop.main_window import MainWindow

    app = make_application([])
    window = MainWindow()
    wait_until(window.controller.is_ready)
    window.add_paths([SAMPLES])
    wait_until(lambda: window.model.rowCount() > 0 and not window.controller.is_busy())
    window.close()
    for code in LANGUAGES:
        locale = QLocale(code)
        QLocale.setDefault(locale)
        translators = install_translators(app, locale)
        window = MainWindow()
        window.resize(*LANGUAGE_SHOT_SIZE)
        window.show()
        wait_until(window.controller.is_ready)
        strongest = strongest_portrait_pneumonia(window.proxy.results())
        window.detail.set_heatmap_visible(True)
        row = next(i for i, r in enumerate(window.proxy.results()) if r.id == strongest.id)
        window.select_row(row)
        view = window.detail.view
        wait_until(lambda view=view: not view.pixmap().isNull())
        window.statusBar().clearMessage()
        settle(0.5)
        path = out / f"main-window-{code}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"Could not write {path}")
        print(f"wrote {path}")
        window.close()
        for translator in translators:
            app.removeTranslator(translator)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--languages", action="store_true", help="only main-window-<lang>.png, one per language"
    )
    args = parser.parse_args(argv)
    width, height = (int(side) for side in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="pneumoscreen-shots-") as scratch:
        os.environ["PNEUMOSCREEN_HOME"] = str(Path(scratch) / "home")
        if args.languages:
            render_languages(args.out)
            return 0
        from core.result import Status
        from core.screening import Screener
        from desktop.app import install_translators, make_application
        from desktop.main_window import MainWindow

        app = make_application([])
        install_translators(app, QLocale("en"))  # English, whatever this computer's language
        window = MainWindow()
        window.resize(width, height)
        window.show()
        wait_until(window.controller.is_ready)
        settle()

        def shoot(name: str) -> None:
            settle()
            path = args.out / name
            if not window.grab().save(str(path)):
                raise OSError(f"Could not write {path}")
            print(f"wrote {path}")

        shoot("empty.png")

        original = Screener.screen_file

        def paused(self, path):  # only for the picture: keep the batch running a while
            time.sleep(0.25)
            return original(self, path)

        Screener.screen_file = paused
        window.add_paths([SAMPLES])
        wait_until(lambda: window.model.rowCount() >= 9)
        shoot("screening.png")
        Screener.screen_file = original
        wait_until(lambda: not window.controller.is_busy())

        window.add_paths(make_bad_files(Path(scratch) / "usb-stick"))
        wait_until(lambda: not window.controller.is_busy())
        rows = window.proxy.results()  # "This batch": the three bad files, with their reasons

        def select(match: Callable[[object], bool]) -> None:
            row = next(i for i, result in enumerate(rows) if match(result))
            window.select_row(row)
            wait_until(
                lambda: (
                    not window.detail.view.pixmap().isNull()
                    or window.detail.result().status is Status.ERROR
                )
            )

        select(lambda result: Path(result.file).name == "scanned-sideways.png")
        shoot("rejected.png")

        # An adult's film with no age: refused by the population check, the form asking for one.
        adult = Path(scratch) / "clinic" / "chest-2026-11-30.png"
        adult.parent.mkdir()
        adult.write_bytes(ADULT_FILM.read_bytes())
        window.add_paths([adult])
        wait_until(lambda: not window.controller.is_busy())
        rows = window.proxy.results()
        select(lambda result: Path(result.file) == adult)
        window.detail.patient_form.toggle.click()
        shoot("adult-film.png")
        window.detail.patient_form.toggle.click()

        # DICOM films that state the patient's age: an older child's (marked) and an adult's
        # (never scored), the older child's selected.
        older, grown = patient_dicoms(Path(scratch) / "x-ray-unit")
        window.add_paths([older, grown])
        wait_until(lambda: not window.controller.is_busy())
        rows = window.proxy.results()
        select(lambda result: Path(result.file) == older)
        shoot("patient.png")

        scope = window.filter_bar.scope
        scope.setCurrentIndex(scope.findText("All"))
        rows = window.proxy.results()

        strongest = strongest_portrait_pneumonia(rows)
        window.detail.set_heatmap_visible(True)
        select(lambda result: result.id == strongest.id)
        shoot("results.png")

        # A clinic laptop's screen: highest scores first (one click on Score), the File column's
        # distinguishing end in sight, and the film brightened (right-drag) to read it.
        from desktop.results_model import COL_SCORE, COL_TIME

        window.resize(1024, 600)
        settle()
        header = window.table.horizontalHeader()
        x = header.sectionViewportPosition(COL_SCORE) + header.sectionSize(COL_SCORE) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        rows = window.proxy.results()
        select(lambda result: result.id == strongest.id)
        window.detail.view.set_levels(0.12, 1.4)
        shoot("small-screen.png")
        window.detail.view.reset_levels()
        window.resize(width, height)
        window.table.sortByColumn(COL_TIME, Qt.SortOrder.DescendingOrder)
        rows = window.proxy.results()

        review_films(window, rows, strongest)
        select(lambda result: result.id == strongest.id)
        history = window.detail.review.history_view
        wait_until(lambda: history.topLevelItemCount() == 2)
        window.statusBar().clearMessage()
        shoot("review.png")

        window.show_performance()
        page = window.performance_dialog
        page.resize(920, 470)
        wait_until(lambda: page.performance is not None)
        settle()
        path = args.out / "local-performance.png"
        if not page.grab().save(str(path)):
            raise OSError(f"Could not write {path}")
        print(f"wrote {path}")
        page.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
