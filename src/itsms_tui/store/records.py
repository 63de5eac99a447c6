"""Typed record repository over the storage: ids, revisions, references and the audit trail.

Every mutation runs in one storage transaction, so the change and its audit entry land
in the same atomic write; revisions are checked inside that transaction (optimistic
concurrency: an edit based on a stale revision is refused, never written over).
Validated models are cached per record fingerprint (revision + updated_at), so
re-reading after another session's save re-validates only what changed.
"""

from __future__ import annotations

import gc
import getpass
import os
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from itsms_tui.domain.audit import AuditEntry, diff_fields
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AuditAction
from itsms_tui.domain.fields import utc_now
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import (
    BY_COLLECTION,
    COLLECTIONS,
    format_id,
    id_number,
    referenced_collection,
)
from itsms_tui.store import audit_chain, progress
from itsms_tui.store.backups import BackupPolicy
from itsms_tui.store.errors import (
    DanglingReferenceError,
    DataFileError,
    RecordNotFoundError,
    StaleRevisionError,
    StillReferencedError,
)
from itsms_tui.store.migrations import migration_summary
from itsms_tui.store.storage import (
    DataFileStorage,
    InMemoryStorage,
    Tables,
    TransactionalStorage,
    corrupt_file_advice,
    open_tinydb,
)

R = TypeVar("R", bound=Record)

AUDIT_TABLE = "audit"
SEQUENCE_TABLE = "sequences"
SETTINGS_TABLE = "settings"
_SINGLE_DOC = 1


def _check_sequences(location: str, tables: Tables) -> None:
    """The id counters must be positive whole numbers: they decide every new id."""
    docs = tables.get(SEQUENCE_TABLE, {})
    for doc_id, doc in docs.items():
        for name, value in doc.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise DataFileError(
                    location,
                    f"{SEQUENCE_TABLE} document {doc_id}: {name} is {value!r}, "
                    "not a positive whole number",
                )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a data file is decoded and validated.

    Loading creates hundreds of thousands of long-lived objects and no cycles worth
    collecting; with the collector on, its generation passes over that growing heap took
    about a third of opening a 50k-record file. Collection resumes (as it was) after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Progress:
    """Reports "checking records: 5,000 of 50,000" every ``progress.EVERY`` records."""

    def __init__(self, tables: Tables) -> None:
        self.total = sum(len(tables.get(name, {})) for name in COLLECTIONS)
        self.done = 0
        if self.total >= progress.EVERY:
            progress.report(f"checking {self.total:,} records")

    def step(self) -> None:
        self.done += 1
        if self.done % progress.EVERY == 0:
            progress.report(f"checking records: {self.done:,} of {self.total:,}")


def current_user() -> str:
    """The OS user, for the audit trail (who)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"


class RecordStore:
    """The typed store that services use; the only code above the raw storage."""

    def __init__(self, storage: TransactionalStorage, *, user: str | None = None) -> None:
        self._storage = storage
        self._db: TinyDB = open_tinydb(storage)
        self.user = user or current_user()
        self.person = ""  # the person ``user`` maps to; set by the workspace once known
        self._cache_generation: int | None = None
        self._cache: DataSet | None = None
        self._models: dict[str, dict[str, tuple[Any, Any, Record]]] = {}
        self._built: dict[str, tuple[object, dict[str, Record]]] = {}
        self._last: DataSet | None = None
        """The last data set built: the next one is its ``successor`` (shares what did
        not change, keeps its indexes and derived values up to date)."""

    # --- opening ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        user: str | None = None,
        backups: BackupPolicy | None = None,
    ) -> RecordStore:
        """Open (or prepare to create) the data file at ``path``; validates it now."""
        with _collector_paused():
            progress.report(f"reading {path.name}")
            storage = DataFileStorage(
                path, read_only=read_only, create_dirs=not read_only, backups=backups
            )
            store = cls(storage, user=user)
            try:
                store.dataset()  # refuse a file whose records do not validate, before the UI
                store.audit_trail()
                if storage.upgraded_from is not None and storage.writable:
                    store._write_upgrade(storage.upgraded_from)
                gc.freeze()  # the validated models are long-lived too (see DataFileStorage)
            except DataFileError as error:
                raise DataFileError(error.path, error.problem + corrupt_file_advice(path)) from None
        return store

    @classmethod
    def in_memory(cls, *, user: str | None = None) -> RecordStore:
        return cls(InMemoryStorage(), user=user)

    @property
    def location(self) -> str:
        return self._storage.location

    @property
    def writable(self) -> bool:
        return self._storage.writable

    @property
    def owned_by_user(self) -> bool:
        """Whether the OS user owns the data (an in-memory store is theirs)."""
        return bool(getattr(self._storage, "owned_by_user", True))

    @property
    def file_mode(self) -> int | None:
        """The data file's permission bits; None in memory or before the first save."""
        return getattr(self._storage, "file_mode", None)

    @property
    def exists(self) -> bool:
        """Whether there is a data file (always True in memory)."""
        return bool(getattr(self._storage, "exists", True))

    @property
    def read_only_reason(self) -> str | None:
        return self._storage.read_only_reason

    @property
    def generation(self) -> int:
        """Changes whenever the committed data changed, here or in another session."""
        return self._storage.generation

    def close(self) -> None:
        self._storage.close()

    # --- reading ------------------------------------------------------------------

    def dataset(self) -> DataSet:
        """Every record, validated; cached until the data changes."""
        snap = self._storage.snapshot()
        if self._cache is not None and snap.generation == self._cache_generation:
            return self._cache
        _check_sequences(self.location, snap.data)
        data = self._build_dataset(snap.data)
        if snap.generation is not None:
            self._cache, self._cache_generation = data, snap.generation
        return data

    def _build_dataset(self, tables: Tables) -> DataSet:
        """Validate what changed since the last build; reuse every untouched collection.

        The storage shares a table object between versions until that table changes,
        so a collection whose table is the very object of the last build is taken over
        whole (no pass over its documents); a changed one re-validates only documents
        whose fingerprint (revision, updated_at, id) moved.
        """
        replaced: dict[str, dict[str, Record]] = {}
        fresh: dict[str, dict[str, tuple[Any, Any, Record]]] = {}
        built: dict[str, tuple[object, dict[str, Record]]] = {}
        counter = _Progress(tables) if progress.wanted() else None
        for name in COLLECTIONS:
            model = BY_COLLECTION[name]
            table = tables.get(name, {})
            previous = self._built.get(name)
            if previous is not None and previous[0] is table and name in self._models:
                records = previous[1]
                fresh[name] = self._models[name]
            else:
                known = self._models.get(name, {})
                seen: dict[str, tuple[Any, Any, Record]] = {}
                records = {}
                for doc_id, doc in table.items():
                    print_ = (doc.get("revision"), doc.get("updated_at"))
                    cached = known.get(doc_id)
                    if (
                        cached is not None
                        and cached[:2] == print_
                        and cached[2].id == doc.get("id")
                    ):
                        record = cached[2]
                    else:
                        record = self._validate(model, doc_id, doc)
                    if counter is not None:
                        counter.step()
                    seen[doc_id] = (*print_, record)
                    records[record.id] = record
                fresh[name] = seen
                replaced[name] = records
            built[name] = (table, records)
        if self._last is None:
            data = DataSet()
            for name, records in replaced.items():
                data.adopt(name, records)
        else:
            data = self._last.successor(replaced)
        self._models = fresh
        self._built = built
        self._last = data
        return data

    def _validate(self, model: type[R], doc_id: str, doc: Mapping[str, Any]) -> R:
        try:
            record = model.model_validate(doc)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "record"
            where = f"{model.collection}[{doc.get('id', doc_id)}].{field}"
            raise DataFileError(self.location, f"{where}: {first['msg']}") from None
        if not record.id or id_number(record.id) != int(doc_id):
            raise DataFileError(
                self.location, f"{model.collection} document {doc_id} has id {record.id!r}"
            )
        return record

    def get(self, model: type[R], record_id: str) -> R:
        found = self.dataset().get_as(model, record_id)
        if found is None:
            raise RecordNotFoundError(f"{model.label} {record_id}")
        return found

    def is_empty(self) -> bool:
        return len(self.dataset()) == 0

    def settings(self) -> dict[str, Any]:
        """The checker settings saved with the data ({} when never saved)."""
        doc = self._storage.snapshot().data.get(SETTINGS_TABLE, {}).get(str(_SINGLE_DOC))
        return dict(doc) if doc else {}

    def audit_trail(self, record_id: str | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first; for one record, or every entry."""
        table = self._storage.snapshot().data.get(AUDIT_TABLE, {})
        docs = [
            (k, d) for k, d in table.items() if record_id is None or d.get("record_id") == record_id
        ]
        entries: list[AuditEntry] = []
        for doc_id, doc in docs:
            try:
                entries.append(AuditEntry.model_validate(doc))
            except ValidationError as error:
                first = error.errors()[0]
                field = ".".join(str(p) for p in first["loc"]) or "entry"
                raise DataFileError(
                    self.location, f"{AUDIT_TABLE} entry {doc_id}.{field}: {first['msg']}"
                ) from None
        return sorted(entries, key=lambda e: e.seq)

    def verify_audit(self) -> ChainVerdict:
        """Check the audit trail's hash chain (see ``domain.audit_chain``)."""
        return audit_chain.verify_tables(self._storage.snapshot().data)

    # --- writing ------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Tables]:
        with self._storage.transaction():
            yield self._storage.read()

    def create(self, record: R) -> R:
        """Assign an id and store a new record (references checked, audited)."""
        with self._write() as tables:
            self._check_references(record, tables)
            number = self._next_number(record.prefix, record.collection, tables)
            now = utc_now()
            saved = record.model_copy(
                update={
                    "id": format_id(record.prefix, number),
                    "revision": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            doc = saved.model_dump(mode="json")
            self._db.table(record.collection).insert(Document(doc, doc_id=number))
            self._audit(AuditAction.CREATE, saved, diff_fields(None, saved.content()), now)
        return saved

    def update(self, record: R) -> R:
        """Save an edited record; refused if someone saved it since ``record.revision``."""
        if not record.id:
            raise RecordNotFoundError(f"new {record.label} (it has no id yet)")
        with self._write() as tables:
            stored = self._stored_doc(record, tables)
            if stored.get("revision") != record.revision:
                raise StaleRevisionError(record.display, record.revision, stored["revision"])
            self._check_references(record, tables)
            now = utc_now()
            saved = record.model_copy(
                update={
                    "revision": record.revision + 1,
                    "updated_at": now,
                    "created_at": datetime.fromisoformat(stored["created_at"]),
                }
            )
            new_doc = saved.model_dump(mode="json")
            changes = diff_fields(stored, saved.content())
            if not changes:
                return self.get(type(record), record.id)

            def replace(doc: MutableMapping[Any, Any]) -> None:
                doc.clear()
                doc.update(new_doc)

            self._db.table(record.collection).update(replace, doc_ids=[id_number(record.id)])
            self._audit(AuditAction.UPDATE, saved, changes, now)
        return saved

    def save(self, record: R) -> R:
        """Create a record without an id, update one with an id."""
        return self.update(record) if record.id else self.create(record)

    def delete(self, model: type[Record], record_id: str, revision: int | None = None) -> None:
        """Delete a record nothing refers to; with ``revision``, only if unchanged since."""
        with self._write() as tables:
            probe = model.model_construct(id=record_id)
            stored = self._stored_doc(probe, tables)
            current = self._validate(model, str(id_number(record_id)), stored)
            if revision is not None and stored.get("revision") != revision:
                raise StaleRevisionError(current.display, revision, stored["revision"])
            referrers = self._referrers(record_id, tables)
            if referrers:
                raise StillReferencedError(current.display, referrers)
            self._db.table(model.collection).remove(doc_ids=[id_number(record_id)])
            self._audit(
                AuditAction.DELETE, current, diff_fields(current.content(), None), utc_now()
            )

    def replace_all(
        self,
        data: DataSet,
        *,
        summary: str,
        settings: Mapping[str, Any] | None = None,
        trail: Sequence[AuditEntry] | None = None,
    ) -> None:
        """Replace every record (an import) in one atomic, audited write.

        ``data`` must already be validated and referentially complete (the snapshot
        importer guarantees it); records keep their ids, revisions and timestamps.
        ``trail`` is a snapshot's verified audit trail: it becomes this store's trail
        when this store has none yet (the import entry is chained after it); a store
        with a trail of its own keeps it, and the import entry says so, because
        evidence already held is never replaced.
        """
        with self._write() as tables:
            sequences = dict(tables.get(SEQUENCE_TABLE, {}).get(str(_SINGLE_DOC), {}))
            for name in COLLECTIONS:
                self._db.drop_table(name)
                records = data.collection(name)
                if records:
                    self._db.table(name).insert_multiple(
                        Document(r.model_dump(mode="json"), doc_id=id_number(r.id)) for r in records
                    )
                    top = max(id_number(r.id) for r in records) + 1
                    sequences[name] = max(int(sequences.get(name, 1)), top)
            self._put_single(SEQUENCE_TABLE, sequences)
            if settings is not None:
                self._put_single(SETTINGS_TABLE, dict(settings))
            if trail and tables.get(AUDIT_TABLE):
                summary += f"; its audit trail ({_count(trail)}) was verified, not kept"
            elif trail:
                self._db.table(AUDIT_TABLE).insert_multiple(
                    Document(e.model_dump(mode="json"), doc_id=e.seq) for e in trail
                )
                self._db.drop_table(audit_chain.HEAD_TABLE)  # the next append reads the new end
                summary += f"; its audit trail ({_count(trail)}) is kept above"
            self._append_audit(
                AuditEntry(
                    seq=self._next_audit_seq(),
                    at=utc_now(),
                    user=self.user,
                    person=self.person,
                    action=AuditAction.IMPORT,
                    summary=summary,
                )
            )

    def _write_upgrade(self, version: int) -> None:
        """Write an upgraded older file whole in the current version, audited (a backup of
        the old file is kept first, see ``DataFileStorage._persist``)."""
        with self._write() as tables:
            self._append_audit(
                AuditEntry(
                    seq=self._next_audit_seq(),
                    at=utc_now(),
                    user=self.user,
                    person=self.person,
                    action=AuditAction.MIGRATE,
                    summary=migration_summary(tables, version),
                )
            )

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several saves as one transaction: one write, all of them or none."""
        with self._storage.transaction():
            yield

    def save_settings(self, settings: Mapping[str, Any]) -> None:
        with self._write() as tables:
            old = dict(tables.get(SETTINGS_TABLE, {}).get(str(_SINGLE_DOC), {}))
            self._put_single(SETTINGS_TABLE, dict(settings))
            self._append_audit(
                AuditEntry(
                    seq=self._next_audit_seq(),
                    at=utc_now(),
                    user=self.user,
                    person=self.person,
                    action=AuditAction.UPDATE,
                    collection=SETTINGS_TABLE,
                    summary="checker settings",
                    changes=diff_fields(old, dict(settings)),
                )
            )

    # --- helpers inside a transaction ---------------------------------------------

    def _stored_doc(self, record: Record, tables: Tables) -> dict[str, Any]:
        doc = tables.get(record.collection, {}).get(str(id_number(record.id)))
        if doc is None or doc.get("id") != record.id:
            raise RecordNotFoundError(f"{record.label} {record.id}")
        return dict(doc)

    def _check_references(self, record: Record, tables: Tables) -> None:
        for field, ids in record.referenced_ids().items():
            for target in ids:
                collection = referenced_collection(type(record), field, target)
                doc = tables.get(collection, {}).get(str(id_number(target))) if collection else None
                if doc is None or doc.get("id") != target:
                    label = type(record).model_fields[field].title or field
                    who = record.display if record.id else f"new {record.label} {record.heading}"
                    raise DanglingReferenceError(who, label, target)

    def _referrers(self, record_id: str, tables: Tables) -> list[str]:
        found: list[str] = []
        for name in COLLECTIONS:
            model = BY_COLLECTION[name]
            if not model.references:
                continue
            for doc in tables.get(name, {}).values():
                for field in model.references:
                    value = doc.get(field)
                    if value == record_id or (isinstance(value, list) and record_id in value):
                        found.append(str(doc.get("id")))
                        break
        return sorted(found)

    def _next_number(self, prefix: str, collection: str, tables: Tables) -> int:
        sequences = dict(tables.get(SEQUENCE_TABLE, {}).get(str(_SINGLE_DOC), {}))
        existing = tables.get(collection, {})
        top = max((int(k) for k in existing), default=0) + 1
        number = max(int(sequences.get(collection, 1)), top)
        sequences[collection] = number + 1
        self._put_single(SEQUENCE_TABLE, sequences)
        return number

    def _put_single(self, table_name: str, doc: dict[str, Any]) -> None:
        table = self._db.table(table_name)
        table.truncate()
        table.insert(Document(doc, doc_id=_SINGLE_DOC))

    def _next_audit_seq(self) -> int:
        """The seq the next entry gets: from the chain head, not a scan of the trail."""
        return audit_chain.next_seq(self._storage.read())

    def _audit(self, action: AuditAction, record: Record, changes: Any, at: datetime) -> None:
        self._append_audit(
            AuditEntry(
                seq=self._next_audit_seq(),
                at=at,
                user=self.user,
                person=self.person,
                action=action,
                collection=record.collection,
                record_id=record.id,
                summary=record.heading[:200],
                changes=changes,
            )
        )

    def _append_audit(self, entry: AuditEntry) -> None:
        """Chain ``entry`` after the head (seq, prev_hash, hash) and move the head to it."""
        doc, head = audit_chain.chained(self._storage.read(), entry)
        self._db.table(AUDIT_TABLE).insert(Document(doc, doc_id=doc["seq"]))
        self._put_single(audit_chain.HEAD_TABLE, head)


def _count(entries: Sequence[AuditEntry]) -> str:
    return "1 entry" if len(entries) == 1 else f"{len(entries)} entries"
