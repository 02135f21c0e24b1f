"""What `pneumoscreen screen`, `calibrate` and `watch` share: their start and their batch loop.

All three label with the same threshold in force (the clinic's site threshold where one applies,
with its age rule) and screen through one `Screener` into the result log, so a film gets the same
result whichever command screened it. `screen` and `calibrate` show the same progress bar.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.card_integrity import release_version
from core.model_card import ModelCard, load_model_card
from core.result_log import open_result_log
from core.site_profile import SiteProfile, ThresholdInForce

if TYPE_CHECKING:
    from core.screening import Outcome, Screener

AGE_RULE_NOTE = (
    "this clinic rejects films whose patient is outside the ages the model was validated on "
    "(Administration > Films outside the validated ages in the window)"
)


@dataclass(frozen=True)
class ScreeningStart:
    """The model card and the threshold in force, read once before any file is screened."""

    card: ModelCard
    model_version: str  # of the card and its view gate: what results are logged under
    profile: SiteProfile
    in_force: ThresholdInForce

    @classmethod
    def load(cls, card_path: Path) -> ScreeningStart:
        """The card at `card_path`, and the threshold in force for it at this site.

        Raises:
            SiteProfileError: the site profile is damaged; nothing has been screened yet.
        """
        from core.view_gate import load_view_gate_card  # loads LiteRT: not for `--help`

        card = load_model_card(card_path)
        model_version = release_version(card, load_view_gate_card(card))
        profile = SiteProfile.load()
        in_force = profile.threshold_in_force(card.threshold, model_version)
        return cls(card, model_version, profile, in_force)

    def print_notes(self) -> None:
        """What the one running a batch should know before it starts, on stderr: a site
        threshold set for another model version, and the site's age rule."""
        if self.in_force.notice:
            print(f"pneumoscreen: note: {self.in_force.notice}", file=sys.stderr)
        if self.in_force.reject_outside_ages:  # the site's age rule (issue 17), set in the window
            print(f"pneumoscreen: note: {AGE_RULE_NOTE}", file=sys.stderr)

    @contextmanager
    def screener(self, workers: int) -> Iterator[Screener]:
        """A `Screener` labelling with the threshold in force, into the result log (its `log`),
        which closes when the block ends."""
        from core.screening import Screener  # loads LiteRT: not for `--help`

        with open_result_log() as log:
            yield Screener(self.card, log, workers, threshold=self.in_force)


def screen_with_progress(
    screener: Screener, files: list[Path], take: Callable[[Outcome], object]
) -> None:
    """Screen `files` in order, handing each outcome to `take`, with a progress bar on stderr
    (none where stderr is not a terminal).

    The first Ctrl+C stops the batch taking new files: the files in flight finish, are logged and
    are handed to `take` like the others, and then KeyboardInterrupt is raised. So whoever counts
    what `take` received counts every result the batch saved (a Ctrl+C that raised at once could
    land between a result's logging and its delivery, and that result went uncounted). A second
    Ctrl+C raises at once. However it ends, the files in flight have finished when this returns,
    so the log may close right after.
    """
    from tqdm import tqdm

    cancel = threading.Event()
    progress = tqdm(total=len(files), unit="image", file=sys.stderr, disable=None)
    with _first_ctrl_c_sets(cancel):
        stream = screener.screen(files, cancel)
        try:
            for outcome in stream:
                take(outcome)
                progress.update()
        finally:
            stream.close()
            progress.close()
    if cancel.is_set():
        raise KeyboardInterrupt


@contextmanager
def _first_ctrl_c_sets(cancel: threading.Event) -> Iterator[None]:
    """Inside, the first Ctrl+C sets `cancel` instead of raising, and puts the handler back that
    was there before, so a second Ctrl+C acts as it would have.

    Only the main thread may install signal handlers; elsewhere (the window's workers, a test)
    nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    kept = signal.getsignal(signal.SIGINT)
    if kept is None:  # installed from outside Python: Python's own is the nearest
        kept = signal.default_int_handler

    def first(signum: int, frame: object) -> None:
        cancel.set()
        signal.signal(signal.SIGINT, kept)

    signal.signal(signal.SIGINT, first)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, kept)
