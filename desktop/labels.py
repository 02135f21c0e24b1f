"""The words and colours that show a label or a status, in one place for the table and the pane.

A label is always shown as text and colour together, never colour alone (colour-blind users), and
the text is what the design promises the clinic: "Pneumonia likely" / "No pneumonia signs".
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from core.result import Label, ScreeningResult, Status
from core.review import ReviewDecision
from core.view_gate import NOT_FRONTAL_REASON

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


#: The engine's reasons that have a short name, by how their sentence starts. The view gate is one
#: binary classifier ("frontal chest X-ray or not"): it cannot say whether a refused image is a side
#: view, a CT slice, a photo or an inverted film, so its short name stays general.
_SHORT_REASONS: tuple[tuple[str, str], ...] = (
    (NOT_FRONTAL_REASON, QT_TRANSLATE_NOOP("Labels", "Not a frontal chest X-ray")),
    ("The image is too small", QT_TRANSLATE_NOOP("Labels", "Too small to judge")),
    ("The image is blank", QT_TRANSLATE_NOOP("Labels", "Blank or uniform image")),
    ("This is a colour picture", QT_TRANSLATE_NOOP("Labels", "Colour picture, not an X-ray")),
)


def reason_short_text(reason: str, file_name: str = "") -> str:
    """A rejection or error reason in the few words a table cell has room for ("" for none):
    a known reason's short name, else its first sentence (the cell's tooltip has all of it),
    without the "NAME could not be read:" the File and Status cells beside it already say."""
    reason = reason.strip()
    for start, short in _SHORT_REASONS:
        if reason.startswith(start):
            return QCoreApplication.translate("Labels", short)
    unreadable = f"{file_name} could not be read: "
    if file_name and reason.startswith(unreadable):
        rest = reason.removeprefix(unreadable)
        reason = rest[:1].upper() + rest[1:]
    first, dot, _rest = reason.partition(". ")
    return first + dot.strip() if dot else reason


def count_text(n: int, one: str, many: str, **values: object) -> str:
    """`one` or `many` (both already translated, with `{n}` and any other `values`) for a count:
    "1 file", "2 files"."""
    return (one if n == 1 else many).format(n=n, **values)
