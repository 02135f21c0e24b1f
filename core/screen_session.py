"""What `pneumoscreen screen`, `calibrate` and `watch` share: their start and their batch loop.

All three label with the same threshold in force (the clinic's site threshold where one applies,
with its age rule) and screen through one `Screener` into the result log, so a film gets the same
result whichever command screened it. `screen` and `calibrate` show the same progress bar.
"""

from __future__ import annotations

import sys
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

    However it ends, Ctrl+C included, the files in flight have finished and been logged when this
    returns, so the log may close right after.
    """
    from tqdm import tqdm

    progress = tqdm(total=len(files), unit="image", file=sys.stderr, disable=None)
    stream = screener.screen(files)
    try:
        for outcome in stream:
            take(outcome)
            progress.update()
    finally:
        stream.close()
        progress.close()
