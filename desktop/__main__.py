"""`python -m desktop` opens the window, like `pneumoscreen` with no arguments."""

import sys

from desktop.app import run

if __name__ == "__main__":
    sys.exit(run())
