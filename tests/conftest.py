"""Shared test set-up.

``tests/`` is a package: shared helpers import by their full name
(``from tests.strategies import ...``), and benchmark helpers likewise
(``from benchmarks.datagen import ...``), with the repository root on ``sys.path``.
"""
