"""Progress of a long load, reported to whoever is waiting for it (the TUI's load worker).

Opening a large data file takes seconds. The store says how far it got through
``report``; a caller that shows progress wraps the opening in ``reporting(sink)``.
The sink is a context variable, so it belongs to the thread (worker) that set it and
no signature between the UI and the store has to carry it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Sink = Callable[[str], None]

_SINK: ContextVar[Sink | None] = ContextVar("itsms_tui_load_progress", default=None)

EVERY = 5_000
"""Records validated between two reports (a report costs a message to the UI)."""


@contextmanager
def reporting(sink: Sink) -> Iterator[None]:
    """Send this thread's progress reports to ``sink`` (a one-line phrase each)."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


def report(phrase: str) -> None:
    """Tell the waiting caller, if any, what is being done now."""
    sink = _SINK.get()
    if sink is not None:
        sink(phrase)


def wanted() -> bool:
    """Whether anyone listens (so a loop need not build phrases for nobody)."""
    return _SINK.get() is not None
