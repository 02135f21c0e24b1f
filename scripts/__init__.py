"""Maintenance scripts (check images, screenshots, the constraints file), run from the repository
root as `python -m scripts.NAME`; never part of the app."""
