"""The Services register: the service catalogue and what covers, changes and measures each
service.

A live service that no active customer SLA covers is marked ``✖ no SLA`` (the checker's
SVC-SLA rule, ``lacks_active_sla``, so screen and checker agree); its detail names the
customers without an SLA of their own for it (``uncovered_customers``, SVC-SLA too). The detail lists the
agreements naming the service, the changes and risks referring to it and the KPIs whose
subject it is; Enter on any of them jumps to the screen that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.customer_refs import customer_names
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.risks import Risk
from itsms_tui.services.plan_rows import (
    CoverRow,
    LinkRow,
    ServiceRow,
    cover_rows,
    referring_rows,
    service_rows,
)
from itsms_tui.ui.plan.child_tables import kpi_child, links_child
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import ChildTable, Context, Register
from itsms_tui.ui.theme import LATE, PALETTE
from itsms_tui.ui.widgets.record_table import Column

NO_SLA = f"{LATE} no SLA"


def _sla_text(row: ServiceRow) -> Text:
    """``2``, or ``0 ✖ no SLA`` for a live service without an active customer SLA."""
    if not row.no_sla:
        return Text(str(row.sla_count))
    return Text(f"{row.sla_count} {NO_SLA}", style=PALETTE.late)


def _cover_text(row: ServiceRow) -> Text:
    """``2 (1 active)``, with the ✖ marker when a live service has no active one."""
    text = Text(f"{row.sla_count} ({row.active_sla_count} active)")
    if row.no_sla:
        text.append(f"  {NO_SLA}: a live service needs an active one", style=PALETTE.late)
    return text


def _detail(row: ServiceRow, ctx: Context, out: DetailBuilder) -> None:
    service = row.record
    out.heading(service)
    out.field("Owner", person_name(ctx.data, service.owner))
    out.field("Status", service.status.label)
    out.field("Customers", customer_names(ctx.data, service.customer_ids))
    out.field("Customer SLAs", _cover_text(row))
    if row.uncovered:
        out.field(
            "No SLA for", Text(f"{LATE} {row.uncovered}: each customer needs one", PALETTE.late)
        )


def _more(row: ServiceRow, ctx: Context, out: DetailBuilder) -> None:
    out.paragraph("Description", row.record.description)


COVER: ChildTable[ServiceRow, CoverRow] = ChildTable(
    "agreements",
    [
        Column("kind", "Kind", lambda r: r.record.kind.short, width=4),
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Agreement", lambda r: r.record.title, width=12, flex=1),
        Column("status", "Status", lambda r: r.record.status.label, width=11),
    ],
    lambda row, ctx: cover_rows(ctx.data, row.record.id),
    empty_text="No agreement names it",
    label=lambda row, shown, ctx: f"Agreements covering it ({len(shown)}) · Enter jumps",
)
"""The agreements covering a service: kind, id, title and status."""


def _referring(row: ServiceRow, ctx: Context) -> list[LinkRow]:
    return referring_rows(ctx.data, row.record.id, (ChangeRequest, Risk))


def _referring_label(row: ServiceRow, shown: Sequence[LinkRow], ctx: Context) -> str:
    return f"Changes and risks ({len(shown)}) · Enter jumps"


SERVICES: Register[ServiceRow] = Register(
    model=Service,
    title="Services",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("name", "Service", lambda r: r.record.name, width=14, flex=1),
        Column("owner", "Owner", lambda r: r.owner, width=12),
        Column("status", "Status", lambda r: r.record.status.label, width=8),
        Column("customers", "Customers", lambda r: r.customers, width=14),
        Column(
            "slas",
            "SLAs",
            _sla_text,
            width=10,
            align="right",
            sort_key=lambda r: (r.sla_count, not r.no_sla),
        ),
    ],
    rows=lambda ctx: service_rows(ctx.data),
    detail=_detail,
    more=_more,
    children=(COVER, links_child("referring", _referring, _referring_label), kpi_child()),
)
