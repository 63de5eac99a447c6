"""TinyDB storages for the data file: crash-safe, multi-process-safe, transactional.

``DataFileStorage`` keeps one JSON file, plus a journal of the saves since it was last
written whole once it is large (``itsms_tui.store.journal``); ``InMemoryStorage``
(``--demo``, tests) has the same interface and never touches the disk. Both hold the
last committed database decoded and hand TinyDB a copy-on-write working view inside
``transaction()`` (a table is copied when first written, a document when first edited),
so a failed transaction leaves nothing behind, in memory or on disk, and a save costs
what it changes. Committed versions share every table neither changed: a snapshot is
never modified afterwards.

How an upper layer uses TinyDB on top of this safely
----------------------------------------------------
TinyDB caches per process, and those caches are wrong as soon as another process
writes: ``Table._next_id`` (the next doc_id; a stale one makes ``insert`` fail and
``insert_multiple`` silently overwrite a document) and the per-table query cache
(stale search results). So:

1. Open the database with ``open_tinydb(storage)``: its tables are ``StoreTable``,
   which has no query cache and recomputes the next doc_id in every transaction (and
   whenever the cached one is taken). With a plain ``TinyDB(storage=lambda: storage)``
   you must pass ``cache_size=0`` to every ``db.table(...)`` and reset
   ``table._next_id = None`` at the start of every transaction yourself.
2. Do every write inside ``with storage.transaction():``, together with the reads it
   depends on (revision check, audit entry): the block runs under the exclusive lock
   on the newest data and lands as one atomic save, or not at all if an exception
   escapes. A write outside a transaction raises ``TransactionRequiredError``.
3. Treat what ``read()``/``snapshot()`` return outside a transaction as read-only: it
   is the shared cache (that is what makes repeated reads free). TinyDB's read
   operations copy each document, but only shallowly: nested lists and dicts in a
   returned ``Document`` are the cache's own, so copy (or validate into models)
   before changing anything.
4. Cache derived objects (validated models) per ``snapshot().generation``, not per
   ``generation`` read separately, so data and generation are known to belong together.
5. Ignore the ``_meta`` table (``META_TABLE``): the storage maintains it.

Values are stored as orjson encodes them: stick to JSON types (pydantic's
``model_dump(mode="json")``). datetime/date and dataclasses are refused; tuples
become lists, UUIDs and enums their values, NaN and infinities ``null``, so the
domain layer should not let those through.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import stat
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from itsms_tui.store import journal
from itsms_tui.store.backups import BackupPolicy, keep_backup, newest_readable, prune_backups
from itsms_tui.store.errors import (
    DataFileError,
    InvalidDataError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreError,
    StoreSyncError,
    StoreWriteError,
    TransactionRequiredError,
)
from itsms_tui.store.filelock import FileLock, InodeLock
from itsms_tui.store.migrations import upgrade
from itsms_tui.store.schema import (
    META_TABLE,
    SCHEMA_VERSION,
    SchemaProblem,
    check_changes,
    check_database,
    meta_table,
)

Tables = dict[str, dict[str, Any]]
"""TinyDB's whole-database shape: table name -> {doc_id string -> document}."""

DEFAULT_LOCK_TIMEOUT = 10.0
"""Seconds to wait for another session's lock before ``StoreBusyError``."""

# Refuse (instead of silently converting) types that would read back as something else.
_ENCODE_OPTIONS = (
    orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_APPEND_NEWLINE
)


class FileStamp(NamedTuple):
    """Identity of one version of the data file. Saves never modify a file in place."""

    device: int
    inode: int
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileStamp:
        return cls(st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


class Snapshot(NamedTuple):
    """A database state and its generation, taken together.

    ``generation`` is None inside a transaction: the data is uncommitted and must not
    be cached under any generation.
    """

    generation: int | None
    data: Tables


class _Loaded:
    """One committed version of the database, as this process last saw it.

    ``fd`` keeps that version's inode open. An inode number freed by a replace can be
    reused by the next save's temporary file, and file times are only as fine as the
    kernel's clock tick, so (inode, mtime, size) alone could match a newer file; an
    inode that is still open cannot be reused, so while we hold it the stamp is exact.
    """

    __slots__ = (
        "crc",
        "data",
        "error",
        "fd",
        "generation",
        "journal_end",
        "journal_id",
        "journal_seen",
        "journal_valid",
        "raw",
        "schema_version",
        "stamp",
        "upgraded_from",
    )

    def __init__(
        self,
        *,
        generation: int,
        stamp: FileStamp | None = None,
        raw: bytes | None = None,
        data: Tables | None = None,
        schema_version: int | None = None,
        error: str | None = None,
        fd: int | None = None,
    ) -> None:
        self.generation = generation
        self.stamp = stamp
        self.raw = raw  # None: no data yet (a missing file)
        self.data = data  # decoded lazily after a save
        self.schema_version = schema_version
        self.error = error  # why the file is unusable
        self.fd = fd
        self.crc: int | None = None  # of ``raw``, the journal's epoch
        # The journal as last read: its (device, inode), the bytes read, whether it
        # belongs to this data file, and where its valid part ends.
        self.journal_id: tuple[int, int] | None = None
        self.journal_seen = 0
        self.journal_valid = False
        self.journal_end = 0
        # The older schema version the file holds, when ``data`` was upgraded from it
        # (``store.migrations``); the next save then writes the file whole.
        self.upgraded_from: int | None = None

    def successor(self, generation: int, data: Tables) -> _Loaded:
        """The same data file with more of its journal applied; takes over ``fd``."""
        fresh = _Loaded(
            generation=generation,
            stamp=self.stamp,
            raw=self.raw,
            data=data,
            schema_version=self.schema_version,
            fd=self.fd,
        )
        self.fd = None
        fresh.crc = self.crc
        fresh.journal_id, fresh.journal_seen = self.journal_id, self.journal_seen
        fresh.journal_valid, fresh.journal_end = self.journal_valid, self.journal_end
        fresh.upgraded_from = self.upgraded_from
        return fresh

    def decoded(self) -> Tables:
        if self.data is None:
            self.data = {} if self.raw is None else orjson.loads(self.raw)
        return self.data

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


class _Transaction:
    """One open transaction: a copy-on-write view of ``base`` and what was edited in it.

    ``data`` starts as a shallow copy of the committed top level; a table is copied
    (shallowly) the first time a write touches it, and a document the first time a
    write reads it (``edit_table``), so opening and committing cost what the change
    costs, not what the data set costs. ``touched`` names the documents possibly
    changed per copied table: the commit compares only those with the base.
    """

    __slots__ = ("base", "data", "dirty", "failed_inside", "owned", "owner", "serial", "touched")

    def __init__(self, base: _Loaded, serial: int) -> None:
        self.serial = serial
        self.owner = threading.get_ident()
        self.base = base
        self.data: Tables | None = None
        self.dirty = False
        self.failed_inside = False
        self.owned: dict[str, dict[str, Any]] = {}
        self.touched: dict[str, set[str]] = {}


class TransactionalStorage(Storage, ABC):
    """What both storages share: cached reads, generations, one-write transactions.

    Thread-safe: a transaction belongs to the thread that opened it; other threads'
    reads and transactions wait for it (at most ``lock_timeout``).
    """

    def __init__(self, *, lock_timeout: float, read_only: bool) -> None:
        self.lock_timeout = lock_timeout
        self.read_only = read_only
        self._mutex = threading.RLock()
        self._txn: _Transaction | None = None
        self._generations = 0
        self._transactions = 0
        self._loaded: _Loaded | None = None

    # -- what the concrete storages provide ---------------------------------------

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data lives, for messages (the data file's path)."""

    @property
    @abstractmethod
    def read_only_reason(self) -> str | None:
        """Why this storage cannot save, or None when it can."""

    @abstractmethod
    def _current(self) -> _Loaded:
        """The committed state, reloaded if it changed; mutex held, no transaction."""

    @abstractmethod
    @contextmanager
    def _exclusive(self) -> Iterator[_Loaded]:
        """Exclude other writers; yield the newest committed state (mutex held)."""

    @abstractmethod
    def _persist(self, payload: bytes, schema_version: int) -> _Loaded:
        """Make ``payload`` the committed state durably, or raise and change nothing."""

    def _persist_change(
        self, base: _Loaded, change: bytes, data: Tables, schema_version: int
    ) -> _Loaded | None:
        """Make ``data`` committed by saving only ``change`` (a journal change line's
        JSON), or return None for a whole save (``_persist``)."""
        return None

    # -- public interface ----------------------------------------------------------

    @property
    def writable(self) -> bool:
        """Whether saving is possible now (checked on every call: permissions change)."""
        return self.read_only_reason is None

    @property
    def in_transaction(self) -> bool:
        """Whether the calling thread is inside ``transaction()``."""
        txn = self._txn
        return txn is not None and txn.owner == threading.get_ident()

    @property
    def transaction_serial(self) -> int | None:
        """A number unique to the calling thread's current transaction, else None.

        Lets a TinyDB table know when its per-process caches must be recomputed.
        """
        txn = self._txn_of_caller()
        return None if txn is None else txn.serial

    @property
    def generation(self) -> int:
        """A number that changes whenever the committed data changes, here or elsewhere.

        Cheap when nothing changed (one ``stat``, no lock, no parse), so the UI can poll
        it; when the file did change it is reloaded. Raises ``DataFileError`` if the
        file has become unusable.
        """
        loaded = self._loaded
        if loaded is not None and loaded.error is None and self._unchanged(loaded):
            return loaded.generation
        with self._locked_mutex():
            if self.in_transaction:
                assert self._loaded is not None
                return self._loaded.generation
            return self._usable(self._current()).generation

    @property
    def schema_version(self) -> int | None:
        """The schema version of the committed data; None for a new, empty store."""
        return self._state().schema_version

    @property
    def upgraded_from(self) -> int | None:
        """The older schema version the file holds, if its data was upgraded on load."""
        return self._state().upgraded_from

    def snapshot(self) -> Snapshot:
        """The current data with its generation (see ``Snapshot``)."""
        with self._locked_mutex():
            txn = self._txn_of_caller()
            if txn is not None:
                return Snapshot(None, self._working(txn))
            loaded = self._usable(self._current())
            return Snapshot(loaded.generation, loaded.decoded())

    def _state(self) -> _Loaded:
        with self._locked_mutex():
            txn = self._txn_of_caller()
            return txn.base if txn is not None else self._usable(self._current())

    def read(self) -> Tables:
        """TinyDB's read: the working copy in a transaction, else the shared cache."""
        return self.snapshot().data

    def write(self, data: Tables) -> None:
        """TinyDB's write: only inside a transaction, where it replaces the working copy."""
        with self._locked_mutex():
            txn = self._txn_of_caller()
            if txn is None:
                # TinyDB has already modified what read() gave it, i.e. our decoded
                # cache: load it again from what is committed, which nothing can modify.
                self._discard_cache()
                raise TransactionRequiredError()
            txn.data = data
            txn.dirty = True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block under the exclusive lock and save what it wrote in one write.

        On entry the newest data is loaded (the file may have been changed by another
        session); TinyDB operations in the block read and write a private copy; on a
        normal exit that copy is checked, encoded and saved atomically, once, and only
        if something was written. If an exception escapes, nothing is saved.

        Nested ``transaction()`` blocks in the same thread join the outer one; if an
        exception escapes a nested block, the outer one saves nothing even if the
        exception is caught in between (the data may be half-changed).

        Raises ``ReadOnlyStoreError`` on entry when the store cannot save,
        ``StoreBusyError`` when the lock is not free within ``lock_timeout``,
        ``DataFileError`` when the file is unusable, ``InvalidDataError`` (nothing
        saved) when the result cannot be stored.
        """
        outer = self._txn_of_caller()
        if outer is not None:
            try:
                yield
            except BaseException:
                outer.failed_inside = True
                raise
            return
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyStoreError(self.location, reason)
        with self._locked_mutex(), self._exclusive() as base:
            self._transactions += 1
            txn = _Transaction(self._usable(base), self._transactions)
            self._txn = txn
            try:
                yield
                if txn.failed_inside:
                    raise StoreError(
                        f"{self.location}: nothing was saved, because a nested "
                        "transaction failed part-way"
                    )
                if txn.dirty:
                    self._commit(txn)
            finally:
                self._txn = None

    def close(self) -> None:
        """Release what the storage holds open (TinyDB.close() calls this)."""

    # -- internals -----------------------------------------------------------------

    def _unchanged(self, loaded: _Loaded) -> bool:
        """Whether the committed state may still be ``loaded`` (lock-free)."""
        return True

    def _discard_cache(self) -> None:
        if self._loaded is not None:
            self._loaded.data = None  # decoded again from ``raw``, the whole state

    def _next_generation(self) -> int:
        self._generations += 1
        return self._generations

    def _install(self, loaded: _Loaded) -> _Loaded:
        old, self._loaded = self._loaded, loaded
        if old is not None and old is not loaded:
            old.close()
        return loaded

    def _usable(self, loaded: _Loaded) -> _Loaded:
        if loaded.error is not None:
            raise DataFileError(self.location, loaded.error)
        return loaded

    def _txn_of_caller(self) -> _Transaction | None:
        txn = self._txn
        return txn if txn is not None and txn.owner == threading.get_ident() else None

    def _working(self, txn: _Transaction) -> Tables:
        if txn.data is None:
            txn.data = dict(txn.base.decoded())
        return txn.data

    def edit_table(self, name: str) -> tuple[dict[str, Any], set[str]]:
        """The calling transaction's private copy of table ``name``, and its touched set.

        For ``StoreTable``: TinyDB edits tables in place, so an edit must never reach
        the committed (shared) documents. Raises ``TransactionRequiredError`` outside a
        transaction, before anything is modified.
        """
        with self._locked_mutex():
            txn = self._txn_of_caller()
            if txn is None:
                raise TransactionRequiredError()
            data = self._working(txn)
            table = data.get(name)
            if table is None or txn.owned.get(name) is not table:
                # A table created again after a drop: every old document is touched
                # (gone unless put back), so the commit notices what was removed.
                touched = set(txn.base.decoded().get(name, ())) if table is None else set()
                table = {} if table is None else dict(table)
                data[name] = table
                txn.owned[name] = table
                txn.touched[name] = touched
            txn.dirty = True
            return table, txn.touched[name]

    @contextmanager
    def _locked_mutex(self) -> Iterator[None]:
        if not self._mutex.acquire(timeout=self.lock_timeout):
            raise StoreBusyError(self.location, self.lock_timeout)
        try:
            yield
        finally:
            self._mutex.release()

    def _commit(self, txn: _Transaction) -> None:
        base = txn.base.decoded()
        work = self._working(txn)
        delta = _Delta.between(base, work, txn)
        if delta.empty and txn.base.raw is not None:
            return  # nothing changed: no save, no new generation
        try:
            encoded = delta.encode()
        except TypeError as exc:  # orjson.JSONEncodeError
            raise InvalidDataError(
                self.location, f"a value cannot be stored as JSON: {exc}"
            ) from exc
        # What is stored is what orjson reads back (tuples become lists, ...), so the
        # new state is built from the decoded change, never from the caller's objects.
        data = delta.apply(base, orjson.loads(encoded))
        if META_TABLE not in data:
            data = {META_TABLE: meta_table(), **data}  # first, for people reading the file
        upgrading = txn.base.upgraded_from is not None
        if upgrading:
            data = {**data, META_TABLE: meta_table()}  # written whole, in the current version
        try:
            if (
                not upgrading
                and txn.base.schema_version is not None
                and delta.keeps_layout_of(base)
            ):
                check_changes(data, delta.changed_docs(), base)
                version: int | None = txn.base.schema_version
            else:
                version = check_database(data)
        except SchemaProblem as exc:
            raise InvalidDataError(self.location, str(exc)) from None
        assert version is not None  # _meta is present
        if not delta.touches_meta and not upgrading:
            change = journal.change_json(delta.dropped, delta.deleted, encoded)
            appended = self._persist_change(txn.base, change, data, version)
            if appended is not None:
                self._install(appended)
                return
        try:
            payload = orjson.dumps(data, option=_ENCODE_OPTIONS)
        except TypeError as exc:  # orjson.JSONEncodeError
            raise InvalidDataError(
                self.location, f"a value cannot be stored as JSON: {exc}"
            ) from exc
        fresh = self._persist(payload, version)
        fresh.data = data  # already decoded: no re-read of what was just written
        self._install(fresh)


class _Delta:
    """What a transaction changed: whole tables dropped, documents put and deleted."""

    __slots__ = ("deleted", "dropped", "put")

    def __init__(self) -> None:
        self.dropped: list[str] = []
        self.put: dict[str, dict[str, Any]] = {}
        self.deleted: dict[str, list[str]] = {}

    @classmethod
    def between(cls, base: Tables, work: Tables, txn: _Transaction) -> _Delta:
        delta = cls()
        for name in base:
            if name not in work:
                delta.dropped.append(name)
        for name, table in work.items():
            old = base.get(name)
            if table is old:
                continue
            if old is None:
                delta.put[name] = dict(table)
                continue
            # a table replaced wholesale (e.g. TinyDB's drop_tables): compare everything
            keys: Iterable[str] = (
                txn.touched[name] if txn.owned.get(name) is table else set(old) | set(table)
            )
            puts: dict[str, Any] = {}
            gone: list[str] = []
            for key in keys:
                if key in table:
                    doc = table[key]
                    if key not in old or old[key] != doc:
                        puts[key] = doc
                elif key in old:
                    gone.append(key)
            if puts:
                delta.put[name] = puts
            if gone:
                delta.deleted[name] = gone
        return delta

    @property
    def empty(self) -> bool:
        return not (self.dropped or self.put or self.deleted)

    def encode(self) -> bytes:
        """The changed documents as JSON (refusing what JSON cannot hold)."""
        return orjson.dumps(self.put, option=_ENCODE_OPTIONS)

    @property
    def touches_meta(self) -> bool:
        return META_TABLE in self.dropped or META_TABLE in self.put or META_TABLE in self.deleted

    def keeps_layout_of(self, base: Tables) -> bool:
        """Whether only documents of existing, non-meta tables changed (checkable alone)."""
        return (
            not self.dropped
            and META_TABLE not in self.put
            and META_TABLE not in self.deleted
            and all(name in base for name in self.put)
        )

    def changed_docs(self) -> dict[str, list[str]]:
        return {name: list(docs) for name, docs in self.put.items()}

    def apply(self, base: Tables, puts: dict[str, dict[str, Any]]) -> Tables:
        """A new state sharing every untouched table with ``base`` (which stays intact)."""
        return apply_change(base, self.dropped, self.deleted, puts)


def apply_change(
    base: Tables,
    dropped: Iterable[str],
    deleted: Mapping[str, Iterable[str]],
    put: Mapping[str, dict[str, Any]],
) -> Tables:
    """``base`` with a change applied (drop, delete, put), as a new state.

    Only the tables the change touches are copied (shallowly); ``base`` and every
    snapshot of it stay intact. Deleting what is already gone is not an error, so a
    change applied twice gives the same state.
    """
    gone = set(dropped)
    data = {name: table for name, table in base.items() if name not in gone}
    copied: set[str] = set()
    for name, keys in deleted.items():
        if name in data:
            table = data[name] = dict(data[name])
            copied.add(name)
            for key in keys:
                table.pop(key, None)
    for name, docs in put.items():
        current = data.get(name)
        if current is None:
            data[name] = dict(docs)
        else:
            if name not in copied:
                current = data[name] = dict(current)
                copied.add(name)
            current.update(docs)
    return data


def decode_database(raw: bytes) -> tuple[Tables, int | None]:
    """Decode and check a data file's bytes; raise ``SchemaProblem`` saying what is wrong."""
    if not raw:
        raise SchemaProblem("the file is empty (0 bytes)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise SchemaProblem("the file starts with a UTF-8 byte order mark (BOM)")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "UTF-8" in exc.msg:
            raise SchemaProblem("not valid UTF-8 text") from None
        where = f"not valid JSON (line {exc.lineno}, column {exc.colno})"
        if "end of data" in exc.msg:
            raise SchemaProblem(f"{where}: the file ends too early (truncated?)") from None
        raise SchemaProblem(f"{where}: {exc.msg}") from None
    _refuse_duplicate_keys(raw, data)
    version = check_database(data)
    tables: Tables = data
    return tables, version


def _refuse_duplicate_keys(raw: bytes, data: object) -> None:
    """JSON parsers keep the last of two equal keys silently; a data file must not have any.

    Files this program wrote are exactly orjson's encoding of what they decode to, and
    such a file cannot hold a duplicate key (the fast path). Anything else, e.g. a
    hand-edited file, is parsed once more, noting every key.
    """
    try:
        if orjson.dumps(data, option=_ENCODE_OPTIONS) == raw:
            return
    except TypeError:
        pass

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                raise SchemaProblem(f"the key {key!r} appears twice in one object")
            seen[key] = value
        return seen

    try:
        json.loads(raw, object_pairs_hook=pairs)
    except SchemaProblem:
        raise
    except (ValueError, RecursionError):
        pass  # orjson accepted it; its reading stands


def is_readable_data(raw: bytes) -> bool:
    """Whether ``raw`` would open as a data file (layout and schema; records aside)."""
    try:
        decode_database(raw)
    except SchemaProblem:
        return False
    return True


def corrupt_file_advice(path: Path) -> str:
    """The hint added to a corrupt data file's message: the newest backup that reads."""
    found = newest_readable(path, is_readable_data)
    if found is None:
        return ""
    return f"; the newest readable backup is {found} (itsms-tui restore {found})"


class DataFileStorage(TransactionalStorage):
    """A TinyDB storage for one JSON data file, shared safely by several processes.

    Whole-file saves go to a temporary file in the same directory, are fsynced, replace
    the data file atomically and the directory is fsynced: a crash at any instant leaves
    the old or the new file. From ``journal_from`` bytes on, a save appends its change
    to the journal instead (see ``itsms_tui.store.journal``), folded into the data file
    that same way when the journal has grown. A new file is created mode 0600; an existing file keeps its mode
    (and, where allowed, its owner and group). A symlinked path is resolved once, so
    the link's target is what gets replaced.

    Opening checks the file and raises ``DataFileError`` if it is unusable (corrupt,
    truncated, empty, BOM-prefixed, not an object, unknown schema version, duplicate
    ids); such a file is never written over. A missing file, or ``{}``, is a new store,
    created on the first save with ``_meta.schema_version = SCHEMA_VERSION``. A file or
    directory the user cannot write opens read-only (``writable`` is False, and a
    transaction raises ``ReadOnlyStoreError``).

    Reads are cached and the file is re-parsed only when it changed (stamp: device,
    inode, mtime, size; one ``stat`` per read). Loading the file takes the shared lock
    (a read served from the cache takes none), a transaction the exclusive lock, both
    on ``<data file>.lock``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        read_only: bool = False,
        create_dirs: bool = False,
        backups: BackupPolicy | None = None,
        unusable_ok: bool = False,
        journal_from: int = journal.JOURNAL_MIN_DATA_BYTES,
    ) -> None:
        super().__init__(lock_timeout=lock_timeout, read_only=read_only)
        self.path = Path(os.path.realpath(path))
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.journal_from = journal_from  # data file size from which saves are journalled
        self.create_dirs = create_dirs
        self.backups = BackupPolicy() if backups is None else backups
        self._file_existed = True
        self._temp_prefix = f".{self.path.name}."
        self._swept = False
        with self._locked_mutex():
            loaded = self._current()
            if not unusable_ok:
                self._usable(loaded)

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def exists(self) -> bool:
        """Whether the data file is there (a missing one is a store not yet created)."""
        return os.path.lexists(self.path)

    @property
    def owned_by_user(self) -> bool:
        """Whether the OS user owns the data file (or it does not exist yet)."""
        try:
            return os.stat(self.path).st_uid == os.getuid()
        except FileNotFoundError:
            return True
        except OSError:
            return False

    @property
    def file_mode(self) -> int | None:
        """The data file's permission bits, for files that hold the same data (exports)."""
        try:
            return stat.S_IMODE(os.stat(self.path).st_mode) & 0o666
        except OSError:
            return None

    @property
    def read_only_reason(self) -> str | None:
        if self.read_only:
            return "opened read-only"
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            pass
        else:
            if not os.access(self.path, os.W_OK):
                return "no permission to write the file"
            if os.geteuid() == 0 and not st.st_mode & 0o222:
                return "the file is marked read-only"
        directory = self.path.parent
        while not directory.is_dir():
            if not self.create_dirs:
                return f"its directory {self.path.parent} does not exist"
            directory = directory.parent
        if not os.access(directory, os.W_OK | os.X_OK):
            return f"no permission to create files in {directory}"
        return None

    def close(self) -> None:
        """Close the file handle kept for change detection; the next read reopens it."""
        with self._locked_mutex():
            old, self._loaded = self._loaded, None
            if old is not None:
                old.close()

    def _unchanged(self, loaded: _Loaded) -> bool:
        try:
            current = FileStamp.of(os.stat(self.path))
        except FileNotFoundError:
            return loaded.stamp is None
        except OSError:
            return False  # let a reload report it
        if current != loaded.stamp:
            return False
        try:
            st = os.stat(self.journal_path)
        except FileNotFoundError:
            return loaded.journal_id is None
        except OSError:
            return False
        return loaded.journal_id == (st.st_dev, st.st_ino) and st.st_size == loaded.journal_seen

    def _discard_cache(self) -> None:
        # ``raw`` lacks what the journal holds: read both again at the next access.
        old, self._loaded = self._loaded, None
        if old is not None:
            old.close()

    def _lock(self) -> FileLock:
        try:
            mode = stat.S_IMODE(os.stat(self.path).st_mode) & 0o666
        except OSError:
            mode = 0o600
        return FileLock(self.lock_path, owner=self.path, timeout=self.lock_timeout, mode=mode)

    def _current(self) -> _Loaded:
        """No lock: saves replace the file atomically, so any open sees a whole version.

        So a reader never waits behind a slow save, and read-only users create nothing.
        """
        loaded = self._loaded
        if loaded is not None and self._unchanged(loaded):
            return loaded
        return self._reload()

    @contextmanager
    def _exclusive(self) -> Iterator[_Loaded]:
        if self.create_dirs:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_timeout
        with (
            self._lock().exclusive(deadline),
            InodeLock(self.path, timeout=self.lock_timeout).held(deadline) as existed,
        ):
            self._file_existed = existed
            loaded = self._reload()
            if not self._swept:
                self._sweep_temp_files()
            yield loaded

    def overwrite(self, data: Tables) -> None:
        """Replace the whole file with ``data`` even if the current file is unusable.

        For restoring a backup: the current file (corrupt or not) is kept as a backup
        first, like before any save. ``data`` is checked and saved atomically.
        """
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyStoreError(self.location, reason)
        with self._locked_mutex(), self._exclusive():
            self._transactions += 1
            txn = _Transaction(_Loaded(generation=0), self._transactions)
            txn.data = data
            self._commit(txn)

    def _reload(self) -> _Loaded:
        """Load the file if it is not the version we hold. Some lock (or none) held."""
        loaded = self._loaded
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below)
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            if loaded is not None and loaded.stamp is None and loaded.error is None:
                return loaded
            return self._install(_Loaded(generation=self._next_generation()))
        except PermissionError:
            raise DataFileError(self.path, "no permission to read the file") from None
        except OSError as exc:
            raise DataFileError(self.path, f"cannot be opened: {exc.strerror}") from None
        try:
            st = os.fstat(fd)
            stamp = FileStamp.of(st)
            if loaded is not None and loaded.stamp == stamp:
                os.close(fd)
                return self._catch_up(loaded)
            if not stat.S_ISREG(st.st_mode):
                raise DataFileError(self.path, f"not a regular file ({_file_kind(st)})")
            with open(fd, "rb", closefd=False) as handle:
                raw = handle.read()
        except BaseException:
            os.close(fd)
            raise
        fresh = _Loaded(generation=self._next_generation(), stamp=stamp, raw=raw, fd=fd)
        try:
            fresh.data, fresh.schema_version = decode_database(raw)
            fresh.crc = journal.data_crc(raw)
            self._replay(fresh)
            self._upgrade(fresh)
            # Long-lived from here on: keep the collector from walking it at every save
            # (a full collection over a 50k data set's objects takes ~180 ms).
            gc.freeze()
        except SchemaProblem as exc:
            fresh.raw = None
            fresh.error = str(exc) + corrupt_file_advice(self.path)
        return self._install(fresh)

    def _journal_bytes(self, offset: int) -> tuple[tuple[int, int], bytes] | None:
        """The journal's (device, inode) and its bytes from ``offset``; None if missing."""
        try:
            fd = os.open(self.journal_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DataFileError(self.journal_path, f"cannot be opened: {exc.strerror}") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise DataFileError(self.journal_path, f"not a regular file ({_file_kind(st)})")
            with open(fd, "rb", closefd=False) as handle:
                handle.seek(offset)
                content = handle.read()
        finally:
            os.close(fd)
        return (st.st_dev, st.st_ino), content

    def _replay(self, loaded: _Loaded) -> None:
        """Apply the whole journal to a freshly decoded data file (if it belongs to it)."""
        assert loaded.raw is not None and loaded.crc is not None and loaded.data is not None
        found = self._journal_bytes(0)
        if found is None:
            return
        loaded.journal_id, content = found
        loaded.journal_seen = len(content)
        replay = journal.read(content, expect_header=journal.header(len(loaded.raw), loaded.crc))
        if replay is None:
            return  # another data file's journal: ignored, replaced by the next save
        loaded.journal_valid, loaded.journal_end = True, replay.end
        for change in replay.changes:
            loaded.data = apply_change(loaded.data, change.dropped, change.deleted, change.put)

    def _catch_up(self, loaded: _Loaded) -> _Loaded:
        """The same data file with what was appended to its journal since: O(change)."""
        if loaded.error is not None or loaded.raw is None or loaded.crc is None:
            return loaded
        try:
            st = os.stat(self.journal_path)
            current: tuple[int, int] | None = (st.st_dev, st.st_ino)
        except FileNotFoundError:
            current = None
        if current == loaded.journal_id and (current is None or st.st_size == loaded.journal_seen):
            return loaded
        if current is not None and current == loaded.journal_id and loaded.journal_valid:
            found = self._journal_bytes(loaded.journal_end)
            if found is not None and found[0] == current:
                replay = journal.read(found[1], expect_header=None)
                assert replay is not None
                data = loaded.decoded()
                for change in replay.changes:
                    data = apply_change(data, change.dropped, change.deleted, change.put)
                fresh = loaded.successor(self._next_generation(), data)
                fresh.journal_seen = loaded.journal_end + len(found[1])
                fresh.journal_end = loaded.journal_end + replay.end
                return self._install(fresh)
        # The journal was replaced or removed under the same data file: start over.
        fresh = loaded.successor(self._next_generation(), orjson.loads(loaded.raw))
        fresh.journal_id, fresh.journal_seen = None, 0
        fresh.journal_valid, fresh.journal_end = False, 0
        self._replay(fresh)
        self._upgrade(fresh)
        return self._install(fresh)

    @staticmethod
    def _upgrade(loaded: _Loaded) -> None:
        """Bring an older file's decoded data to the current schema (in memory only)."""
        version = loaded.schema_version
        if version is not None and version < SCHEMA_VERSION and loaded.data is not None:
            loaded.data = upgrade(loaded.data, version)
            loaded.upgraded_from = version

    def _persist_change(
        self, base: _Loaded, change: bytes, data: Tables, schema_version: int
    ) -> _Loaded | None:
        raw, crc = base.raw, base.crc
        if raw is None or crc is None or base.stamp is None or len(raw) < self.journal_from:
            return None
        line = journal.record(change)
        start = base.journal_end if base.journal_valid else 0
        if journal.needs_compaction(start + len(line), len(raw)):
            return None  # fold everything into the data file instead
        try:
            if base.journal_valid:
                journal_id = self._append(base, line)
                end = base.journal_end + len(line)
            else:
                head = journal.header(len(raw), crc)
                journal_id = self._start_journal(head + line)
                end = len(head) + len(line)
        except OSError as exc:
            raise StoreWriteError(self.journal_path, exc.strerror or str(exc)) from exc
        if journal_id is None:
            return None
        fresh = base.successor(self._next_generation(), data)
        fresh.schema_version = schema_version
        fresh.journal_id, fresh.journal_seen = journal_id, end
        fresh.journal_valid, fresh.journal_end = True, end
        if not base.journal_valid:  # a new journal: its name must be durable too
            self._install(fresh)
            try:
                _fsync_directory(self.path.parent)
            except OSError as exc:
                raise StoreSyncError(self.path, exc.strerror or str(exc)) from exc
        return fresh

    def _append(self, base: _Loaded, line: bytes) -> tuple[int, int] | None:
        """Append one change line durably; None if the journal is not the one we read."""
        fd = os.open(self.journal_path, os.O_RDWR | os.O_CLOEXEC)
        try:
            st = os.fstat(fd)
            if (st.st_dev, st.st_ino) != base.journal_id:
                return None
            if st.st_size != base.journal_end:
                os.ftruncate(fd, base.journal_end)  # a torn tail of a killed save
            try:
                _write_all(fd, line, base.journal_end)
                os.fsync(fd)
            except BaseException:
                with suppress(OSError):
                    os.ftruncate(fd, base.journal_end)
                raise
            return st.st_dev, st.st_ino
        finally:
            os.close(fd)

    def _start_journal(self, content: bytes) -> tuple[int, int]:
        """Create the journal (replacing one that belongs to another data file)."""
        fd, temp_name = tempfile.mkstemp(
            prefix=self._temp_prefix, suffix=".tmp", dir=self.path.parent
        )
        try:
            _write_all(fd, content, 0)
            os.fsync(fd)
            self._copy_ownership(fd)
            st = os.fstat(fd)
            os.replace(temp_name, self.journal_path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp_name)
            raise
        finally:
            os.close(fd)
        return st.st_dev, st.st_ino

    def _sweep_temp_files(self) -> None:
        """Delete temp files of saves that crashed; safe under the exclusive lock."""
        self._swept = True
        try:
            entries = list(os.scandir(self.path.parent))
        except OSError:
            return
        for entry in entries:
            if self._is_our_temp_file(entry.name):
                with suppress(OSError):
                    os.unlink(entry.path)

    def _is_our_temp_file(self, name: str) -> bool:
        # mkstemp(prefix, suffix) puts exactly 8 random characters between them.
        middle = name[len(self._temp_prefix) : -len(".tmp")]
        return (
            name.startswith(self._temp_prefix)
            and name.endswith(".tmp")
            and len(middle) == 8
            and "." not in middle
        )

    def _persist(self, payload: bytes, schema_version: int) -> _Loaded:
        directory = self.path.parent
        try:
            fd, temp_name = tempfile.mkstemp(prefix=self._temp_prefix, suffix=".tmp", dir=directory)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise ReadOnlyStoreError(self.path, f"cannot create files in {directory}") from exc
            raise StoreWriteError(self.path, exc.strerror or str(exc)) from exc
        backup: Path | None = None
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            self._copy_ownership(fd)
            # An upgrade keeps the old version's file even when backups are turned off.
            policy = self.backups
            if self._loaded is not None and self._loaded.upgraded_from and not policy.enabled:
                policy = BackupPolicy()
            backup = keep_backup(self.path, policy)
            if self._file_existed:
                os.replace(temp_name, self.path)
            else:
                # No data file to lock: creating it must fail if another writer did first.
                try:
                    os.link(temp_name, self.path)
                except FileExistsError:
                    raise StoreWriteError(
                        self.path, "another session created the file at the same moment"
                    ) from None
                os.unlink(temp_name)
            # Everything is in the data file now. Should this be lost in a crash, the
            # journal's header no longer matches the new file, so it is ignored anyway.
            with suppress(FileNotFoundError):
                os.unlink(self.journal_path)
        except BaseException as exc:
            os.close(fd)
            with suppress(OSError):
                os.unlink(temp_name)
            if backup is not None:
                with suppress(OSError):
                    os.unlink(backup)
            if isinstance(exc, OSError):
                raise StoreWriteError(self.path, exc.strerror or str(exc)) from exc
            raise
        # The new version is in place; from here on it is what we hold.
        fresh = _Loaded(
            generation=self._next_generation(),
            stamp=FileStamp.of(os.fstat(fd)),
            raw=payload,
            schema_version=schema_version,
            fd=fd,
        )
        fresh.crc = journal.data_crc(payload)
        self._install(fresh)
        self._file_existed = True
        if backup is not None:
            with suppress(OSError):  # a backup too many is no reason to fail a save
                prune_backups(self.path, self.backups)
        try:
            _fsync_directory(directory)
        except OSError as exc:
            raise StoreSyncError(self.path, exc.strerror or str(exc)) from exc
        return fresh

    def _copy_ownership(self, fd: int) -> None:
        """Give the new file the old one's mode, group and owner (as far as permitted)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return  # a new file keeps mkstemp's 0600
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        for uid in (st.st_uid, -1):
            try:
                os.fchown(fd, uid, st.st_gid)
                break
            except PermissionError:
                continue


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def _file_kind(st: os.stat_result) -> str:
    mode = st.st_mode
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a plain file"


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some filesystems can't fsync a directory (EINVAL)."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)


class InMemoryStorage(TransactionalStorage):
    """The same interface with nothing on disk: for ``--demo`` and tests.

    Data goes through the same checks and the same encoder as a file, so what works
    here works on disk, and a transaction rolls back the same way.
    """

    def __init__(
        self,
        initial: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        read_only: bool = False,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        super().__init__(lock_timeout=lock_timeout, read_only=read_only)
        self._install(_Loaded(generation=self._next_generation()))
        if initial:
            txn = _Transaction(self._current(), 0)
            txn.data = {name: dict(table) for name, table in initial.items()}
            self._commit(txn)  # checked and encoded: the caller's objects are not kept

    @property
    def location(self) -> str:
        return "<memory>"

    @property
    def read_only_reason(self) -> str | None:
        return "opened read-only" if self.read_only else None

    def _current(self) -> _Loaded:
        assert self._loaded is not None
        return self._loaded

    @contextmanager
    def _exclusive(self) -> Iterator[_Loaded]:
        yield self._current()

    def _persist(self, payload: bytes, schema_version: int) -> _Loaded:
        return _Loaded(
            generation=self._next_generation(), raw=payload, schema_version=schema_version
        )


# -- TinyDB on top -----------------------------------------------------------------------


class StoreTable(Table):
    """A TinyDB table that trusts none of TinyDB's per-process caches.

    No query cache (``cache_size`` is forced to 0). The next doc_id is recomputed from
    the data at the first insert of each transaction, and again if the one TinyDB
    remembered is taken (by another TinyDB instance on the same storage).
    """

    def __init__(
        self, storage: Storage, name: str, cache_size: int = 0, persist_empty: bool = False
    ) -> None:
        super().__init__(storage, name, cache_size=0, persist_empty=persist_empty)
        self._ids_for: int | None = None

    def _get_next_id(self) -> int:
        serial = getattr(self._storage, "transaction_serial", None)
        if serial is None or serial != self._ids_for:
            self._next_id = None
            self._ids_for = serial
        doc_id = int(super()._get_next_id())  # type: ignore[no-untyped-call]
        if str(doc_id) in self._read_table():
            self._next_id = None
            doc_id = int(super()._get_next_id())  # type: ignore[no-untyped-call]
        return doc_id

    def _update_table(self, updater: Any) -> None:
        """Edit the transaction's private copy of this table, one document at a time.

        TinyDB's own version converts every key of the table to int and back on each
        write and edits documents in place; here a write costs what it changes.
        """
        edit = getattr(self._storage, "edit_table", None)
        if edit is None:
            super()._update_table(updater)
            return
        table, touched = edit(self.name)
        updater(_DocIdView(table, touched, self.document_id_class))


class _DocIdView(MutableMapping[Any, Any]):
    """A table as TinyDB's updaters see it (keys are doc_ids, not strings).

    A document is deep-copied the first time it is read here, so an in-place edit
    changes only the transaction's copy; every key read, set or deleted is noted.
    """

    def __init__(self, table: dict[str, Any], touched: set[str], id_class: Any) -> None:
        self._table = table
        self._touched = touched
        self._id_class = id_class
        self._copied: set[str] = set()

    def __getitem__(self, doc_id: Any) -> Any:
        key = str(doc_id)
        doc = self._table[key]
        if key not in self._copied:
            doc = self._table[key] = orjson.loads(orjson.dumps(doc))
            self._copied.add(key)
            self._touched.add(key)
        return doc

    def __setitem__(self, doc_id: Any, doc: Any) -> None:
        key = str(doc_id)
        self._table[key] = doc
        self._copied.add(key)
        self._touched.add(key)

    def __delitem__(self, doc_id: Any) -> None:
        key = str(doc_id)
        del self._table[key]
        self._touched.add(key)

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._table

    def __iter__(self) -> Iterator[Any]:
        return (self._id_class(key) for key in list(self._table))

    def __len__(self) -> int:
        return len(self._table)

    def clear(self) -> None:
        self._touched.update(self._table)
        self._table.clear()


class StoreTinyDB(TinyDB):
    """TinyDB whose tables are ``StoreTable``."""

    table_class = StoreTable


def open_tinydb(storage: TransactionalStorage) -> TinyDB:
    """A TinyDB on ``storage`` that is safe with other processes (see module docstring)."""
    db: TinyDB = StoreTinyDB(storage=lambda: storage)
    return db
