"""Integrity rules every path applies: the UI's saves, imports, dry runs, ``check --snapshot``.

Each rule names the field at fault; the importer prefixes ``collection[ID].``, the
workspace the record's display name. Records are judged with the data they arrive with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from itsms_tui.domain.change_integrity import change_problems
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.evaluation_score import DEFAULT_SELECTION_THRESHOLD, selection_problems
from itsms_tui.domain.kpis import Measurement, check_measurement_date
from itsms_tui.domain.people import Person
from itsms_tui.domain.record import Record
from itsms_tui.domain.supplier_integrity import lifecycle_problems
from itsms_tui.domain.supplier_links import agreement_link_problems
from itsms_tui.domain.suppliers import Evaluation, Supplier

FieldProblem = tuple[str, str]


@dataclass(frozen=True)
class IntegrityContext:
    """What the rules need besides the record: the other records, today, the threshold."""

    data: DataSet
    today: date
    selection_threshold: float = DEFAULT_SELECTION_THRESHOLD


def record_problems(record: Record, context: IntegrityContext) -> list[FieldProblem]:
    """Every integrity problem of ``record`` among ``context.data``."""
    problems: list[FieldProblem] = []
    if isinstance(record, ChangeRequest):
        problems.extend(change_problems(record, context.today))
    if isinstance(record, Measurement):
        try:
            check_measurement_date(record, context.today)
        except ValueError as error:
            problems.append(("measured_on", str(error)))
    if isinstance(record, Supplier):
        problems.extend(lifecycle_problems(record, context.today))
    if isinstance(record, Evaluation):
        problems.extend(selection_problems(record, context.selection_threshold))
    if isinstance(record, Person):
        problems.extend(_login_problems(record, context.data))
    problems.extend(agreement_link_problems(record, context.data))
    return problems


def _login_problems(person: Person, data: DataSet) -> list[FieldProblem]:
    """A login maps a session to one person, so no two people may hold it."""
    mine = {login.casefold() for login in person.logins}
    for other in data.all(Person):
        if other.id != person.id and (taken := mine & {lg.casefold() for lg in other.logins}):
            return [("logins", f"the login {sorted(taken)[0]!r} is already {other.display}'s")]
    return []


def dataset_problems(context: IntegrityContext) -> Iterator[tuple[Record, str, str]]:
    """(record, field, message) for every problem in the whole data set."""
    for record in context.data:
        for field, message in record_problems(record, context):
            yield record, field, message
