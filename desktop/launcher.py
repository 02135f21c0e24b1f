"""`pneumoscreen`: the one entry point, which chooses between the window and the command line.

It lives in the GUI package (as Anki's `aqt:run` does), so that `core` never imports the window,
not even lazily: with no arguments it opens the window, `report ...` needs Qt to render PDF and is
handled here, and everything else is the engine's command line (`core.cli.main`).
"""

from __future__ import annotations

import multiprocessing
import sys

#: The subcommand that needs Qt (QPdfWriter, QTextDocument): dispatched here, before `core.cli`.
REPORT_COMMAND = "report"


def main(argv: list[str] | None = None) -> int:
    """Entry point of `pneumoscreen`; returns the process exit status."""
    # First, before anything else runs: a bundled app is also its own decoder child (spawn),
    # and such a child must go straight to its work, not open a window or parse arguments.
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        from desktop.app import run  # Qt and the window: only when a window is wanted

        return run()
    debug = args[0] == "--debug"
    command = args[1:] if debug else args
    if command and command[0] == REPORT_COMMAND:
        from desktop.report_command import run_report

        return run_report(command[1:], debug=debug)
    from core.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
