"""Shared test set-up.

This file's presence puts ``tests/`` on ``sys.path`` (pytest's rootdir-conftest rule),
so shared helpers import by module name from any test folder: ``from strategies import ...``.
"""
