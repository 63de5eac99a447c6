"""The agreements register (Agreements, key 4): contracts, underpinning contracts, OLAs
and customer SLAs — its columns and the detail of an agreement.

The cancel-by date and the term come from ``domain.contract_term``; the register shows
the days left with a symbol and colour that strengthen as the date nears. Declared for
``RegisterScreen`` through the agreements' home in ``ui.homes``.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.enums import AgreementKind, Direction, Renewal
from itsms_tui.domain.kpis import Kpi, target_word
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.risk_rating import rated_band, rated_score
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import ImprovementAction, Supplier, SupplierReview
from itsms_tui.services.register_rows import AgreementRow, current_agreement_rows
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register
from itsms_tui.ui.theme import PALETTE, rag_text, urgency_text
from itsms_tui.ui.widgets.record_table import Column


def cancel_by_text(row: AgreementRow) -> Text:
    """``▲ 2027-01-14 50d``: red ✖ when urgent or passed, amber ▲ within the horizon."""
    term = row.term
    if row.closed:
        return Text(row.agreement.status.short, style=PALETTE.muted)
    if term.cancel_by is None:
        if term.renewal is Renewal.NONE and term.term_end is not None:
            word = "expired" if term.expired else "no renewal"
            return Text(word, style=PALETTE.muted)
        return Text("—", style=PALETTE.muted)
    days = term.days_to_cancel_by if term.days_to_cancel_by is not None else 0
    left = "today" if days == 0 else f"{days}d" if days < 1000 else f"{days // 365}y"
    return urgency_text(
        term.cancel_by, row.cancel_by_urgency, " passed" if days < 0 else f" {left}"
    )


def review_text(row: AgreementRow) -> Text:
    """The next contract review, — once the agreement has ended."""
    return urgency_text(row.review.next_due if row.review else None, row.review_urgency)


COLUMNS: list[Column[AgreementRow]] = [
    Column("id", "Id", lambda r: r.agreement.id, width=8),
    Column("title", "Title", lambda r: r.agreement.title, width=12, flex=1, ideal=32),
    Column("kind", "Kind", lambda r: r.agreement.kind.short, width=4),
    Column("party", "Party", lambda r: r.party, width=10, grow_to=26),
    Column(
        "status",
        "Status",
        lambda r: r.agreement.status.short,
        width=7,
    ),
    Column(
        "cancel_by",
        "Cancel-by",
        lambda r: cancel_by_text(r),
        width=18,
        grow_to=19,
        sort_key=lambda r: r.term.cancel_by,
    ),
    Column(
        "review",
        "Review due",
        lambda r: review_text(r),
        width=12,
        sort_key=lambda r: r.review.next_due if r.review else None,
    ),
]


def duration(minutes: int) -> str:
    """``90`` -> ``1 h 30 min``; whole days as ``2 d``."""
    if minutes and minutes % 1440 == 0:
        return f"{minutes // 1440} d"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def _detail(row: AgreementRow, ctx: Context, out: DetailBuilder) -> None:
    a = row.agreement
    data = ctx.data
    term = row.term
    out.title(f" {a.display} ")
    out.field(
        "Kind / status",
        f"{a.kind.label} · {a.status.label}",
    )
    supplier = data.get_as(Supplier, a.supplier_id)
    if supplier is not None:
        out.link(supplier, "supplier")
    elif (customer := data.get_as(Customer, a.customer_id)) is not None:
        out.link(customer, "customer")
    elif a.customer_id:
        out.field("Customer", a.customer_id)
    if a.owner:
        out.field("Owner", person_name(ctx.data, a.owner))

    out.section("Term")
    out.field("Initial term", f"{a.start_date or '?'} → {a.end_date or 'open-ended'}")
    renewal = a.renewal.label
    if a.renewal is Renewal.TACIT and a.renewal_months:
        renewal += f", every {a.renewal_months} months"
    notice = f"{a.notice_days} {a.notice_unit.value}" if a.notice_days is not None else "not set"
    out.field("Renewal / notice", f"{renewal} · notice {notice}")
    if term.renewals_so_far:
        out.field(
            "Current term",
            f"{term.term_start} → {term.term_end} (renewed {term.renewals_so_far}x)",
        )
    line = Text("  Cancel-by: ", style=PALETTE.muted)
    line.append_text(cancel_by_text(row))
    if term.days_to_cancel_by is not None:
        days = term.days_to_cancel_by
        line.append(
            f"  {days} days left" if days >= 0 else f"  {-days} days ago", style=PALETTE.muted
        )
        line.append(" (last day to give notice)", style=PALETTE.muted)
    out.styled(line)
    if term.earliest_end is not None:
        out.field("Earliest end", str(term.earliest_end))
    if term.expired:
        out.field("Expired", f"yes, on {term.term_end}")
    if a.signed_on:
        out.field("Signed on", str(a.signed_on))
    if a.value is not None:
        out.field("Annual value", f"{a.value:,.0f} {a.currency}")
    if row.review is not None:
        rline = Text("  Review due: ", style=PALETTE.muted)
        rline.append_text(review_text(row))
        out.styled(rline)

    if a.service_ids:
        out.section("Services", len(a.service_ids))
        for sid in a.service_ids:
            service = data.get(sid)
            if service is not None:
                out.link(service)

    out.section("Scope")
    if a.scope:
        out.text(a.scope)
    else:
        out.none("not stated")
    out.section("Requirements", len(a.requirements))
    out.items(a.requirements)

    out.section("Service level targets", len(a.targets))
    if not a.targets:
        out.none()
    for t in a.targets:
        arrow = "≥" if t.direction is Direction.HIGHER_IS_BETTER else "≤"
        out.text(f"{t.metric} {arrow} {t.target:g} {t.unit}")

    out.section("Response / resolution per priority", len(a.priority_times))
    if not a.priority_times:
        out.none()
    for p in sorted(a.priority_times, key=lambda p: p.priority.value):
        out.text(
            f"{p.priority.label}: respond {duration(p.response_minutes)}, "
            f"resolve {duration(p.resolution_minutes)}"
        )

    for title, values in (
        ("Quality standards", a.quality_standards),
        ("Conditions", a.conditions),
        ("Workload limits", a.workload_limits),
        ("Exceptions", a.exceptions),
        ("Authorities", a.authorities),
    ):
        out.section(title, len(values))
        out.items(values)

    out.section("Responsibilities")
    out.text("Ours:", style=PALETTE.muted)
    out.items(a.our_responsibilities)
    out.text("Other party's:", style=PALETTE.muted)
    out.items(a.their_responsibilities)

    if a.kind is AgreementKind.CUSTOMER_SLA or a.underpinning_ids:
        out.section("Underpinned by", len(a.underpinning_ids))
        if not a.underpinning_ids:
            out.none()
        for uid in a.underpinning_ids:
            under = data.get_as(Agreement, uid)
            if under is not None:
                out.link(under, f"{under.kind.short} · {under.status.label}")
    supported = data.referring(a.id, Agreement)
    if supported:
        out.section("Underpins", len(supported))
        for sla in supported:
            out.link(sla, sla.kind.short)

    amendments = sorted(
        data.referring(a.id, Amendment), key=lambda m: (m.effective_on or date.min, m.id)
    )
    out.section("Amendments", len(amendments))
    if not amendments:
        out.none("none (a adds one)")
    for m in amendments:
        out.link(m, f"effective {m.effective_on or '?'}")
        if m.impact_assessment:
            out.text(f"impact: {m.impact_assessment}", indent=6, style=PALETTE.muted)

    reviews = data.referring(a.id, SupplierReview)
    if reviews:
        out.section("Reviews", len(reviews))
        for rv in sorted(reviews, key=lambda r: r.held_on, reverse=True):
            out.link(rv, str(rv.held_on))

    readings = ctx.readings
    kpis = [k for k in data.all(Kpi) if k.subject_id == a.id]
    out.section("KPIs", len(kpis))
    if not kpis:
        out.none()
    for kpi in kpis:
        reading = readings.get(kpi.id)
        status = reading.status if reading else None
        extra = rag_text(status) if status else Text("")
        if reading is not None and reading.value is not None:
            extra.append(f"  {reading.value:g} {kpi.unit} ({target_word(kpi)} {kpi.target:g})")
        out.link(kpi, extra)

    risks = data.referring(a.id, Risk)
    actions = data.referring(a.id, ImprovementAction)
    if risks:
        out.section("Risks", len(risks))
        for risk in risks:
            out.link(risk, f"{rated_band(risk).value} ({rated_score(risk)})")
    if actions:
        out.section("Improvement actions", len(actions))
        for action in actions:
            out.link(action, action.status.label)


AGREEMENTS: Register[AgreementRow] = Register(
    model=Agreement,
    columns=COLUMNS,
    rows=lambda ctx: current_agreement_rows(ctx.data, ctx.today, ctx.settings),
    detail=_detail,
)
