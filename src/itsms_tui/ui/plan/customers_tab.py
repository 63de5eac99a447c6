"""The Customers register (8.3.2): who the customers are, who manages each relationship,
and in the detail their satisfaction results, complaints and service reviews (``n`` in
one of those tables adds one for the highlighted customer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from itsms_tui.domain.customer_refs import live_services_of
from itsms_tui.domain.customers import (
    Complaint,
    Customer,
    CustomerReview,
    SatisfactionResult,
)
from itsms_tui.domain.record import Record
from itsms_tui.services.plan_rows import CustomerRow, customer_rows
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import ChildTable, Context, RecordRow, Register
from itsms_tui.ui.widgets.record_table import Column


def _of_customer(parent: Record) -> dict[str, Any]:
    return {"customer_id": parent.id}


def _detail(row: CustomerRow, ctx: Context, out: DetailBuilder) -> None:
    customer = row.record
    out.heading(customer)
    out.field("Type", customer.type.label)
    out.field("Relationship manager", row.manager)
    services = [ctx.data.get(s) for s in live_services_of(ctx.data, customer.id)]
    out.field("Live services", ", ".join(s.heading for s in services if s is not None))
    for contact in customer.contacts:
        role = f" ({contact.role})" if contact.role else ""
        out.field(f"Contact L{contact.escalation_level}", f"{contact.name}{role} {contact.email}")


def _more(row: CustomerRow, ctx: Context, out: DetailBuilder) -> None:
    out.paragraph("Communication arrangements", row.record.communication)
    out.paragraph("Notes", row.record.notes)


def _records(model: type[Record], date_field: str) -> Any:
    def rows(row: CustomerRow, ctx: Context) -> list[RecordRow]:
        found = ctx.data.referring(row.record.id, model)
        found.sort(key=lambda r: (getattr(r, date_field), r.id), reverse=True)
        return [RecordRow(r) for r in found]

    return rows


def _label(what: str) -> Any:
    def label(row: CustomerRow, shown: Sequence[RecordRow], ctx: Context) -> str:
        keys = " · Enter opens one" + ("" if ctx.read_only else " · n adds one")
        return f"{what} ({len(shown)}){keys}"

    return label


def _result(row: RecordRow) -> SatisfactionResult:
    assert isinstance(row.record, SatisfactionResult)
    return row.record


def _score(row: RecordRow) -> str:
    result = _result(row)
    return f"{result.score:g}/{result.scale_max:g}"


def _complaint(row: RecordRow) -> Complaint:
    assert isinstance(row.record, Complaint)
    return row.record


def _review(row: RecordRow) -> CustomerReview:
    assert isinstance(row.record, CustomerReview)
    return row.record


SATISFACTION: ChildTable[CustomerRow, RecordRow] = ChildTable(
    "satisfaction",
    [
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("on", "Measured", lambda r: str(_result(r).measured_on), width=10),
        Column("score", "Score", _score, width=7, align="right"),
        Column("method", "Method", lambda r: _result(r).method.label, width=11),
    ],
    _records(SatisfactionResult, "measured_on"),
    empty_text="No satisfaction result yet",
    label=_label("Satisfaction"),
    model=SatisfactionResult,
    initial=_of_customer,
)

COMPLAINTS: ChildTable[CustomerRow, RecordRow] = ChildTable(
    "complaints",
    [
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Complaint", lambda r: _complaint(r).title, width=12, flex=1),
        Column("severity", "Severity", lambda r: _complaint(r).severity.label, width=8),
        Column("status", "Status", lambda r: _complaint(r).status.label, width=13),
    ],
    _records(Complaint, "received_on"),
    empty_text="No complaint",
    label=_label("Complaints"),
    model=Complaint,
    initial=_of_customer,
)

REVIEWS: ChildTable[CustomerRow, RecordRow] = ChildTable(
    "customer_reviews",
    [
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("held", "Held on", lambda r: str(_review(r).held_on), width=10),
        Column("who", "Attendees", lambda r: str(len(_review(r).attendees)), width=9),
    ],
    _records(CustomerReview, "held_on"),
    empty_text="No customer review yet",
    label=_label("Service reviews"),
    model=CustomerReview,
    initial=_of_customer,
)


def _open_text(row: CustomerRow) -> str | Text:
    return str(row.open_complaints) if row.open_complaints else ""


CUSTOMERS: Register[CustomerRow] = Register(
    model=Customer,
    title="Customers",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("name", "Customer", lambda r: r.record.name, width=14, flex=1),
        Column("type", "Type", lambda r: r.record.type.label, width=8),
        Column("manager", "Manager", lambda r: r.manager, width=12),
        Column("live", "Live", lambda r: str(r.live_services), width=4, align="right"),
        Column("csat", "CSAT", lambda r: r.latest_score, width=6, align="right"),
        Column("review", "Reviewed", lambda r: str(r.last_review or ""), width=10),
        Column("open", "Open", _open_text, width=4, align="right"),
    ],
    rows=lambda ctx: customer_rows(ctx.data),
    detail=_detail,
    more=_more,
    children=(SATISFACTION, COMPLAINTS, REVIEWS),
)
