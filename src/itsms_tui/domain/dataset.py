"""An immutable-by-convention view of every record, indexed for the rules and screens.

Rules (checker, RAG, overview) run over a DataSet rather than the store, so they are
pure and testable, and the same code serves the TUI, the CLI and snapshot files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from itsms_tui.domain.record import Record

R = TypeVar("R", bound="Record")
T = TypeVar("T")


@cache
def _collections() -> tuple[str, ...]:
    """Every collection, in registry order: imported on first use, because the empty data
    set a screen holds before the first load must not import every model (pydantic and
    the models are a third of a second before the TUI's first frame)."""
    from itsms_tui.domain.registry import COLLECTIONS

    return tuple(COLLECTIONS)


def _model_for_id(record_id: str) -> type[Record] | None:
    from itsms_tui.domain.registry import model_for_id

    return model_for_id(record_id)


Changes = Mapping[str, list[tuple["Record | None", "Record | None"]]]
"""What a successor data set changed: by collection, (old, new) for each record added
(old None), replaced or removed (new None)."""


@dataclass(frozen=True, slots=True)
class _Derivation:
    """How a derived value follows the data: the collections it reads (None: unknown, so
    any change drops it) and, optionally, how to bring it up to date from the changes."""

    depends: frozenset[str] | None
    update: Callable[[Any, DataSet, Changes], Any] | None


class DataSet:
    """Records by collection and id, with reverse-reference lookups built lazily."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._by_collection: dict[str, dict[str, Record]] = defaultdict(dict)
        self._shared: set[str] = set()
        self._reverse: dict[tuple[str, str], list[Record]] | None = None
        self._order: dict[str, list[Record]] = {}
        self._derived: dict[Hashable, Any] = {}
        self._derivations: dict[Hashable, _Derivation] = {}
        for record in records:
            self.add(record)

    def _own(self, collection: str) -> dict[str, Record]:
        """The collection's dict, copied first if it is shared with another data set."""
        if collection in self._shared:
            self._by_collection[collection] = dict(self._by_collection[collection])
            self._shared.discard(collection)
        return self._by_collection[collection]

    def add(self, record: Record) -> None:
        """Add or replace a record (by id)."""
        if record.collection not in _collections():
            raise KeyError(f"unknown collection {record.collection!r}")
        self._own(record.collection)[record.id] = record
        self._reverse = None
        self._order.pop(record.collection, None)
        self._derived.clear()
        self._derivations.clear()

    def adopt(self, collection: str, records: Mapping[str, Record]) -> None:
        """Set a whole collection at once (records by id, all of that collection).

        For the store's incremental rebuild: ``records`` is copied, not kept.
        """
        if collection not in _collections():
            raise KeyError(f"unknown collection {collection!r}")
        self._by_collection[collection] = dict(records)
        self._shared.discard(collection)
        self._reverse = None
        self._order.pop(collection, None)
        self._derived.clear()
        self._derivations.clear()

    def successor(self, replaced: Mapping[str, Mapping[str, Record]]) -> DataSet:
        """This data set with whole collections replaced (records by id): what a save or
        another session's save leaves. Untouched collections are shared, not copied; the
        reverse index is patched for the records that changed, and derived values that
        declared what they read are carried over, or brought up to date, when that
        changed. So a save costs what it changed, not the size of the data set.
        """
        new = DataSet()
        new._by_collection.update(self._by_collection)
        new._shared = set(self._by_collection)
        changes: dict[str, list[tuple[Record | None, Record | None]]] = {}
        for name, records in replaced.items():
            if name not in _collections():
                raise KeyError(f"unknown collection {name!r}")
            old = self._by_collection.get(name, {})
            pairs = [
                (old.get(key), records.get(key))
                for key in old.keys() | records.keys()
                if old.get(key) is not records.get(key)
            ]
            if pairs:
                new._by_collection[name] = dict(records)
                new._shared.discard(name)
                changes[name] = pairs
        order = list(self._order.items())
        new._order = {name: rows for name, rows in order if name not in changes}
        reverse = self._reverse
        if reverse is not None:
            new._reverse = _patched_reverse(reverse, changes)
        changed = frozenset(changes)
        for key, value in list(self._derived.items()):  # another thread may add to it
            how = self._derivations.get(key)
            if how is None or how.depends is None or key in new._derived:
                continue  # unknown inputs, or already computed by an earlier update
            if how.depends.isdisjoint(changed):
                new._derived[key] = value
            elif how.update is not None:
                new._derived[key] = how.update(value, new, changes)
            else:
                continue
            new._derivations[key] = how
        return new

    def derived(
        self,
        key: Hashable,
        compute: Callable[[], T],
        *,
        depends: Iterable[str] | None = None,
        update: Callable[[T, DataSet, Changes], T] | None = None,
    ) -> T:
        """``compute()``, once per data set and ``key``: for values several rules share.

        ``depends`` names the collections the value reads: a ``successor`` that leaves
        them alone keeps the value, and one that changes them calls
        ``update(value, successor, changes)`` when given (else computes it anew).

        The result is shared by every caller, so it must be treated as read-only.
        """
        if key not in self._derived:
            self._derived[key] = compute()
            if depends is not None:
                self._derivations[key] = _Derivation(frozenset(depends), update)
        value: T = self._derived[key]
        return value

    def _ordered(self, name: str) -> list[Record]:
        """A collection's records in id order: sorted once per data set, then shared."""
        found = self._order.get(name)
        if found is None:
            items = self._by_collection[name]
            found = self._order[name] = [items[k] for k in sorted(items)]
        return found

    def all(self, model: type[R]) -> list[R]:
        """Every record of ``model``, in id order (a new list the caller may change)."""
        return [r for r in self._ordered(model.collection) if isinstance(r, model)]

    def collection(self, name: str) -> list[Record]:
        return list(self._ordered(name))

    def grouped(self, model: type[R], field: str) -> Mapping[str, list[R]]:
        """Records of ``model`` by the value of their id field ``field``, each list in id
        order: built once per data set (read-only), so a rule looking up a KPI's
        measurements or a supplier's evaluations does not scan the collection again."""

        def compute() -> dict[str, list[R]]:
            out: dict[str, list[R]] = defaultdict(list)
            for record in self.all(model):
                value = getattr(record, field)
                if value:
                    out[value].append(record)
            return dict(out)

        return self.derived(
            ("grouped", model.collection, field), compute, depends=(model.collection,)
        )

    def get(self, record_id: str) -> Record | None:
        """The record with this id, whatever its collection."""
        model = _model_for_id(record_id)
        if model is None:
            return None
        return self._by_collection[model.collection].get(record_id)

    def get_as(self, model: type[R], record_id: str | None) -> R | None:
        if not record_id:
            return None
        found = self._by_collection[model.collection].get(record_id)
        return found if isinstance(found, model) else None

    def _reverse_index(self) -> dict[tuple[str, str], list[Record]]:
        if self._reverse is None:
            # One pass over every record, reading each reference field directly (no
            # per-record dict as ``referenced_ids`` builds): the same index, about 3x faster.
            # ``_targets`` is the same reading for one record, for ``_patched_reverse``.
            reverse: dict[tuple[str, str], list[Record]] = defaultdict(list)
            for name in _collections():
                for rec in self._by_collection[name].values():
                    for field in rec.references:
                        value = getattr(rec, field)
                        if isinstance(value, list):
                            for target in set(value):
                                if target:
                                    reverse[(target, name)].append(rec)
                        elif value:
                            reverse[(value, name)].append(rec)
            self._reverse = dict(reverse)
        return self._reverse

    def referring(self, record_id: str, model: type[R]) -> list[R]:
        """Records of ``model`` whose reference fields hold ``record_id``."""
        found = self._reverse_index().get((record_id, model.collection), [])
        return sorted((r for r in found if isinstance(r, model)), key=lambda r: r.id)

    def referring_any(self, record_id: str) -> list[Record]:
        """Every record, of any collection, that refers to ``record_id``."""
        index = self._reverse_index()
        out: list[Record] = []
        for name in _collections():
            out.extend(sorted(index.get((record_id, name), []), key=lambda r: r.id))
        return out

    def __iter__(self) -> Iterator[Record]:
        for name in _collections():
            yield from self.collection(name)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_collection.values())

    def counts(self) -> dict[str, int]:
        return {name: len(self._by_collection[name]) for name in _collections()}


def _targets(record: Record) -> list[str]:
    """The ids ``record`` refers to, once per reference field (as the reverse index holds
    them: a list field counts each id once)."""
    out: list[str] = []
    for field in record.references:
        value = getattr(record, field)
        if isinstance(value, list):
            out.extend(target for target in set(value) if target)
        elif value:
            out.append(value)
    return out


def _patched_reverse(
    reverse: dict[tuple[str, str], list[Record]], changes: Changes
) -> dict[tuple[str, str], list[Record]]:
    """``reverse`` with the changed records' entries moved: a new dict whose lists are
    shared with ``reverse`` except those it touches (copied first)."""
    out = dict(reverse)
    copied: set[tuple[str, str]] = set()

    def bucket(key: tuple[str, str]) -> list[Record]:
        if key not in copied:
            out[key] = list(out.get(key, ()))
            copied.add(key)
        return out[key]

    for name, pairs in changes.items():
        for old, new in pairs:
            if old is not None:
                for target in set(_targets(old)):
                    entries = bucket((target, name))
                    entries[:] = [r for r in entries if r is not old]
            if new is not None:
                for target in _targets(new):
                    bucket((target, name)).append(new)
    for key in copied:
        if not out[key]:
            del out[key]
    return out
