"""Clause 6.1 risks to the services and the plan: owner, treatment and mitigation above the acceptance
threshold, and reviews on their dates. Closed risks are skipped.

A risk whose inherent score (likelihood x impact) is above the acceptance threshold needs an
owner and treatment; the criterion for accepting a risk applies to its residual score (after
treatment; the inherent one when no residual is rated), and the acceptance names who and when.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.findings import Finding, record_id_key
from itsms_tui.compliance.rules.base import (
    Check,
    Evidence,
    Rule,
    any_of,
    blank,
    days,
    missing_list,
    rule,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import RiskArea, RiskStatus, RiskTreatment
from itsms_tui.domain.obligations import risk_review_overdue
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import ImprovementAction

CLAUSE = "6.1"

RSK_OWNER = Check("RSK-OWNER", CLAUSE, Topic.RISK)
RSK_TREATMENT = Check("RSK-TREATMENT", CLAUSE, Topic.UNMITIGATED_RISK)
RSK_REVIEW = Check("RSK-REVIEW", CLAUSE, Topic.RISK_REVIEW)
RSK_AREAS = Check("RSK-AREAS", CLAUSE, Topic.RISK)
RSK_DEFINED = Check("RSK-DEFINED", CLAUSE, Topic.RISK)

AREA_NAMES: dict[RiskArea, str] = {
    RiskArea.ORGANISATION: "the organisation",
    RiskArea.SERVICE_REQUIREMENTS: "not fulfilling the service requirements",
    RiskArea.OTHER_PARTIES: "the involvement of other parties",
}


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


def _tracked(data: DataSet, risk: Risk) -> bool:
    return bool(data.referring(risk.id, ImprovementAction))


def _judged(risk: Risk, settings: CheckSettings) -> str:
    kind = "residual" if risk.residual_score is not None else "inherent"
    return (
        f"its {kind} score {risk.judged_score} is above the acceptance threshold "
        f"{settings.risk_acceptance_score}"
    )


def risk_treatment(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    limit = settings.risk_acceptance_score
    for risk in _open_risks(data):
        if risk.treatment is RiskTreatment.ACCEPT:
            if risk.judged_score > limit:
                yield RSK_TREATMENT.error(
                    risk, f"treated as accepted, but {_judged(risk, settings)}"
                )
            elif blank(risk.accepted_by) or risk.accepted_on is None:
                yield RSK_TREATMENT.error(
                    risk, "accepted without a record of who accepted it and when"
                )
            continue
        if not _above(risk, settings):
            continue
        if not risk.mitigation_actions and not _tracked(data, risk):
            yield RSK_TREATMENT.error(
                risk,
                f"no mitigation actions for treatment {risk.treatment.value}; "
                f"its {_rated(risk, settings)}",
            )
        elif not _tracked(data, risk):
            yield RSK_TREATMENT.warning(
                risk,
                "mitigation is not tracked: no improvement action names this risk "
                f"({len(risk.mitigation_actions)} listed as text)",
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
        elif risk.reviewed_on is not None and blank(risk.effectiveness):
            yield RSK_REVIEW.error(
                risk,
                f"reviewed on {risk.reviewed_on} without evaluating how effective its treatment is",
            )


def risk_areas(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    risks = list(_open_risks(data))
    covered = {r.area for r in risks}
    missing = [AREA_NAMES[a] for a in RiskArea if a not in covered]
    if missing and risks:
        first = min(risks, key=lambda r: record_id_key(r.id))
        yield RSK_AREAS.error(
            first,
            f"the risk register has no open risk about {missing_list([(True, m) for m in missing])}"
            " (6.1 requires all three areas)",
        )


def risk_defined(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for risk in _open_risks(data):
        missing = missing_list(
            [
                (risk.area is None, "no area"),
                (blank(risk.customer_impact), "no impact on customers"),
            ]
        )
        if missing:
            yield RSK_DEFINED.error(risk, f"risk states {missing}")


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
        "An accepted risk's residual score (the inherent one when none is rated) is within "
        "the acceptance threshold and who accepted it and when is recorded; a risk whose "
        "inherent score is above it has mitigation, tracked as improvement actions naming "
        "it (text only is a warning).",
        risk_treatment,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
    rule(
        RSK_AREAS,
        "The risk register covers the three areas of 6.1",
        "Open risks cover the organisation, not fulfilling the service requirements, and the "
        "involvement of other parties in the service lifecycle.",
        risk_areas,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
    rule(
        RSK_DEFINED,
        "Risks state their area and their impact on customers",
        "An open risk names the 6.1 area it belongs to and what customers would notice.",
        risk_defined,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
    rule(
        RSK_REVIEW,
        "Risk reviews are not overdue",
        "An open risk has a review date, and the date has not passed (a review due today "
        "is on time); a review held evaluates how effective the treatment is. No date at "
        "all is a warning.",
        risk_review,
        Evidence("open risk", any_of(Risk, _is_open), required=True),
    ),
)
