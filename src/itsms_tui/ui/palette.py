"""The command palette's record search: jump to any record by id or by part of its name.

Names are user text, so each hit is a ``Content`` built from the plain string (the
palette would parse a ``str`` as markup); matches are highlighted by offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp

MAX_HITS = 40
_MATCH = Style(bold=True, underline=True)


def highlighted(candidate: str, words: list[str]) -> Content:
    """``candidate`` as literal content with each word's first occurrence underlined."""
    content = Content(candidate)
    folded = candidate.casefold()
    for word in words:
        start = folded.find(word)
        if start >= 0:
            content = content.stylize(_MATCH, start, start + len(word))
    return content


class RecordCommands(Provider):
    """Hits for records whose id or name contains every word typed."""

    async def search(self, query: str) -> Hits:
        app: ItsmsApp = self.app  # type: ignore[assignment]
        words = query.casefold().split()
        if not words or not hasattr(app, "data"):
            return
        found = 0
        for record in app.data:
            candidate = record.display
            folded = candidate.casefold()
            if not all(w in folded for w in words):
                continue
            exact_id = record.id.casefold() == query.strip().casefold()
            score = 1.0 if exact_id else 0.9 if folded.startswith(words[0]) else 0.6
            record_id = record.id
            yield Hit(
                score,
                highlighted(candidate, words),
                lambda record_id=record_id: app.open_record(record_id),
                text=candidate,
                help=f"Open this {record.label or 'record'}",
            )
            found += 1
            if found >= MAX_HITS:
                return
