"""The words and colours that show a label or a status, in one place for the table and the pane.

A label is always shown as text and colour together, never colour alone (colour-blind users), and
the text is what the design promises the clinic: "Pneumonia likely" / "No pneumonia signs". Why a
file has no label is said by `desktop.reason_texts`, by the reason's code.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from core.result import Label, ScreeningResult, Status
from core.review import ReviewDecision

#: (background, text) colours; dark text on a pale tint keeps contrast above WCAG AA.
LABEL_COLOURS: dict[Label, tuple[QColor, QColor]] = {
    Label.PNEUMONIA: (QColor("#f9d0cc"), QColor("#7a1610")),
    Label.NORMAL: (QColor("#d3ecd7"), QColor("#14532d")),
}
PROBLEM_COLOURS: tuple[QColor, QColor] = (QColor("#fde9c4"), QColor("#6b4300"))


def label_text(label: Label | None) -> str:
    """The words for a label ("" for a result without one)."""
    if label is Label.PNEUMONIA:
        return QCoreApplication.translate("Labels", "Pneumonia likely")
    if label is Label.NORMAL:
        return QCoreApplication.translate("Labels", "No pneumonia signs")
    return ""


def status_text(status: Status) -> str:
    """The words for how a screening ended."""
    if status is Status.OK:
        return QCoreApplication.translate("Labels", "Screened")
    if status is Status.REJECTED:
        return QCoreApplication.translate("Labels", "Rejected")
    return QCoreApplication.translate("Labels", "Could not read")


def decision_text(decision: ReviewDecision) -> str:
    """The words for a reviewer's decision, as its button and the review history say it."""
    return {
        ReviewDecision.PNEUMONIA: QCoreApplication.translate("Labels", "Pneumonia confirmed"),
        ReviewDecision.NO_PNEUMONIA: QCoreApplication.translate("Labels", "No pneumonia"),
        ReviewDecision.OTHER_FINDING: QCoreApplication.translate("Labels", "Other finding"),
        ReviewDecision.NOT_ASSESSABLE: QCoreApplication.translate("Labels", "Not assessable"),
    }[ReviewDecision(decision)]


def decision_short_text(decision: ReviewDecision) -> str:
    """A decision in the few letters the table's Review column has room for: "Pneumonia", else
    the words of `decision_text`."""
    if ReviewDecision(decision) is ReviewDecision.PNEUMONIA:
        return QCoreApplication.translate("Labels", "Pneumonia")
    return decision_text(decision)


def threshold_source_text(source: str) -> str:
    """Where the threshold in force comes from, in words ("model" or "site" in the CSV)."""
    if str(source) == "site":
        return QCoreApplication.translate("Labels", "this clinic's site threshold")
    return QCoreApplication.translate("Labels", "the model's threshold")


def verdict_text(result: ScreeningResult) -> str:
    """The one-line verdict of the detail pane: the label, or why there is none."""
    if result.status is Status.OK:
        return label_text(result.label)
    if result.status is Status.REJECTED:
        return QCoreApplication.translate("Labels", "Not judged: rejected")
    return QCoreApplication.translate("Labels", "Not judged: the file could not be read")


def colours(result: ScreeningResult) -> tuple[QColor, QColor]:
    """(background, text) colours for a result's label, or the problem colours."""
    if result.status is Status.OK and result.label is not None:
        return LABEL_COLOURS[result.label]
    return PROBLEM_COLOURS


def local_time(moment: datetime) -> str:
    """A screening time as shown: this computer's local time, to the minute, unambiguous."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


#: Languages whose singular covers 0 too (CLDR's plural rule "one: i = 0,1"): "0 résultat".
#: European Portuguese, the variant shipped, says "0 ficheiros" (CLDR pt_PT), like English.
SINGULAR_ZERO_LANGUAGES = frozenset({QLocale.Language.French})


def count_text(n: int, one: str, many: str, **values: object) -> str:
    """`one` or `many` (both already translated, with `{n}` and any other `values`) for a count:
    "1 file", "2 files", and in French "0 fichier". The window's language is the default
    locale (`desktop.app` sets it at start)."""
    singular = n == 1 or (n == 0 and QLocale().language() in SINGULAR_ZERO_LANGUAGES)
    return (one if singular else many).format(n=n, **values)
