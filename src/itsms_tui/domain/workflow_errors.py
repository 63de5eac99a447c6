"""The change workflow's error, in a module of its own: front ends catch it (one line to
the user) without importing the models, which the TUI loads only after its first frame."""

from __future__ import annotations


class WorkflowError(ValueError):
    """An illegal or incomplete transition; the message says what is allowed or missing."""
