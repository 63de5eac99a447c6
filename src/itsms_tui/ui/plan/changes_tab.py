"""The Changes register and its workflow, one plain key per allowed step.

Only the steps ``allowed_transitions`` gives for the highlighted change are offered (the
others are hidden from the footer and their keys do nothing); each asks, in a form, for
exactly the fields ``required_fields`` names, then ``Workspace.move_change`` runs in a
worker. Refusals (a workflow rule, a stale revision) come back as a notification.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import BindingType

from itsms_tui.domain.changes import (
    ACTION_NAMES,
    END_ACTION_NAMES,
    ChangeRequest,
    allowed_transitions,
    frozen_fields,
    required_fields,
)
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.record import Record
from itsms_tui.services.plan_rows import ChangeRow, change_rows
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.plan.change_workflow import (
    EDIT_FIELDS,
    END_FIELDS,
    can_end,
    end_bindings,
    end_refusal_text,
    new_change_fields,
    next_steps_text,
    override_offered,
    prefilled,
    refusal_text,
    step_bindings,
    step_updates,
)
from itsms_tui.ui.plan.child_tables import links_child
from itsms_tui.ui.plan.new_change import NewChangeScreen, Start
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register
from itsms_tui.ui.widgets.record_table import Column


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def planned_text(change: ChangeRequest) -> str:
    """``2025-06-30 +1d``: the planned start and how many days later it should end."""
    start, end = change.planned_start, change.planned_end
    if start is None:
        return f"until {end.isoformat()}" if end is not None else ""
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()} +{(end - start).days}d"


def who_when(day: date | None, person: str) -> str:
    """``2025-06-01 by Dana`` from whichever of the two is known."""
    parts = ([day.isoformat()] if day is not None else []) + ([f"by {person}"] if person else [])
    return " ".join(parts)


if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp


def user_of(shell: ItsmsApp) -> str:
    """Who is working: the id of the person the session's login maps to ("" if nobody)."""
    return str(shell.workspace.actor.person_id)


def _detail(row: ChangeRow, ctx: Context, out: DetailBuilder) -> None:
    change = row.record
    out.heading(change)
    out.field("Kind / status", f"{change.kind.label} · {change.status.label}")
    steps = (
        "read-only"
        if ctx.read_only
        else next_steps_text(allowed_transitions(change), endable=can_end(change))
    )
    out.field("Next steps", steps)
    out.field(
        "Requested", who_when(change.requested_on, person_name(ctx.data, change.requested_by))
    )
    planned = f"{_date(change.planned_start) or '—'} to {_date(change.planned_end) or '—'}"
    out.field("Planned", planned)
    out.field("Risk level", change.risk_level.label if change.risk_level else None)
    if change.approver or change.approved_on:
        out.field("Decided", who_when(change.approved_on, person_name(ctx.data, change.approver)))
    for label, day in (
        ("Implemented on", change.implemented_on),
        ("Reviewed on", change.reviewed_on),
        ("Closed on", change.closed_on),
    ):
        if day is not None:
            out.field(label, day)


def _more(row: ChangeRow, ctx: Context, out: DetailBuilder) -> None:
    change = row.record
    out.paragraph("Description", change.description)
    out.paragraph("Impact assessment", change.impact_assessment)
    out.paragraph("Backout plan", change.backout_plan)
    out.paragraph("Decision notes", change.decision_notes)
    out.paragraph("Post-implementation review", change.review_notes)


def editable_fields(record: Record) -> set[str]:
    """``E`` on a change: facts recorded by workflow steps are not offered (the workspace
    refuses them)."""
    return set(EDIT_FIELDS) - set(frozen_fields(cast(ChangeRequest, record)))


CHANGES: Register[ChangeRow] = Register(
    model=ChangeRequest,
    title="Changes",
    empty_text="No changes yet: n records one",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Change", lambda r: r.record.title, width=21, flex=1),
        Column("kind", "Kind", lambda r: r.record.kind.label, width=9),
        Column("status", "Status", lambda r: r.record.status.label, width=11),
        Column(
            "planned",
            "Planned (+d)",
            lambda r: planned_text(r.record),
            width=14,
            sort_key=lambda r: r.record.planned_start,
        ),
        Column("approver", "Approver", lambda r: r.approver, width=10),
        Column(
            "requested",
            "Requested",
            lambda r: _date(r.record.requested_on),
            width=10,
            sort_key=lambda r: r.record.requested_on,
        ),
    ],
    rows=lambda ctx: change_rows(ctx.data),
    detail=_detail,
    more=_more,
    children=(links_child(),),
    edit_only=editable_fields,
)


class ChangesTab(RegisterTab[ChangeRow], inherit_bindings=False):
    """The change register; the allowed workflow steps are the first keys in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *step_bindings(),
        *end_bindings(),
        *RegisterTab.BINDINGS,
    ]

    def __init__(self, register: Register[ChangeRow] = CHANGES, *, id: str) -> None:  # noqa: A002
        super().__init__(register, id=id)

    # ------------------------------------------------------------------ workflow

    def current_change(self) -> ChangeRequest | None:
        row = self.current_row()
        return row.record if row is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            if not self.is_mounted or self.shell.read_only:
                return False
            change = self.current_change()
            if change is None:
                return False
            try:
                target = ChangeStatus(str(parameters[0]))
            except (IndexError, ValueError):
                return False
            return target in allowed_transitions(change)
        if action == "end":
            if not self.is_mounted or self.shell.read_only:
                return False
            change = self.current_change()
            return change is not None and can_end(change)
        return super().check_action(action, parameters)

    def action_explain_end(self, target: str) -> None:
        """Withdraw or cancel pressed on a change past approval: say why not, and what next."""
        change = self.current_change()
        if change is not None and not self.shell.read_only:
            text = end_refusal_text(change, ChangeStatus(target))
            self.app.notify(text, severity="warning", markup=False)

    def action_end(self, target: str) -> None:
        """Ask why the change is withdrawn or cancelled, then end it in a worker (today)."""
        change = self.current_change()
        if change is None:
            return
        status = ChangeStatus(target)
        if not can_end(change):  # a key pressed before the footer caught up
            self.action_explain_end(target)
            return
        shell = self.shell
        action = END_ACTION_NAMES[status]
        success = f"{action}: {change.display} is now {status.label}"

        def job(result: ChangeRequest) -> ChangeRequest:
            return shell.workspace.end_change(change, status, result.end_reason)

        form = RecordForm(
            ChangeRequest,
            change,
            only=END_FIELDS,
            required=END_FIELDS,
            title=f"{action} {change.display}",
            submit=shell.form_job(job, lambda _ended: success),
        )
        self.app.push_screen(form)

    def action_explain_step(self, target: str) -> None:
        """A step key that is not allowed now: say what the step needs."""
        change = self.current_change()
        if change is not None and not self.shell.read_only:
            text = refusal_text(change, ChangeStatus(target))
            self.app.notify(text, severity="warning", markup=False)

    def action_move(self, target: str) -> None:
        """Ask for the fields the step needs, then move the change in a worker."""
        change = self.current_change()
        if change is None:
            return
        status = ChangeStatus(target)
        if status not in allowed_transitions(change):  # a key pressed before the footer caught up
            self.app.notify(
                f"{change.display}: cannot {ACTION_NAMES[status].lower()} from {change.status}",
                severity="warning",
                markup=False,
            )
            return
        fields = required_fields(change, status)
        shell = self.shell
        success = f"{ACTION_NAMES[status]}: {change.display} is now {status.label}"
        shown = fields + (
            ("sod_override",) if override_offered(shell.workspace, change, status) else ()
        )

        def job(result: ChangeRequest) -> ChangeRequest:
            return shell.workspace.move_change(
                change, status, step_updates(result, fields), override=result.sod_override
            )

        form = RecordForm(
            ChangeRequest,
            prefilled(change, status, shell.today, user_of(shell)),
            only=shown,
            required=fields,
            title=f"{ACTION_NAMES[status]} {change.display}",
            submit=shell.form_job(job, lambda _moved: success),  # a failed step keeps the form
        )
        self.app.push_screen(form)

    # ------------------------------------------------------------------ new and edit

    def create_new(self) -> None:
        """First the kind and starting state, then the form without a status field."""
        self.app.push_screen(NewChangeScreen(), self._new_change_form)

    def _new_change_form(self, start: Start | None) -> None:
        if start is None:
            return
        kind, state = start
        shell = self.shell
        exclude, needed = new_change_fields(state)
        user = user_of(shell)
        initial: dict[str, Any] = {
            "kind": kind,
            "status": state,
            "requested_on": shell.today,
            **({"requested_by": user} if user else {}),
        }
        if "implemented_on" in needed:
            initial["implemented_on"] = shell.today
        shell.create_record(
            ChangeRequest,
            initial,
            exclude=exclude,
            required=needed,
            title=f"New {kind.label} change ({state.label})",
        )
