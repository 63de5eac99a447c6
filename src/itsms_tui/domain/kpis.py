"""KPIs (clause 9.1 applied to 8.1 and 8.3) and their measurements.

A KPI of kind ``workload`` records the workload against one of an agreement's workload
limits (8.3.3: "workload against limits reported at planned intervals"): its subject is
the agreement, its target is the limit and lower is better, so a reading above the target
is a period over the limit. Every KPI stored before the kind existed is a performance KPI.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from pydantic import Field, model_validator

from itsms_tui.domain.enums import Direction, Frequency, KpiKind
from itsms_tui.domain.fields import LongText, Name, PersonRef, RecordId, ShortText
from itsms_tui.domain.record import Record

SUBJECT_PREFIXES: dict[str, str] = {
    "OBJ": "objectives",
    "PRC": "processes",
    "SUP": "suppliers",
    "AGR": "agreements",
    "SVC": "services",
}
"""Which records a KPI may measure, by id prefix."""


class Kpi(Record):
    """A key performance indicator with target and warning thresholds."""

    collection: ClassVar[str] = "kpis"
    prefix: ClassVar[str] = "KPI"
    label: ClassVar[str] = "KPI"
    references: ClassVar[dict[str, str]] = {
        "subject_id": "*",
        "owner": "people",
    }
    """``*``: the subject's collection follows from its id prefix (SUBJECT_PREFIXES)."""

    name: Name = Field(title="KPI")
    kind: KpiKind = Field(
        default=KpiKind.PERFORMANCE,
        title="Measure of",
        description="performance against a target, or workload against an agreement's "
        "limit (the target is the limit).",
    )
    measures: LongText = Field(default="", title="What is measured")
    method: LongText = Field(default="", title="Method or data source")
    unit: ShortText = Field(default="%", title="Unit")
    direction: Direction = Field(default=Direction.HIGHER_IS_BETTER, title="Direction")
    target: float = Field(
        ge=-1e12, le=1e12, title="Target", description="Green at or beyond this value."
    )
    warning: float = Field(
        ge=-1e12,
        le=1e12,
        title="Warning threshold",
        description="Amber between this and the target; red beyond it.",
    )
    frequency: Frequency = Field(default=Frequency.MONTHLY, title="Measured every")
    evaluation: LongText = Field(
        default="", title="Evaluation", description="When and by whom results are evaluated."
    )
    owner: PersonRef = Field(default=None, title="Owner")
    subject_id: RecordId = Field(
        title="Subject", description="Objective, process, supplier, agreement or service measured."
    )

    @model_validator(mode="after")
    def _thresholds(self) -> Self:
        prefix = self.subject_id.split("-", 1)[0]
        if prefix not in SUBJECT_PREFIXES:
            allowed = ", ".join(SUBJECT_PREFIXES)
            raise ValueError(f"subject must be one of {allowed} records, not {prefix}")
        if self.kind is KpiKind.WORKLOAD:
            if prefix != "AGR":
                raise ValueError(
                    "a workload KPI measures an agreement's workload limit: its subject "
                    "must be an agreement (AGR-...)"
                )
            if self.direction is not Direction.LOWER_IS_BETTER:
                raise ValueError(
                    "a workload KPI's target is the limit, so lower is better: set the "
                    "direction to lower is better"
                )
        if self.direction is Direction.HIGHER_IS_BETTER and self.warning > self.target:
            raise ValueError("warning threshold must not be above the target when higher is better")
        if self.direction is Direction.LOWER_IS_BETTER and self.warning < self.target:
            raise ValueError("warning threshold must not be below the target when lower is better")
        return self


class Measurement(Record):
    """One measured value of a KPI for the period ending on ``measured_on``."""

    collection: ClassVar[str] = "measurements"
    prefix: ClassVar[str] = "MEA"
    label: ClassVar[str] = "Measurement"
    title_field: ClassVar[str] = "kpi_id"
    references: ClassVar[dict[str, str]] = {"kpi_id": "kpis"}

    kpi_id: RecordId = Field(title="KPI")
    measured_on: date = Field(
        title="Measured on", description="YYYY-MM-DD: end of the period measured."
    )
    value: float = Field(ge=-1e12, le=1e12, title="Value")
    note: ShortText = Field(default="", title="Note")
    recorded_by: ShortText = Field(default="", title="Recorded by")


def check_measurement_date(measurement: Measurement, today: date) -> None:
    """Refuse a measurement dated after today: it would become the latest reading and
    hide the KPI's real status until that date."""
    if measurement.measured_on > today:
        raise ValueError(
            f"measured on {measurement.measured_on} is in the future (today is {today})"
        )


def is_workload(kpi: Kpi) -> bool:
    """The KPI records workload against an agreement's limit, not performance."""
    return kpi.kind is KpiKind.WORKLOAD


def target_word(kpi: Kpi) -> str:
    """How the KPI's target reads: a workload KPI's target is its limit."""
    return "limit" if is_workload(kpi) else "target"
