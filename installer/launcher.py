"""The bundled app's entry point: PyInstaller freezes this file, which hands over to the CLI.

A separate file rather than `core/cli.py` itself, so the frozen program imports `core.cli` once,
as a module, exactly as `pneumoscreen` does when installed from source.
"""

import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main())
