"""The engine's error tree: every failure a caller can act on has its own type.

The GUI turns these into words for the user in one place; the command line into an exit status.
"""

from os import PathLike
from pathlib import Path

from core.reason_codes import ReasonCode


class ScreeningError(Exception):
    """Base of every error the engine raises on purpose."""


class ModelError(ScreeningError):
    """The shipped model or its card cannot be used."""


class ModelIntegrityError(ModelError):
    """The model is not the one released: its file does not match the sha256 in its card
    (altered, truncated or swapped), or the card was edited after release."""


class ModelCardError(ModelError):
    """The model card is missing, does not parse, or does not follow the app's contract."""


class UnreadableImage(ScreeningError):  # noqa: N818 - the name is the design's contract
    """The file could not be read as an image: missing, damaged, empty, not an image, too large.

    Carries the file and a reason so the GUI and the CSV can show the same sentence, which names the
    file and says what was found: "x.jpg could not be read: the file is empty.", and the reason's
    stable `code` (`core.reason_codes`), which the result, the log and the CSV keep beside it.
    Every raise in the engine names its code; `default_code` is for callers outside it (tests).
    """

    default_code = ReasonCode.UNKNOWN

    def __init__(
        self, path: str | PathLike[str], reason: str, code: ReasonCode | None = None
    ) -> None:
        code = self.default_code if code is None else ReasonCode(code)
        # All go to `args` so the error survives pickling (e.g. from a decoder child).
        super().__init__(path, reason, code)
        self.path = Path(path)
        self.reason = reason
        self.code = code

    def __str__(self) -> str:
        return f"{self.path.name} could not be read: {self.reason}."


class UnsupportedDicom(UnreadableImage):
    """A DICOM file that cannot be turned into pixels: no image in it, or an encoding we lack."""

    default_code = ReasonCode.UNSUPPORTED_DICOM


class ResultLogError(ScreeningError):
    """The result log cannot be opened or written: unwritable folder, damaged file, newer schema."""


class SiteProfileError(ScreeningError):
    """The site profile (the clinic's own threshold) cannot be read or saved: damaged, unreadable,
    written by a newer PneumoScreen, or its folder is not writable. Never ignored: a clinic's
    chosen threshold silently replaced by the model's would change decisions unseen."""


class NotEnoughEvidence(ScreeningError):  # noqa: N818 - says what is missing, like UnreadableImage
    """Too few reviewed (or labelled) films of a class to propose a threshold from them."""

    def __init__(self, n_pneumonia: int, n_normal: int, minimum: int) -> None:
        super().__init__(n_pneumonia, n_normal, minimum)
        self.n_pneumonia = n_pneumonia
        self.n_normal = n_normal
        self.minimum = minimum

    def __str__(self) -> str:
        return (
            f"Not enough evidence to set a threshold: it needs at least {self.minimum} films "
            f"with pneumonia and {self.minimum} without, and there are {self.n_pneumonia} with "
            f"pneumonia and {self.n_normal} without."
        )


class UsageProblem(ScreeningError):  # noqa: N818 - "error" would suggest a failure of the engine
    """A command was given something it cannot use (a folder that does not exist, options that
    do not go together): the command line's usage error, exit status 2."""
