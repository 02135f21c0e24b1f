"""Files made to test and to measure the reader: the bad-input corpus and DICOM writers.

Both `tests/` and `benchmarks/` build these files, so they live in neither: the tests check
what the app answers for each one, the benchmarks print it or time it. The package imports
nothing from `tests/` or `benchmarks/`, and nothing of the app needs it (pyproject installs only
`core`, `desktop` and `training`; the bundle leaves it out).
"""
