"""Clause 6.1 risks to the services and the plan: owner, treatment and mitigation above the acceptance
threshold, and reviews on their dates. Closed risks are skipped.

The threshold applies to the inherent score (likelihood x impact): a risk above it cannot
simply be accepted, whatever its hoped-for residual rating.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, blank, days, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import RiskStatus, RiskTreatment
from itsms_tui.domain.obligations import risk_review_overdue
from itsms_tui.domain.risks import Risk

CLAUSE = "6.1"

RSK_OWNER = Check("RSK-OWNER", CLAUSE, Topic.RISK)
RSK_TREATMENT = Check("RSK-TREATMENT", CLAUSE, Topic.UNMITIGATED_RISK)
RSK_REVIEW = Check("RSK-REVIEW", CLAUSE, Topic.RISK_REVIEW)


def _is_open(risk: Risk) -> bool:
    return risk.status is not RiskStatus.CLOSED


def _open_risks(data: DataSet) -> Iterator[Risk]:
    return (r for r in data.all(Risk) if r.status is not RiskStatus.CLOSED)


def _above(risk: Risk, settings: CheckSettings) -> bool:
    return risk.score > settings.risk_acceptance_score


def _rated(risk: Risk, settings: CheckSettings) -> str:
    return f"score {risk.score} is above the acceptance threshold {settings.risk_acceptance_score}"


def risk_owner(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for risk in _open_risks(data):
        if _above(risk, settings) and blank(risk.owner):
            yield RSK_OWNER.error(risk, f"no risk owner, and its {_rated(risk, settings)}")


def risk_treatment(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for risk in _open_risks(data):
        if not _above(risk, settings):
            continue
        if risk.treatment is RiskTreatment.ACCEPT:
            yield RSK_TREATMENT.error(
                risk, f"treated as accepted, but its {_rated(risk, settings)}"
            )
        elif not risk.mitigation_actions:
            yield RSK_TREATMENT.error(
                risk,
                f"no mitigation actions for treatment {risk.treatment.value}; "
                f"its {_rated(risk, settings)}",
            )


def risk_review(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for risk in _open_risks(data):
        if risk.review_date is None:
            yield RSK_REVIEW.warning(risk, "no review date set")
        elif risk_review_overdue(risk, today):
            late = days((today - risk.review_date).days)
            yield RSK_REVIEW.error(
                risk, f"review was due {risk.review_date} ({late} ago)", due=risk.review_date
            )


RULES: tuple[Rule, ...] = (
    rule(
        RSK_OWNER,
        "Risks above the acceptance threshold have an owner",
        "An open risk whose inherent score is above the acceptance threshold names an owner.",
        risk_owner,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
    rule(
        RSK_TREATMENT,
        "Risks above the acceptance threshold are treated",
        "An open risk above the acceptance threshold is not simply accepted and lists "
        "mitigation actions.",
        risk_treatment,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
    rule(
        RSK_REVIEW,
        "Risk reviews are not overdue",
        "An open risk has a review date, and the date has not passed (a review due today "
        "is on time). No date at all is a warning.",
        risk_review,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
)
