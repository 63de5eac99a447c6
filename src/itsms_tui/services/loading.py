"""Progress of opening the data, for a front end that shows it (see ``store.progress``)."""

from __future__ import annotations

from itsms_tui.store.progress import Sink, reporting

__all__ = ["Sink", "reporting"]
