"""The due digest: what is overdue or falls due within a window, grouped by person.

Meant to be mailed by cron (see the README): plain text, one section per person, the
overdue items first, and an exit code of 1 when anything is overdue.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date

from itsms_tui.services.due_dates import DueItem
from itsms_tui.services.errors import UserError
from itsms_tui.snapshot.errors import show

_WITHIN = re.compile(r"^(\d{1,4})\s*([dw]?)$")
NO_OWNER = "(no owner recorded)"


def parse_within(text: str) -> int:
    """``30d``, ``6w`` or ``30`` as a number of days."""
    match = _WITHIN.match(text.strip().casefold())
    if not match:
        raise UserError(f"--within {text}: give days or weeks, e.g. 30d or 6w")
    days = int(match.group(1))
    return days * 7 if match.group(2) == "w" else days


def select_due(items: list[DueItem], today: date, within_days: int) -> list[DueItem]:
    """Overdue items (however old) and items due from today to ``today + within_days``."""
    horizon = date.fromordinal(today.toordinal() + within_days)
    return [i for i in items if i.due <= horizon]


def _when(item: DueItem, today: date) -> str:
    days = (item.due - today).days
    if days < 0:
        return f"OVERDUE {item.due} ({-days} day{'s' if days != -1 else ''} ago)"
    if days == 0:
        return f"due {item.due} (today)"
    return f"due {item.due} (in {days} day{'s' if days != 1 else ''})"


def format_text(items: list[DueItem], today: date, within_days: int) -> str:
    overdue = sum(1 for i in items if i.overdue(today))
    lines = [f"Due within {within_days} days of {today}, and overdue:"]
    if not items:
        lines.append("nothing is due")
    by_person: dict[str, list[DueItem]] = defaultdict(list)
    for item in items:
        by_person[item.person or NO_OWNER].append(item)
    for person in sorted(by_person, key=lambda p: (p == NO_OWNER, p.casefold())):
        lines.append("")
        lines.append(person if person == NO_OWNER else show(person)[1:-1])
        for item in sorted(by_person[person], key=lambda i: (i.due, i.record_id)):
            lines.append(
                f"  {_when(item, today):<34} {item.kind.value:<16} {item.record_id} "
                f"{show(item.title, 70)[1:-1]}"
            )
    lines.append("")
    lines.append(f"{len(items)} item(s): {overdue} overdue, {len(items) - overdue} coming up")
    return "\n".join(lines) + "\n"


def format_json(items: list[DueItem], today: date, within_days: int) -> str:
    document = {
        "today": today.isoformat(),
        "within_days": within_days,
        "overdue": sum(1 for i in items if i.overdue(today)),
        "items": [
            {
                "due": i.due.isoformat(),
                "days": (i.due - today).days,
                "overdue": i.overdue(today),
                "kind": i.kind.value,
                "record_id": i.record_id,
                "title": i.title,
                "person": i.person,
                "person_id": i.person_id,
            }
            for i in items
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
