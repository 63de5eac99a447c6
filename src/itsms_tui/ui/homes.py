"""Where each collection lives in the UI: its screen, its Plan tab and the register that
shows it there, the register record it is shown under, and what ``a`` adds from one of
its records.

The one table a new entity adds a line to (besides its model and ``domain/registry``):
the Plan screen makes one tab per Plan home with a ``register`` (in this order), the
Suppliers and Agreements screens render their home's ``register``, and jumps
(``app.open_record``), the palette, the detail pane's "edit here or jump" choice and
the ``a`` chooser all read it. ``tests/ui/test_homes.py`` fails when a collection of
``domain/registry`` has no home. See CONTRIBUTING.md, "Add an entity".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.people import Person
from itsms_tui.domain.plan import Activity, Allocation
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import ImprovementAction, SupplierReview
from itsms_tui.ui.plan.changes_tab import CHANGES, ChangesTab
from itsms_tui.ui.plan.customers_tab import CUSTOMERS
from itsms_tui.ui.plan.objectives_tab import OBJECTIVES
from itsms_tui.ui.plan.processes_tab import PROCESSES
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.plan.resources_tab import RESOURCES
from itsms_tui.ui.plan.risks_tab import RISKS, RisksTab
from itsms_tui.ui.plan.services_tab import SERVICES
from itsms_tui.ui.registers.agreements import AGREEMENTS
from itsms_tui.ui.registers.spec import Register, generic_register
from itsms_tui.ui.registers.suppliers import SUPPLIERS

Initial = Callable[[Record, date], dict[str, Any] | None]
"""Starting values of a record added from ``record`` on ``today`` (None: not offered)."""
ParentOf = Callable[[Record, DataSet], str | None]
"""The register record a detail-pane record belongs to."""
TabHost = Callable[..., RegisterTab[Any]]
"""Makes a Plan tab: ``host(register, id=tab)`` (``RegisterTab`` unless the tab has
widgets of its own)."""


@dataclass(frozen=True, slots=True)
class Add:
    """Something ``a`` adds from a register record: its key, label, collection and values."""

    key: str
    label: str
    collection: str
    initial: Initial


@dataclass(frozen=True, slots=True)
class Home:
    """Where a collection's records are shown."""

    collection: str
    mode: str
    """The main screen (app mode) that shows them."""
    tab: str | None = None
    """The Plan tab (its widget id) that shows them, on the Plan screen."""
    register: Register[Any] | None = None
    """The register that lists them: columns, row builder, detail, child tables (the
    Plan tab's, or the screen's on Suppliers and Agreements); None for records shown
    in another record's detail (``parent``) or by a screen of its own (KPIs)."""
    host: TabHost = RegisterTab
    """What renders a Plan tab: the generic ``RegisterTab``, or a subclass adding
    widgets (the risk heat map, the change workflow keys)."""
    parent: ParentOf | None = None
    """For records shown in a register record's detail pane (or a child table of its
    tab): that record's id."""
    adds: tuple[Add, ...] = field(default=())
    """What ``a`` offers on one of these records, in the chooser's order."""


def _supplier_of(record: Record, data: DataSet) -> str | None:
    supplier_id = getattr(record, "supplier_id", None)
    return supplier_id if isinstance(supplier_id, str) and supplier_id else None


def _supplier_of_action(record: Record, data: DataSet) -> str | None:
    """An improvement action is shown under its supplier, else its review's supplier."""
    if not isinstance(record, ImprovementAction):
        return None
    if record.supplier_id:
        return record.supplier_id
    review = data.get_as(SupplierReview, record.review_id)
    return review.supplier_id if review is not None else None


def _customer_of(record: Record, data: DataSet) -> str | None:
    customer_id = getattr(record, "customer_id", None)
    return customer_id if isinstance(customer_id, str) and customer_id else None


def _process_of(record: Record, data: DataSet) -> str | None:
    return record.process_id if isinstance(record, Activity) else None


def _resource_of(record: Record, data: DataSet) -> str | None:
    return record.resource_id if isinstance(record, Allocation) else None


def _agreement_of(record: Record, data: DataSet) -> str | None:
    return record.agreement_id if isinstance(record, Amendment) else None


def _refer(*fields: str, dated: str | None = None) -> Initial:
    """Each of ``fields`` set to the record's id, and ``dated`` (if given) to today."""

    def initial(record: Record, today: date) -> dict[str, Any]:
        values: dict[str, Any] = dict.fromkeys(fields, record.id)
        if dated is not None:
            values[dated] = today
        return values

    return initial


def _contract_review(record: Record, today: date) -> dict[str, Any] | None:
    """A contract review needs the agreement's supplier (not offered for a customer SLA)."""
    if not isinstance(record, Agreement) or not record.supplier_id:
        return None
    return {"agreement_id": record.id, "supplier_id": record.supplier_id, "held_on": today}


HOMES: tuple[Home, ...] = (
    Home("objectives", "plan", tab="objectives", register=OBJECTIVES),
    Home("processes", "plan", tab="processes", register=PROCESSES),
    Home("activities", "plan", tab="processes", parent=_process_of),
    Home("resources", "plan", tab="resources", register=RESOURCES),
    Home("allocations", "plan", tab="resources", parent=_resource_of),
    Home("risks", "plan", tab="risks", register=RISKS, host=RisksTab),
    Home("changes", "plan", tab="changes", register=CHANGES, host=ChangesTab),
    Home("services", "plan", tab="services", register=SERVICES),
    Home("people", "plan", tab="people", register=generic_register(Person, title="People")),
    Home("customers", "plan", tab="customers", register=CUSTOMERS),
    Home("satisfaction", "plan", tab="customers", parent=_customer_of),
    Home("complaints", "plan", tab="customers", parent=_customer_of),
    Home("customer_reviews", "plan", tab="customers", parent=_customer_of),
    Home(
        "suppliers",
        "suppliers",
        register=SUPPLIERS,
        adds=(
            Add("r", "Review", "reviews", _refer("supplier_id", dated="held_on")),
            Add("v", "Evaluation", "evaluations", _refer("supplier_id", dated="evaluated_on")),
            Add("x", "Dispute", "disputes", _refer("supplier_id", dated="raised_on")),
            Add("i", "Improvement action", "actions", _refer("supplier_id")),
            Add("g", "Agreement", "agreements", _refer("supplier_id")),
            Add("k", "KPI", "kpis", _refer("subject_id")),
            Add("s", "Risk", "risks", _refer("supplier_id")),
        ),
    ),
    Home("evaluations", "suppliers", parent=_supplier_of),
    Home("reviews", "suppliers", parent=_supplier_of),
    Home("disputes", "suppliers", parent=_supplier_of),
    Home("actions", "suppliers", parent=_supplier_of_action),
    Home(
        "agreements",
        "agreements",
        register=AGREEMENTS,
        adds=(
            Add("m", "Amendment", "amendments", _refer("agreement_id", dated="effective_on")),
            Add("r", "Contract review", "reviews", _contract_review),
            Add("k", "KPI", "kpis", _refer("subject_id")),
            Add("s", "Risk", "risks", _refer("agreement_id")),
            Add("i", "Improvement action", "actions", _refer("agreement_id")),
        ),
    ),
    Home("amendments", "agreements", parent=_agreement_of),
    Home("kpis", "kpis"),
    Home("measurements", "kpis"),
)

HOME_OF: dict[str, Home] = {home.collection: home for home in HOMES}


def plan_tabs() -> list[Home]:
    """The homes with a Plan tab of their own, in the order of the tabs."""
    return [home for home in HOMES if home.mode == "plan" and home.register is not None]


def home_of(record: Record) -> Home | None:
    return HOME_OF.get(record.collection)


def shown_under(record: Record, mode: str, data: DataSet) -> str | None:
    """The id of the register record of screen ``mode`` whose detail pane shows ``record``."""
    home = home_of(record)
    if home is None or home.mode != mode or home.parent is None:
        return None
    return home.parent(record, data)


def adds_from(record: Record, today: date) -> list[tuple[Add, dict[str, Any]]]:
    """What ``a`` offers on ``record``, each with its starting values."""
    home = home_of(record)
    out: list[tuple[Add, dict[str, Any]]] = []
    for add in home.adds if home is not None else ():
        initial = add.initial(record, today)
        if initial is not None:
            out.append((add, initial))
    return out
