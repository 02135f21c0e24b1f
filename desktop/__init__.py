"""The PySide6 window of PneumoScreen: the only package that imports Qt.

One module per job (Anki's `aqt` layout): the window composes widgets, models and the one background
task mechanism (`worker`); all screening is done by the same `core` objects the command line uses.
"""
