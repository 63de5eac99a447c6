"""The workspace: one opened store plus the use cases both front ends share.

The TUI and the CLI call these methods and never the store directly for decisions
(the change workflow, measurements, snapshots, the checker all go through here).
Methods block on disk: the TUI calls them from thread workers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from itsms_tui import __version__
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Amendment
from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.changes import (
    ChangeRequest,
    WorkflowError,
    check_edit,
    check_initial_state,
    end_change,
    transition,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.domain.integrity import IntegrityContext, record_problems
from itsms_tui.domain.kpis import Kpi, Measurement, check_measurement_date
from itsms_tui.domain.people import Person, Role
from itsms_tui.domain.people_refs import find_person
from itsms_tui.domain.record import Record
from itsms_tui.domain.review_schedule import supplier_review_status
from itsms_tui.domain.supplier_integrity import history_mark_problem
from itsms_tui.domain.supplier_lifecycle import step_named, take_step
from itsms_tui.domain.suppliers import Evaluation, ImprovementAction, Supplier, SupplierReview
from itsms_tui.services.authority import (
    Actor,
    Capability,
    capability_to_save,
    check_separation,
    first_administrator,
    person_access_changed,
    resolve_actor,
    session_login,
)
from itsms_tui.services.errors import UserError
from itsms_tui.services.locations import backup_policy
from itsms_tui.services.review_meeting import RecordedReview, ReviewDraft
from itsms_tui.snapshot.demo import load_demo
from itsms_tui.snapshot.export import export_snapshot
from itsms_tui.snapshot.format import Snapshot
from itsms_tui.snapshot.importer import load_snapshot
from itsms_tui.store.errors import StoreError
from itsms_tui.store.files import PRIVATE_MODE, write_file_atomically
from itsms_tui.store.records import RecordStore

R = TypeVar("R", bound=Record)


def _today() -> date:
    return date.today()


@dataclass
class Workspace:
    """An opened data source: a data file, or the demo data in memory."""

    store: RecordStore
    demo: bool = False
    read_only_requested: bool = False
    today: Callable[[], date] = field(default=_today)
    login: str = ""
    """The login this session works as (``authority.session_login``); set on open."""
    _actor: tuple[int, Actor] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.login:
            self.login = session_login(owns_data=self.store.owned_by_user)
        self.store.user = self.login

    # --- opening ------------------------------------------------------------------

    @classmethod
    def open_file(cls, path: Path, *, read_only: bool = False) -> Workspace:
        """Open the data file; its records, audit trail and settings are checked now."""
        store = RecordStore.open(path, read_only=read_only, backups=backup_policy())
        workspace = cls(store, read_only_requested=read_only)
        workspace.checked_settings()
        return workspace

    def checked_settings(self) -> CheckSettings:
        """The saved checker settings, validated; ``UserError`` naming the field if not."""
        try:
            return CheckSettings.model_validate(self.settings())
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise UserError(f"{self.location}: settings.{field}: {first['msg']}") from None

    @classmethod
    def open_demo(cls, *, today: Callable[[], date] = _today, read_only: bool = False) -> Workspace:
        """The bundled sample organisation, dated relative to today, in memory only."""
        store = RecordStore.in_memory()
        store.replace_all(load_demo(today()), summary="demo data loaded")
        return cls(store, demo=True, read_only_requested=read_only, today=today)

    @property
    def location(self) -> str:
        return (
            "demo data (in memory, nothing is saved to disk)" if self.demo else self.store.location
        )

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        if self.read_only_requested:
            return "opened with --read-only"
        if not self.store.writable:
            return self.store.read_only_reason
        return self.actor.read_only_reason

    # --- who is working -----------------------------------------------------------

    @property
    def actor(self) -> Actor:
        """The person this session works as, from the current people register.

        In the demo, a login that is nobody in the sample organisation works as its
        administrator, so anyone can try everything.
        """
        generation = self.store.generation
        if self._actor is not None and self._actor[0] == generation:
            return self._actor[1]
        people = self.data().all(Person)
        actor = resolve_actor(self.login, people)
        if self.demo and actor.person is None:
            admin = next((p for p in people if Role.ADMINISTRATOR in p.roles and p.active), None)
            if admin is not None:
                actor = Actor(self.login, admin, frozenset(admin.roles))
        self.store.person = actor.person_id
        self._actor = (generation, actor)
        return actor

    def _authorize(self, capability: Capability, doing: str) -> Actor:
        """The actor, once the store is writable and a role of theirs allows ``doing``.

        The first login on a data file with no logins yet is filed as its administrator
        here, before its first save.
        """
        self._check_writable()
        actor = self.actor
        actor.require(capability, doing)
        if actor.first_login and not self.demo:
            self.store.create(first_administrator(actor.login))
            actor = self.actor
        return actor

    def _authorize_save(self, record: Record, stored: Record | None) -> Actor:
        if getattr(record, "sod_override", "") and getattr(record, "sod_override", "") != getattr(
            stored, "sod_override", ""
        ):
            self._authorize(Capability.ADMINISTER, "record a separation-of-duties override")
        if isinstance(record, Person) and person_access_changed(
            stored if isinstance(stored, Person) else None, record
        ):
            return self._authorize(
                Capability.ADMINISTER, "change a person's logins, roles or status"
            )
        if isinstance(record, Person) and self.actor.may(Capability.MANAGE_SUPPLIERS):
            return self._authorize(Capability.MANAGE_SUPPLIERS, "file people")  # contacts
        capability, doing = capability_to_save(record.collection)
        return self._authorize(capability, doing)

    # --- reading ------------------------------------------------------------------

    def data(self) -> DataSet:
        return self.store.dataset()

    @property
    def generation(self) -> int:
        return self.store.generation

    def history(self, record_id: str) -> list[AuditEntry]:
        return self.store.audit_trail(record_id)

    def settings(self) -> dict[str, Any]:
        return self.store.settings()

    # --- writing ------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise UserError(f"{self.location}: read-only ({self.read_only_reason})")

    def save(self, record: R) -> R:
        """Create or update a record. Change status only moves through ``move_change``."""
        stored = self.store.get(type(record), record.id) if record.id else None
        self._authorize_save(record, stored)
        if isinstance(record, Amendment):
            self._separate_amendment(record, stored)
        if isinstance(record, ChangeRequest):
            if not record.id:
                check_initial_state(record)
            else:
                check_edit(self.store.get(ChangeRequest, record.id), record)
        if isinstance(record, Measurement):
            self._check_measurement(record)
        if isinstance(record, Supplier):
            mark = history_mark_problem(stored if isinstance(stored, Supplier) else None, record)
            if mark is not None:
                raise UserError(f"{record.display if record.id else record.name}: {mark}")
        self._check_integrity(record, stored)
        return self.store.save(record)

    def integrity_context(self) -> IntegrityContext:
        """The current records, today and the selection threshold, for the integrity rules."""
        threshold = self.checked_settings().selection_threshold
        return IntegrityContext(self.data(), self.today(), threshold)

    def _check_integrity(self, record: Record, stored: Record | None) -> None:
        """Refuse a save that breaks an integrity rule (``domain.integrity``).

        Only problems the save would add are refused, so a record that was already
        inconsistent can still have an unrelated field corrected.
        """
        context = self.integrity_context()
        before = set(record_problems(stored, context)) if stored is not None else set()
        for field_name, message in record_problems(record, context):
            if (field_name, message) not in before:
                who = record.display if record.id else f"new {record.label} {record.heading}"
                raise UserError(f"{who}: {field_name}: {message}")

    def _separate_amendment(self, amendment: Amendment, stored: Record | None) -> None:
        """An amendment's approver differs from its author (separation of duties).

        A new amendment's author is the actor unless named. A conflict already recorded
        (same author and approver as stored) is not judged again, so other fields stay
        editable; a new one needs an administrator's reason in ``sod_override``.
        """
        actor = self.actor
        if not amendment.id and not amendment.author and actor.person_id:
            amendment.author = actor.person_id
        if not amendment.approved_by or amendment.approved_by != amendment.author:
            return
        before = stored if isinstance(stored, Amendment) else None
        if (
            before is not None
            and (before.approved_by, before.author) == (amendment.approved_by, amendment.author)
            and before.sod_override == amendment.sod_override
        ):
            return
        amendment.sod_override = check_separation(
            actor,
            "an amendment's approver must differ from its author",
            amendment.sod_override,
            enabled=self.checked_settings().separation_of_duties,
        )

    def _check_measurement(self, measurement: Measurement) -> None:
        try:
            check_measurement_date(measurement, self.today())
        except ValueError as error:
            raise UserError(f"{measurement.kpi_id}: {error}") from None

    def save_settings(self, settings: CheckSettings) -> None:
        """Store the checker settings with the data (audited), for every session and ``check``."""
        self._authorize(Capability.ADMINISTER, "change the settings")
        self.store.save_settings(settings.model_dump(mode="json"))

    def delete(self, record: Record) -> None:
        if isinstance(record, Person):
            self._authorize(Capability.ADMINISTER, "remove a person")
        else:
            self._authorize(*capability_to_save(record.collection))
        self.store.delete(type(record), record.id, record.revision)

    def move_change(
        self,
        change: ChangeRequest,
        target: ChangeStatus,
        updates: dict[str, Any] | None = None,
        *,
        override: str = "",
    ) -> ChangeRequest:
        """Apply a workflow step (validated by the domain), refusing stale edits.

        Approving or rejecting needs the change authority role and names the actor as
        the approver; the requester may not approve their own change (separation of
        duties) unless an administrator records ``override``, a reason.
        """
        given = dict(updates or {})
        if target in (ChangeStatus.APPROVED, ChangeStatus.REJECTED):
            actor = self._authorize(Capability.APPROVE_CHANGES, "approve or reject changes")
            if actor.person_id:
                given["approver"] = actor.person_id
            if target is ChangeStatus.APPROVED:
                conflict = (
                    "the requester of a change cannot approve it"
                    if actor.person_id and actor.person_id == change.requested_by
                    else None
                )
                reason = check_separation(
                    actor, conflict, override, enabled=self.checked_settings().separation_of_duties
                )
                if reason:
                    given["sod_override"] = reason
        elif target is ChangeStatus.SUBMITTED:
            actor = self._authorize(Capability.EDIT, "submit changes")
            if actor.person_id and not given.get("requested_by") and not change.requested_by:
                given["requested_by"] = actor.person_id
        else:
            self._authorize(Capability.MANAGE_CHANGES, f"move changes to {target.label}")
        moved = transition(change, target, given)
        self._check_integrity(moved, change)
        return self.store.update(moved)

    def move_supplier(
        self, supplier: Supplier, step: str, updates: dict[str, Any] | None = None
    ) -> Supplier:
        """Take a supplier lifecycle step (validated by the domain), refusing stale edits.

        Approving a supplier names the actor as approver; the person who evaluated it
        may not alone approve its selection (separation of duties, see ``move_change``).
        """
        actor = self._authorize(Capability.MANAGE_SUPPLIERS, "manage suppliers")
        given = dict(updates or {})
        override = str(given.pop("sod_override", "") or "")
        if "approved_on" in step_named(step).fields and actor.person_id:
            given["approved_by"] = actor.person_id
            evaluators = {
                e.evaluator for e in self.data().referring(supplier.id, Evaluation) if e.evaluator
            }
            conflict = (
                "the person who evaluated a supplier cannot alone approve its selection"
                if actor.person_id in evaluators
                else None
            )
            reason = check_separation(
                actor, conflict, override, enabled=self.checked_settings().separation_of_duties
            )
            if reason:
                given["sod_override"] = reason
        moved = take_step(supplier, step_named(step), given, self.today())
        self._check_integrity(moved, supplier)
        return self.store.update(moved)

    def end_change(self, change: ChangeRequest, target: ChangeStatus, reason: str) -> ChangeRequest:
        """Withdraw or cancel a change not yet implemented, today, with a reason.

        Its requester may withdraw it; cancelling, or withdrawing someone else's, needs
        the change manager role.
        """
        actor = self.actor
        if not (
            target is ChangeStatus.WITHDRAWN
            and actor.person_id
            and actor.person_id == change.requested_by
        ):
            self._authorize(Capability.MANAGE_CHANGES, f"{target.label.removesuffix('ed')} changes")
        else:
            self._authorize(Capability.EDIT, "withdraw changes")
        try:
            ended = end_change(change, target, reason, self.today())
        except WorkflowError as error:
            raise UserError(str(error)) from None
        self._check_integrity(ended, change)
        return self.store.update(ended)

    def record_measurement(
        self,
        kpi: Kpi,
        value: float,
        measured_on: date | None = None,
        note: str = "",
    ) -> Measurement:
        self._authorize(Capability.EDIT, "record measurements")
        measurement = Measurement(
            kpi_id=kpi.id,
            measured_on=measured_on or self.today(),
            value=value,
            note=note,
            recorded_by=self.store.user,
        )
        self._check_measurement(measurement)
        return self.store.create(measurement)

    def record_review(self, draft: ReviewDraft) -> RecordedReview:
        """Record a review meeting: the review and its new improvement actions in one
        transaction (all saved or none), each through ``save`` and its rules.

        The supplier's next review then follows from this review and its interval
        (``domain.review_schedule``), returned with the records.
        """
        self._authorize(Capability.MANAGE_SUPPLIERS, "record supplier reviews")
        supplier = self.store.get(Supplier, draft.supplier_id)
        with self.store.batch():
            return self._record_review(draft, supplier)

    def _person_named(self, text: str) -> str | None:
        """The person ``text`` names (id or name), filed as a new person when nobody is."""
        if not text.strip():
            return None
        found = find_person(self.data(), text)
        if found is not None:
            return found
        try:
            person = Person(name=text)
        except ValidationError as error:
            raise UserError(f"person {text!r}: {error.errors()[0]['msg']}") from None
        return self.save(person).id

    def _record_review(self, draft: ReviewDraft, supplier: Supplier) -> RecordedReview:
        attendees = [a for a in (self._person_named(name) for name in draft.attendees) if a]
        owners = [self._person_named(a.owner) for a in draft.actions]
        try:
            review = SupplierReview(
                supplier_id=supplier.id,
                held_on=draft.held_on,
                attendees=list(dict.fromkeys(attendees)),
                performance_summary=draft.performance_summary,
                minutes=draft.minutes,
            )
            actions = [
                ImprovementAction(
                    description=a.description,
                    owner=owner,
                    due_date=a.due_date,
                    supplier_id=supplier.id,
                )
                for a, owner in zip(draft.actions, owners, strict=True)
            ]
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise UserError(f"review of {supplier.display}: {where}: {first['msg']}") from None
        saved = self.save(review)
        saved_actions = tuple(
            self.save(a.model_copy(update={"review_id": saved.id})) for a in actions
        )
        tier_months = self.checked_settings().supplier_review_months
        schedule = supplier_review_status(
            supplier, self.data().referring(supplier.id, SupplierReview), self.today(), tier_months
        )
        return RecordedReview(saved, saved_actions, schedule)

    # --- snapshots ----------------------------------------------------------------

    def export_text(self, *, with_audit: bool = False) -> str:
        """The snapshot text; ``with_audit`` adds the audit trail, which must verify first."""
        trail = None
        if with_audit:
            verdict = self.store.verify_audit()
            if verdict.broken is not None:
                raise UserError(
                    f"{self.location}: the audit trail is broken ({verdict.summary()}); "
                    "a snapshot of it would not verify"
                )
            trail = self.store.audit_trail()
        return export_snapshot(
            self.data(),
            exported_at=datetime.now(UTC).replace(microsecond=0),
            app_version=__version__,
            settings=self.settings() or None,
            audit=trail,
        )

    @property
    def export_mode(self) -> int:
        """The mode a new snapshot file gets: the data file's, else private (0600).

        A snapshot holds the same contacts and contract values as the data file, so it
        must not be readable by more people than the data file is.
        """
        mode = self.store.file_mode
        return PRIVATE_MODE if mode is None else mode

    def export_to(self, path: Path, *, with_audit: bool = False) -> int:
        """Write a snapshot file atomically (mode: ``export_mode``); returns the record count."""
        text = self.export_text(with_audit=with_audit)
        write_file_atomically(path, text.encode("utf-8"), mode=self.export_mode)
        return len(self.data())

    def import_snapshot(self, snapshot: Snapshot, *, replace: bool, source: str) -> None:
        """Fill an empty store, or replace everything when asked; one atomic write."""
        self._check_writable()
        if not self.actor.first_login:
            self.actor.require(Capability.ADMINISTER, "import snapshots")
        if not replace and not self.store.is_empty():
            raise UserError(
                f"{self.location} already holds {len(self.data())} records; "
                "use --replace to replace them all"
            )
        self.store.replace_all(
            snapshot.dataset,
            summary=f"imported {snapshot.total()} records from {source}",
            settings=snapshot.settings or None,
            trail=snapshot.audit,
        )

    def load_demo_here(self) -> None:
        """Fill this (empty) store with the sample organisation — the welcome screen's offer."""
        self._check_writable()
        self.actor.require(Capability.ADMINISTER, "load the demo data")
        if not self.store.is_empty():
            raise UserError(
                f"{self.location} is not empty; demo data is only loaded into an empty store"
            )
        self.store.replace_all(load_demo(self.today()), summary="demo data loaded")


def read_snapshot_file(
    path: Path, *, allow_history: bool = False, today: date | None = None
) -> Snapshot:
    """Read and validate a snapshot file (raises SnapshotError / OSError / UserError).

    The one validation path of ``import``, ``import --dry-run`` and ``check --snapshot``:
    after the importer's checks the records and settings go through the same store
    write as a real import, in memory, so nothing the real import would refuse passes.
    """
    snapshot = load_snapshot(
        path.read_bytes(), source=str(path), today=today, allow_history=allow_history
    )
    trial = RecordStore.in_memory()
    try:
        trial.replace_all(
            snapshot.dataset, summary="validation", settings=snapshot.settings or None
        )
    except StoreError as error:
        problem = getattr(error, "problem", str(error))
        raise UserError(f"{path}: {problem}") from None
    return snapshot
