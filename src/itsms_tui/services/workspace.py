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
from itsms_tui.domain.record import Record
from itsms_tui.domain.review_schedule import supplier_review_status
from itsms_tui.domain.supplier_integrity import history_mark_problem
from itsms_tui.domain.supplier_lifecycle import step_named, take_step
from itsms_tui.domain.suppliers import ImprovementAction, Supplier, SupplierReview
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
        return self.read_only_requested or not self.store.writable

    @property
    def read_only_reason(self) -> str | None:
        if self.read_only_requested:
            return "opened with --read-only"
        return self.store.read_only_reason

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
        self._check_writable()
        if isinstance(record, ChangeRequest):
            if not record.id:
                check_initial_state(record)
            else:
                check_edit(self.store.get(ChangeRequest, record.id), record)
        if isinstance(record, Measurement):
            self._check_measurement(record)
        stored = self.store.get(type(record), record.id) if record.id else None
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

    def _check_measurement(self, measurement: Measurement) -> None:
        try:
            check_measurement_date(measurement, self.today())
        except ValueError as error:
            raise UserError(f"{measurement.kpi_id}: {error}") from None

    def save_settings(self, settings: CheckSettings) -> None:
        """Store the checker settings with the data (audited), for every session and ``check``."""
        self._check_writable()
        self.store.save_settings(settings.model_dump(mode="json"))

    def delete(self, record: Record) -> None:
        self._check_writable()
        self.store.delete(type(record), record.id, record.revision)

    def move_change(
        self, change: ChangeRequest, target: ChangeStatus, updates: dict[str, Any] | None = None
    ) -> ChangeRequest:
        """Apply a workflow step (validated by the domain), refusing stale edits."""
        self._check_writable()
        moved = transition(change, target, updates)
        self._check_integrity(moved, change)
        return self.store.update(moved)

    def move_supplier(
        self, supplier: Supplier, step: str, updates: dict[str, Any] | None = None
    ) -> Supplier:
        """Take a supplier lifecycle step (validated by the domain), refusing stale edits."""
        self._check_writable()
        moved = take_step(supplier, step_named(step), updates, self.today())
        self._check_integrity(moved, supplier)
        return self.store.update(moved)

    def end_change(self, change: ChangeRequest, target: ChangeStatus, reason: str) -> ChangeRequest:
        """Withdraw or cancel a change not yet implemented, today, with a reason."""
        self._check_writable()
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
        self._check_writable()
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
        self._check_writable()
        supplier = self.store.get(Supplier, draft.supplier_id)
        try:
            review = SupplierReview(
                supplier_id=supplier.id,
                held_on=draft.held_on,
                attendees=list(draft.attendees),
                performance_summary=draft.performance_summary,
                minutes=draft.minutes,
            )
            actions = [
                ImprovementAction(
                    description=a.description,
                    owner=a.owner,
                    due_date=a.due_date,
                    supplier_id=supplier.id,
                )
                for a in draft.actions
            ]
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise UserError(f"review of {supplier.display}: {where}: {first['msg']}") from None
        with self.store.batch():
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
