"""Hypothesis strategies for valid records of every model and whole, consistent data sets.

Strategies are derived from the pydantic field definitions (type, bounds, single- or
multi-line text), so a field added to a model is generated without touching this file;
the cross-field rules of each model (date order, residual pairs at most the inherent score,
agreement kinds, KPI thresholds, ...) are applied afterwards. Text deliberately includes what breaks naive
code: Rich markup (``[/x]``), quotes, backslashes, TOML syntax, unicode and, in
multi-line fields, newlines and tabs.

    from strategies import data_sets, records
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from typing import Annotated, Any, Union

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from itsms_tui.domain.agreements import Agreement, PriorityTimes
from itsms_tui.domain.change_integrity import STEP_DATES, missing_workflow_facts
from itsms_tui.domain.changes import ENDINGS, ChangeRequest
from itsms_tui.domain.customers import (
    OPEN_COMPLAINT,
    Complaint,
    ComplaintStatus,
    SatisfactionResult,
)
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, Direction, KpiKind, Renewal, RiskLevel
from itsms_tui.domain.evaluation_score import DEFAULT_SELECTION_THRESHOLD, selection_problems
from itsms_tui.domain.fields import ID_PATTERN
from itsms_tui.domain.kpis import SUBJECT_PREFIXES, Kpi, Measurement
from itsms_tui.domain.people import Person
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import BY_COLLECTION, MODELS, format_id
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.supplier_integrity import missing_lifecycle_facts
from itsms_tui.domain.supplier_links import agreement_link_problems
from itsms_tui.domain.suppliers import Evaluation, Supplier

TRICKY_SINGLE_LINE: tuple[str, ...] = (
    "[/x]",
    "[bold]red[/bold]",
    "[@click=app.quit]x[/]",
    '"quoted"',
    "back\\slash",
    "trailing backslash\\",
    "'single'",
    '"""',
    "'''",
    "a = 1",
    "[[suppliers]]",
    "# not a comment",
    "\\u0041 is not A",
    "Zoë Ødegård-Łukasik",
    "日本語のサプライヤー",
    "emoji 🙂 and 𝄞",
    "\ufeffbom inside",
    "right-to-left \u05e9\u05dc\u05d5\u05dd text",
    "nbsp\u00a0inside",
)
TRICKY_MULTI_LINE: tuple[str, ...] = (
    "line one\nline two",
    "\nleading newline",
    "\n\n",
    "trailing newline\n",
    'quotes """ inside\nand "" here',
    "backslash at end of line\\\nnext",
    "tab\tseparated\tvalues\n\tindented",
    'ends with a quote"',
    "[/x]\n[bold]",
)
LEAP_DAYS = (date(2000, 2, 29), date(2024, 2, 29), date(2028, 2, 29), date(2096, 2, 29))
TIMEZONES = (UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5, minutes=30)))

_SAFE_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
_MULTI_LINE_CHARS = st.one_of(_SAFE_CHARS, st.sampled_from("\n\t"))


# --- scalar values ------------------------------------------------------------------------


def single_line_text(min_size: int = 0, max_size: int = 200) -> st.SearchStrategy[str]:
    """Stripped single-line text, tricky pieces included (padded up to ``min_size``)."""
    piece = st.one_of(st.sampled_from(TRICKY_SINGLE_LINE), st.text(_SAFE_CHARS, max_size=12))

    def join(parts: list[str]) -> str:
        text = " ".join(parts).strip()[:max_size].strip()
        return text if len(text) >= min_size else (text + "x" * min_size)[:max_size]

    return st.lists(piece, min_size=1 if min_size else 0, max_size=3).map(join)


def multi_line_text(max_size: int = 20_000) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(TRICKY_MULTI_LINE + TRICKY_SINGLE_LINE),
        st.text(_MULTI_LINE_CHARS, max_size=20),
    )
    return st.lists(piece, max_size=4).map(lambda parts: "".join(parts)[:max_size])


def dates() -> st.SearchStrategy[date]:
    return st.one_of(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
        st.sampled_from(LEAP_DAYS),
    )


def timestamps() -> st.SearchStrategy[datetime]:
    return st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2199, 12, 31)).flatmap(
        lambda dt: st.sampled_from(TIMEZONES).map(lambda tz: dt.replace(tzinfo=tz))
    )


def floats(lo: float, hi: float, *, exclude_min: bool = False) -> st.SearchStrategy[float]:
    """Floats in bounds, with whole numbers and tiny values (1.0, 1e-7) preferred."""
    special = [
        v
        for v in (1.0, 0.0, -0.0, 1e-7, 0.1, 99.95, 100.0, 12.5, 1e-300, 123456789.0)
        if (lo < v if exclude_min else lo <= v) and v <= hi
    ]
    general = st.floats(lo, hi, allow_nan=False, allow_infinity=False, exclude_min=exclude_min)
    return st.one_of(st.sampled_from(special), general) if special else general


# --- derived from the field definitions ------------------------------------------------------


class _Constraints:
    """What the field's metadata says: bounds, lengths, text kind."""

    def __init__(self, metadata: Sequence[Any]) -> None:
        self.lo: float | None = None
        self.hi: float | None = None
        self.exclude_min = False
        self.min_len = 0
        self.max_len: int | None = None
        self.pattern: str | None = None
        self.multi_line = False
        for item in _flatten(metadata):
            if isinstance(item, annotated_types.Ge):
                self.lo = float(item.ge)  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.Gt):
                self.lo, self.exclude_min = float(item.gt), True  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.Le):
                self.hi = float(item.le)  # type: ignore[arg-type]
            elif isinstance(item, annotated_types.MinLen):
                self.min_len = item.min_length
            elif isinstance(item, annotated_types.MaxLen):
                self.max_len = item.max_length
            elif getattr(item, "pattern", None):
                self.pattern = item.pattern
            elif getattr(getattr(item, "func", None), "__name__", "") == "_multi_line":
                self.multi_line = True


def _flatten(metadata: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for item in metadata:
        if isinstance(item, FieldInfo):
            out.extend(_flatten(item.metadata))
        else:
            out.append(item)
    return out


def _value_strategy(annotation: Any, metadata: Sequence[Any]) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *more = typing.get_args(annotation)
        return _value_strategy(base, [*metadata, *more])
    if origin is Union or origin is types.UnionType:
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return st.one_of(st.none(), _value_strategy(inner, metadata))
    if origin is list:
        return st.lists(_value_strategy(typing.get_args(annotation)[0], []), max_size=3)
    c = _Constraints(metadata)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_values(annotation)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        lo = int(c.lo) if c.lo is not None else -(10**6)
        hi = int(c.hi) if c.hi is not None else 10**6
        return st.integers(lo, hi)
    if annotation is float:
        return floats(
            c.lo if c.lo is not None else -1e12,
            c.hi if c.hi is not None else 1e12,
            exclude_min=c.exclude_min,
        )
    if annotation is datetime:
        return timestamps()
    if annotation is date:
        return dates()
    if annotation is str:
        if c.pattern == ID_PATTERN:
            return st.integers(1, 99_999).map(lambda n: format_id("XXX", n))
        if c.multi_line:
            return multi_line_text(c.max_len or 20_000)
        return single_line_text(c.min_len, c.max_len or 200)
    raise TypeError(f"no strategy for {annotation!r}")


_FIXUPS: dict[type[BaseModel], Callable[[dict[str, Any]], None]] = {}


def _fixup(model: type[BaseModel]) -> Callable[[Callable[[dict[str, Any]], None]], Any]:
    def register(fn: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
        _FIXUPS[model] = fn
        return fn

    return register


@_fixup(PriorityTimes)
def _priority_times(values: dict[str, Any]) -> None:
    if values["resolution_minutes"] < values["response_minutes"]:
        values["resolution_minutes"], values["response_minutes"] = (
            values["response_minutes"],
            values["resolution_minutes"],
        )
    values["resolution_minutes"] = min(values["resolution_minutes"], 5_256_000)


@_fixup(Person)
def _person(values: dict[str, Any]) -> None:
    """Logins are OS login names, each held by one person."""
    owner = str(values.get("id") or "new").lower()
    values["logins"] = [f"u{owner}-{n}" for n in range(len(values["logins"]))]


@_fixup(Agreement)
def _agreement(values: dict[str, Any]) -> None:
    if values["kind"] is AgreementKind.CUSTOMER_SLA:
        values["supplier_id"] = None
    else:
        values["underpinning_ids"] = []
        values["accepted_deviations"] = []
    if values["renewal"] is Renewal.TACIT and values["renewal_months"] is None:
        values["renewal_months"] = 12
    values["priority_times"] = _unique_by(values["priority_times"], lambda p: p.priority)


@_fixup(SatisfactionResult)
def _satisfaction(values: dict[str, Any]) -> None:
    if values["score"] > values["scale_max"]:
        values["score"], values["scale_max"] = values["scale_max"], values["score"]


@_fixup(Complaint)
def _complaint(values: dict[str, Any]) -> None:
    """Closed or resolved with the facts of closure; escalated to someone; dates in order."""
    received = values["received_on"]
    if values["status"] not in OPEN_COMPLAINT:
        if not values["resolution"].strip():
            values["resolution"] = "Resolved"
        if values["resolved_on"] is None:
            values["resolved_on"] = received
        if values["status"] is ComplaintStatus.CLOSED and values["reported_on"] is None:
            values["reported_on"] = values["resolved_on"]
    if values["escalated_on"] is not None and not values["escalated_to"]:
        values["escalated_on"] = None
    for name in ("escalated_on", "resolved_on", "target_on"):
        if values[name] is not None and values[name] < received:
            values[name] = received
    if values["reported_on"] is not None and values["resolved_on"] is not None:
        values["reported_on"] = max(values["reported_on"], values["resolved_on"])


@_fixup(Evaluation)
def _evaluation(values: dict[str, Any]) -> None:
    values["criteria"] = _unique_by(values["criteria"], lambda c: c.name.casefold())


def _unique_by(items: list[Any], key: Callable[[Any], object]) -> list[Any]:
    seen: set[object] = set()
    out = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def _no_fixup(values: dict[str, Any]) -> None:
    """Models without cross-field rules."""


@_fixup(Risk)
def _risk(values: dict[str, Any]) -> None:
    if values["residual_likelihood"] is None or values["residual_impact"] is None:
        values["residual_likelihood"] = values["residual_impact"] = None
    elif values["residual_likelihood"] * values["residual_impact"] > (
        values["likelihood"] * values["impact"]
    ):  # treatment cannot make a risk worse: rated at most as high as before
        values["residual_likelihood"] = min(values["residual_likelihood"], values["likelihood"])
        values["residual_impact"] = min(values["residual_impact"], values["impact"])


@_fixup(Kpi)
def _kpi(values: dict[str, Any]) -> None:
    if values["kind"] is KpiKind.WORKLOAD:  # a workload limit of an agreement: lower is better
        if str(values["subject_id"]).startswith("AGR-"):
            values["direction"] = Direction.LOWER_IS_BETTER
        else:
            values["kind"] = KpiKind.PERFORMANCE
    lower = values["direction"] is Direction.LOWER_IS_BETTER
    if (values["warning"] < values["target"]) if lower else (values["warning"] > values["target"]):
        values["warning"], values["target"] = values["target"], values["warning"]


def _date_order(model: type[BaseModel], values: dict[str, Any]) -> None:
    for first, second in getattr(model, "date_order", ()):
        a, b = values.get(first), values.get(second)
        if a is not None and b is not None and b < a:
            values[first], values[second] = b, a


@st.composite
def model_values(draw: st.DrawFn, model: type[BaseModel]) -> Any:
    """A valid instance of a sub-model (Contact, Criterion, ServiceTarget, PriorityTimes)."""
    values = {
        name: draw(_value_strategy(info.annotation, info.metadata))
        for name, info in model.model_fields.items()
    }
    _FIXUPS.get(model, _no_fixup)(values)
    return model.model_validate(values)


# --- records and data sets --------------------------------------------------------------------


def _reference_strategy(
    model: type[Record], field: str, ids: dict[str, list[str]] | None
) -> st.SearchStrategy[str] | None:
    target = model.references[field]
    collections = list(SUBJECT_PREFIXES.values()) if target == "*" else [target]
    if ids is None:
        prefixes = [BY_COLLECTION[c].prefix for c in collections]
        return st.builds(format_id, st.sampled_from(prefixes), st.integers(1, 99_999))
    candidates = sorted(i for c in collections for i in ids.get(c, []))
    return st.sampled_from(candidates) if candidates else None


@st.composite
def _record(
    draw: st.DrawFn,
    model: type[Record],
    record_id: str | None,
    ids: dict[str, list[str]] | None,
) -> Record | None:
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name == "id":
            values[name] = record_id or format_id(model.prefix, draw(st.integers(1, 99_999)))
        elif name in model.references:
            refs = _reference_strategy(model, name, ids)
            required = info.is_required()
            if typing.get_origin(info.annotation) is list:
                values[name] = draw(st.lists(refs, max_size=3)) if refs is not None else []
            elif refs is None:
                if required:
                    return None
                values[name] = None
            else:
                values[name] = draw(refs if required else st.one_of(st.none(), refs))
        elif name == "criteria" and model is Evaluation:
            criterion = typing.get_args(info.annotation)[0]
            values[name] = draw(st.lists(model_values(criterion), min_size=1, max_size=4))
        else:
            values[name] = draw(_value_strategy(info.annotation, info.metadata))
    _FIXUPS.get(model, _no_fixup)(values)
    if model is Evaluation and not values["criteria"]:
        return None
    _date_order(model, values)
    if values["updated_at"] < values["created_at"]:
        values["created_at"], values["updated_at"] = values["updated_at"], values["created_at"]
    return model.model_validate(values)


def records(
    model: type[Record], ids: dict[str, list[str]] | None = None
) -> st.SearchStrategy[Record]:
    """Valid records of ``model``; references point into ``ids`` (collection -> ids) when
    given, else at made-up ids of the right kind."""
    return _record(model, None, ids).filter(lambda r: r is not None)  # type: ignore[return-value]


@st.composite
def data_sets(draw: st.DrawFn, max_per_collection: int = 3) -> DataSet:
    """A valid, referentially consistent DataSet with up to ``max_per_collection`` records
    per collection (models built in registry order, so references have targets)."""
    ids: dict[str, list[str]] = {m.collection: [] for m in MODELS}
    found: list[Record] = []
    for model in MODELS:
        # at least one person, so a workflow fact naming someone can name them
        count = draw(st.integers(1 if model is Person else 0, max_per_collection))
        numbers = draw(
            st.lists(st.integers(1, 20_000), min_size=count, max_size=count, unique=True)
        )
        for number in numbers:
            record = draw(_record(model, format_id(model.prefix, number), ids))
            if record is None:
                break
            found.append(record)
            ids[model.collection].append(record.id)
    data = DataSet(found)
    return DataSet(_consistent(record, data) for record in found)


PAST = date(2020, 1, 1)
"""Step and measurement dates are clamped to this day so no generated record is dated in
the future of whenever the tests run."""


def _filler(record: Record, name: str, data: DataSet) -> Any:
    """A value for a missing workflow fact: a person for a person field, else text."""
    if record.references.get(name) == "people":
        return data.all(Person)[0].id
    return _FILLERS.get(name, "recorded")


def _consistent(record: Record, data: DataSet) -> Record:
    """The record adjusted to obey the integrity rules every import applies."""
    values = record.model_dump()
    if isinstance(record, ChangeRequest):
        values["imported_history"] = False
        if record.status not in ENDINGS:
            values["end_reason"], values["ended_on"] = "", None
        for name in missing_workflow_facts(record):
            values[name] = _filler(record, name, data)
        present = [n for n in STEP_DATES if values[n] is not None]
        for name, value in zip(present, sorted(min(values[n], PAST) for n in present), strict=True):
            values[name] = value
        if values["ended_on"] is not None:
            values["ended_on"] = max([min(values["ended_on"], PAST), *(values[n] for n in present)])
        if values["planned_end"] is not None and values["planned_start"] is not None:
            values["planned_start"] = min(values["planned_start"], values["planned_end"])
    if isinstance(record, Measurement):
        values["measured_on"] = min(values["measured_on"], PAST)
    if isinstance(record, Supplier):
        values["imported_history"] = False
        for name in missing_lifecycle_facts(record):
            values[name] = _filler(record, name, data)
        if values["approved_on"] is not None:
            values["approved_on"] = min(values["approved_on"], PAST)
    if isinstance(record, Evaluation) and selection_problems(record, DEFAULT_SELECTION_THRESHOLD):
        values["below_threshold_reason"] = "selected on other grounds"
    if agreement_link_problems(record, data):
        values["agreement_id"] = None
    return type(record).model_validate(values)


_FILLERS: dict[str, Any] = {
    "risk_level": RiskLevel.LOW,
    "requested_on": PAST,
    "approved_on": PAST,
    "implemented_on": PAST,
    "reviewed_on": PAST,
    "closed_on": PAST,
    "ended_on": PAST,
}
