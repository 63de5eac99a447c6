"""The due dates as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Each due item is an all-day event whose UID is built from the record id and the kind of
date (``AGR-0003-cancel-by@itsms-tui``), never from the date itself: when a date moves,
a calendar program that re-imports or subscribes to the file updates the event instead
of adding a second one. The same data gives the same events; only DTSTAMP (when the file
was made) differs between runs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from itsms_tui import __version__
from itsms_tui.services.due_dates import DueItem

PRODID = f"-//itsms-tui//due dates {__version__}//EN"
UID_DOMAIN = "itsms-tui"


def event_uid(item: DueItem) -> str:
    """Stable across runs: the record and the kind of date."""
    return f"{item.record_id}-{item.kind.name.lower().replace('_', '-')}@{UID_DOMAIN}"


def calendar_ics(
    items: list[DueItem], *, generated_at: datetime, name: str = "itsms-tui due dates"
) -> bytes:
    """The items as one VCALENDAR of all-day VEVENTs, with their owner in the description."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in items:
        calendar.add_component(_event(item, generated_at))
    return bytes(calendar.to_ical())


def _event(item: DueItem, generated_at: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(item))
    event.add("dtstamp", generated_at)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("summary", item.title)
    owner = item.person or "no owner recorded"
    event.add("description", f"{item.kind.value} for {item.record_id}; owner: {owner}")
    event.add("categories", [item.kind.value])
    event.add("transp", "TRANSPARENT")
    return event
