"""What a supplier's recorded facts must agree with, whatever path it arrives by.

The lifecycle steps (``domain.supplier_lifecycle``) only let a supplier reach a state with
the fields each step on the way requires: approval needs the approval date and the
relationship owner, so an active, under-review or suspended supplier has them too. An
import, a script or a plain edit could otherwise write an active supplier that was never
approved. The facts a status implies are derived from the steps themselves, so the
workspace, the importer and ``check --snapshot`` apply the steps' own rule.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.supplier_lifecycle import STEPS
from itsms_tui.domain.suppliers import Supplier

FieldProblem = tuple[str, str]

INITIAL_STATUS = SupplierStatus.PROPOSED
"""Where every supplier's lifecycle starts."""


@cache
def lifecycle_facts(status: SupplierStatus) -> frozenset[str]:
    """Fields a supplier in ``status`` holds whichever way the steps brought it there.

    The facts of a state are what every step into it requires plus what every state
    it may come from holds (the largest such sets consistent with the steps' cycles).
    """
    every = frozenset(name for step in STEPS for name in step.required)
    facts: dict[SupplierStatus, frozenset[str]] = {s: every for s in SupplierStatus}
    facts[INITIAL_STATUS] = frozenset()
    changed = True
    while changed:
        changed = False
        for state in SupplierStatus:
            if state is INITIAL_STATUS:
                continue
            ways = [
                frozenset(step.required) | facts[source]
                for step in STEPS
                if step.target is state
                for source in step.sources
            ]
            found = frozenset.intersection(*ways) if ways else frozenset()
            if found != facts[state]:
                facts[state] = found
                changed = True
    return facts[status]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_lifecycle_facts(supplier: Supplier) -> tuple[str, ...]:
    """The fields its status implies but that are empty, in field order."""
    needed = lifecycle_facts(supplier.status)
    return tuple(
        name for name in Supplier.model_fields if name in needed and _blank(getattr(supplier, name))
    )


def _title(name: str) -> str:
    return str(Supplier.model_fields[name].title)


def lifecycle_problems(supplier: Supplier, today: date) -> list[FieldProblem]:
    """A status claiming steps the supplier has no record of, or an approval in the future
    (for a status that records one: a proposed supplier's date may be a planned approval)."""
    problems: list[FieldProblem] = []
    missing = missing_lifecycle_facts(supplier)
    if missing and not supplier.imported_history:
        labels = ", ".join(_title(name) for name in missing)
        status = supplier.status.value.replace("_", " ")
        problems.append(
            (
                missing[0],
                f"a supplier that is {status} needs {labels} (recorded by its approval)",
            )
        )
    approved = supplier.approved_on
    # Only a status that records an approval dates it; before that it may be a plan.
    if (
        approved is not None
        and approved > today
        and "approved_on" in lifecycle_facts(supplier.status)
    ):
        problems.append(("approved_on", f"{approved} is in the future (today is {today})"))
    return problems


def as_imported_history(supplier: Supplier) -> Supplier:
    """The supplier marked as imported history when its lifecycle facts are incomplete."""
    if supplier.imported_history or not missing_lifecycle_facts(supplier):
        return supplier
    return supplier.model_copy(update={"imported_history": True})


def history_mark_problem(stored: Supplier | None, edited: Supplier) -> str | None:
    """A save that sets or clears the imported-history mark (only the import sets it)."""
    before = stored.imported_history if stored is not None else False
    if edited.imported_history is before:
        return None
    return "Imported history is set only by import --allow-history"
