"""The demo's KPIs and their measurements."""

from __future__ import annotations

import random
from datetime import date, timedelta

from itsms_tui.domain.enums import Direction, Frequency, KpiKind
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.record import Record
from scripts.demo_data.common import (
    AISHA,
    ANCHOR,
    BEN,
    DANIEL,
    ELENA,
    GRACE,
    LIAM,
    MARCUS,
    OLIVER,
    PRIYA,
    SOFIA,
    TOM,
    Builder,
)
from scripts.demo_data.refs import (
    CustomerSlas,
    Objectives,
    Processes,
    Services,
    SupplierAgreements,
    Suppliers,
)


def add_kpis(
    b: Builder,
    services: Services,
    objectives: Objectives,
    processes: Processes,
    suppliers: Suppliers,
    contracts: SupplierAgreements,
    slas: CustomerSlas,
) -> dict[str, Kpi]:
    """KPIs and their measurement histories; returned by key for the improvement actions."""
    kpis: dict[str, Kpi] = {}
    rng = random.Random(20261102)  # fixed seed: the file must be reproducible

    def kpi(
        key: str,
        name: str,
        subject: Record,
        tgt: float,
        warn: float,
        *,
        unit: str = "%",
        lower: bool = False,
        freq: Frequency = Frequency.MONTHLY,
        owner: str,
        measures: str,
        end: str,
        last_months_ago: int = 0,
        decimals: int = 1,
        points: int = 12,
        notes: dict[int, str] | None = None,
    ) -> None:
        """A KPI and its series; ``end`` is the status of the latest value (green/amber/red)."""
        record = b.add(
            Kpi,
            created=-400,
            updated=-60,
            revision=2,
            name=name,
            measures=measures,
            method="Monthly export from the ITSM platform and monitoring."
            if freq is Frequency.MONTHLY
            else "Exported from the source system on the period end.",
            unit=unit,
            direction=Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER,
            target=tgt,
            warning=warn,
            frequency=freq,
            evaluation="Reviewed at the monthly service review; red for two periods opens an improvement action.",
            owner=owner,
            subject_id=subject.id,
        )
        kpis[key] = record
        dates = _period_ends(freq, points, last_months_ago)
        sign = -1 if lower else 1
        gap = abs(tgt - warn) or abs(tgt) * 0.05 or 1.0
        for i, measured in enumerate(dates):
            # Older values wander around the target; the latest lands in the wanted band.
            if i == len(dates) - 1:
                offset = {"green": 0.4, "amber": -0.5, "red": -1.6}[end] * gap
            else:
                offset = rng.uniform(-0.9, 0.8) * gap
            value = round(tgt + sign * offset, decimals)
            if unit == "%":
                value = min(value, 100.0)
            note = (notes or {}).get(len(dates) - 1 - i, "")
            b.add(
                Measurement,
                created=min((measured - ANCHOR).days + 2, -1),
                kpi_id=record.id,
                measured_on=measured,
                value=float(value),
                note=note,
                recorded_by=owner,
            )

    F = Frequency
    kpi(
        "availability",
        "Hosted service availability",
        objectives.obj_availability,
        99.9,
        99.5,
        owner=GRACE,
        measures="Minutes available / minutes agreed, all hosted services, excluding agreed maintenance.",
        end="green",
        decimals=2,
    )
    kpi(
        "p1_mttr",
        "Mean time to resolve P1 incidents",
        objectives.obj_p1,
        4.0,
        6.0,
        unit="hours",
        lower=True,
        owner=OLIVER,
        measures="Mean elapsed hours from logging to resolution of P1 incidents.",
        end="amber",
        notes={0: "Two Calder depot outages"},
    )
    kpi(
        "csat",
        "Customer satisfaction",
        objectives.obj_csat,
        4.5,
        4.0,
        unit="score (1-5)",
        freq=F.QUARTERLY,
        points=4,
        owner=ELENA,
        measures="Mean score of the quarterly survey of customer service owners.",
        end="amber",
        decimals=2,
    )
    kpi(
        "reviews_on_time",
        "Critical supplier reviews held on schedule",
        objectives.obj_reviews,
        100.0,
        75.0,
        freq=F.QUARTERLY,
        points=4,
        owner=TOM,
        measures="Reviews held by their due date / reviews due, critical suppliers.",
        end="green",
        decimals=0,
    )
    kpi(
        "p1_within_sla",
        "P1 incidents resolved within SLA",
        processes.p_incident,
        95.0,
        90.0,
        owner=MARCUS,
        measures="P1 incidents resolved within the SLA resolution time / all P1 incidents.",
        end="red",
        notes={0: "Felixstowe outage (CHG-0013) and a storage array fault"},
    )
    kpi(
        "requests_on_time",
        "Service requests fulfilled within target",
        processes.p_request,
        90.0,
        85.0,
        owner=MARCUS,
        measures="Requests fulfilled within the catalogue target time.",
        end="green",
    )
    kpi(
        "change_success",
        "Successful changes",
        processes.p_change,
        95.0,
        90.0,
        owner=BEN,
        measures="Changes implemented without incident or backout / all implemented changes.",
        end="green",
    )
    kpi(
        "emergency_share",
        "Emergency changes as a share of all changes",
        processes.p_change,
        5.0,
        10.0,
        lower=True,
        owner=BEN,
        measures="Emergency changes / all changes closed in the month.",
        end="amber",
    )
    kpi(
        "rca_30_days",
        "Problems with root cause found within 30 days",
        processes.p_problem,
        80.0,
        60.0,
        owner=OLIVER,
        measures="Problems with a documented root cause within 30 days of logging.",
        end="green",
        last_months_ago=4,
        points=8,
    )
    kpi(
        "storage_peak",
        "Peak storage utilisation (hosting platform)",
        processes.p_capacity,
        75.0,
        85.0,
        lower=True,
        owner=GRACE,
        measures="Highest daily used/provisioned storage in the month.",
        end="amber",
        decimals=0,
    )
    kpi(
        "dr_tests",
        "Restore and DR tests passed",
        processes.p_continuity,
        100.0,
        90.0,
        freq=F.QUARTERLY,
        points=4,
        owner=DANIEL,
        measures="Tests passed / tests run in the quarter.",
        end="green",
        decimals=0,
    )
    kpi(
        "fcr",
        "First-contact resolution (service desk)",
        processes.p_incident,
        70.0,
        60.0,
        freq=F.WEEKLY,
        points=26,
        owner=MARCUS,
        measures="Contacts resolved during the first contact / all contacts.",
        end="green",
    )
    kpi(
        "patching",
        "Critical vulnerabilities patched within 14 days",
        processes.p_security,
        95.0,
        85.0,
        owner=SOFIA,
        measures="Critical vulnerabilities remediated within 14 days of the advisory.",
        end="red",
    )
    kpi(
        "stratus_availability",
        "Stratus platform availability",
        suppliers.stratus,
        99.95,
        99.9,
        owner=DANIEL,
        measures="From Stratus monthly reports, checked against our monitoring.",
        end="green",
        decimals=2,
    )
    kpi(
        "meridian_availability",
        "Meridian WAN availability",
        suppliers.meridian,
        99.9,
        99.5,
        owner=AISHA,
        measures="Circuit availability averaged over all sites.",
        end="red",
        decimals=2,
        notes={0: "Felixstowe fibre cut, 14 hours", 1: "Immingham fibre cut, 6 hours"},
    )
    kpi(
        "helppoint_answer",
        "Out-of-hours calls answered within 60 seconds",
        suppliers.helppoint,
        90.0,
        80.0,
        freq=F.WEEKLY,
        points=26,
        owner=MARCUS,
        measures="From the telephony platform, out-of-hours queue.",
        end="red",
    )
    kpi(
        "soc_triage",
        "Security alerts triaged within 15 minutes",
        suppliers.sentinel,
        98.0,
        95.0,
        owner=SOFIA,
        measures="From the SOC monthly report.",
        end="green",
    )
    kpi(
        "parity_fix",
        "Hardware faults fixed within 8 hours",
        suppliers.parity,
        95.0,
        85.0,
        owner=TOM,
        measures="Faults fixed within 8 hours of logging / all faults.",
        end="red",
        last_months_ago=5,
        points=7,
    )
    kpi(
        "firewall_changes",
        "Firewall changes completed within 2 working days",
        suppliers.netteam,
        90.0,
        80.0,
        owner=AISHA,
        measures="Firewall change requests closed within 2 working days.",
        end="amber",
    )
    kpi(
        "db_backups",
        "Database backup jobs successful",
        suppliers.dbteam,
        99.5,
        98.0,
        owner=LIAM,
        measures="Successful database backup jobs / scheduled jobs.",
        end="green",
        decimals=2,
    )
    kpi(
        "harrowby_sla",
        "Harrowby SLA targets met",
        slas.harrowby_sla,
        95.0,
        90.0,
        owner=ELENA,
        measures="SLA targets met in the month / targets in the SLA.",
        end="amber",
        decimals=0,
    )
    kpi(
        "calder_sla",
        "Calder SLA targets met",
        slas.calder_sla,
        95.0,
        90.0,
        owner=ELENA,
        measures="SLA targets met in the month / targets in the SLA.",
        end="red",
        decimals=0,
    )
    kpi(
        "helppoint_backlog",
        "HelpPoint tickets open longer than 5 days",
        contracts.helppoint_uc,
        20.0,
        40.0,
        unit="tickets",
        lower=True,
        freq=F.WEEKLY,
        points=12,
        owner=MARCUS,
        measures="Open tickets assigned to HelpPoint older than 5 days, Friday count.",
        end="amber",
        decimals=0,
    )
    kpi(
        "itsm_availability",
        "ITSM platform availability",
        contracts.ledgerline_c,
        99.8,
        99.5,
        owner=BEN,
        measures="From Ledgerline status page, checked against our synthetic login test.",
        end="green",
        decimals=2,
    )
    kpi(
        "backup_success",
        "Backup jobs completed successfully",
        services.backup,
        99.0,
        97.0,
        owner=DANIEL,
        measures="Successful backup jobs / scheduled jobs, all customers.",
        end="green",
    )
    kpi(
        "aldermoor_restore",
        "Aldermoor restore tests passed",
        slas.aldermoor_sla,
        100.0,
        90.0,
        freq=F.QUARTERLY,
        points=3,
        last_months_ago=7,
        owner=LIAM,
        measures="Restore tests passed / run for Aldermoor systems.",
        end="green",
        decimals=0,
    )
    kpi(
        "kestrel_readiness",
        "Kubernetes platform go-live criteria met",
        slas.kestrel_sla,
        100.0,
        80.0,
        freq=F.MONTHLY,
        points=3,
        owner=DANIEL,
        measures="Go-live criteria met / criteria in the SLA schedule.",
        end="red",
        decimals=0,
    )

    kpi(
        "audit_readiness",
        "Audit readiness checklist items complete",
        objectives.obj_audit,
        100.0,
        80.0,
        points=3,
        owner=PRIYA,
        measures="Items of the clause 8.1/8.3 audit checklist with evidence filed.",
        end="amber",
        decimals=0,
    )
    kpi(
        "docklands_power",
        "Docklands power availability",
        contracts.docklands_uc,
        99.99,
        99.9,
        owner=DANIEL,
        measures="From the Docklands monthly facility report.",
        end="green",
        decimals=3,
    )
    kpi(
        "harrowby_signin",
        "Harrowby sign-in availability",
        contracts.identity_uc,
        99.9,
        99.5,
        owner=ELENA,
        measures="Synthetic sign-in test every 5 minutes against Harrowby's identity service.",
        end="green",
        decimals=2,
    )
    _add_workload_kpis(b, slas, kpis)
    return kpis


def _add_workload_kpis(b: Builder, slas: CustomerSlas, kpis: dict[str, Kpi]) -> None:
    """One workload KPI per workload limit of the active customer SLAs, a year of monthly
    readings each (November to October). Harrowby's desk went over its contact limit in
    June (renewal season), reviewed with Harrowby in August; Aldermoor's SOC went over
    its alert limit in September, when the council's new firewalls were onboarded, and
    nothing has been done about it yet."""

    def workload(
        key: str,
        name: str,
        sla: Record,
        limit: float,
        tolerance: float,
        unit: str,
        owner: str,
        measures: str,
        values: tuple[float, ...],
        notes: dict[int, str] | None = None,
    ) -> None:
        record = b.add(
            Kpi,
            created=-400,
            updated=-60,
            revision=2,
            name=name,
            kind=KpiKind.WORKLOAD,
            measures=measures,
            method="Monthly count from the ITSM platform, checked at the month end.",
            unit=unit,
            direction=Direction.LOWER_IS_BETTER,
            target=limit,
            warning=limit + tolerance,
            frequency=Frequency.MONTHLY,
            evaluation="Reported in the monthly service report and at the customer's "
            "service review; a month over the limit is raised with the customer.",
            owner=owner,
            subject_id=sla.id,
        )
        kpis[key] = record
        dates = _period_ends(Frequency.MONTHLY, len(values), 0)
        for i, (measured, value) in enumerate(zip(dates, values, strict=True)):
            b.add(
                Measurement,
                created=min((measured - ANCHOR).days + 2, -1),
                kpi_id=record.id,
                measured_on=measured,
                value=float(value),
                note=(notes or {}).get(i, ""),
                recorded_by=owner,
            )

    harrowby, calder, aldermoor = slas.harrowby_sla, slas.calder_sla, slas.aldermoor_sla
    #      Nov   Dec   Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep   Oct
    workload(
        "harrowby_contacts",
        "Harrowby service desk contacts",
        harrowby,
        2500,
        250,
        "contacts",
        MARCUS,
        "Calls, e-mails and portal tickets from Harrowby users in the month.",
        (2140, 1980, 2390, 2210, 2260, 2180, 2320, 2710, 2290, 2050, 2230, 2310),
        {7: "Policy renewal season; billed per contact above 2,500"},
    )
    workload(
        "harrowby_vms",
        "Harrowby hosted virtual machines",
        harrowby,
        400,
        20,
        "VMs",
        DANIEL,
        "Virtual machines hosted for Harrowby on the last day of the month.",
        (352, 355, 361, 360, 366, 371, 370, 374, 379, 381, 384, 388),
    )
    workload(
        "harrowby_changes",
        "Harrowby standard changes",
        harrowby,
        25,
        5,
        "changes",
        BEN,
        "Standard changes implemented for Harrowby in the month.",
        (14, 9, 17, 19, 16, 21, 18, 22, 15, 11, 19, 20),
    )
    workload(
        "calder_laptops",
        "Calder new laptops",
        calder,
        40,
        5,
        "laptops",
        MARCUS,
        "New laptops built and delivered to Calder depots in the month.",
        (22, 12, 31, 27, 24, 19, 26, 28, 21, 16, 36, 29),
    )
    workload(
        "calder_moves",
        "Calder site moves in the last 12 months",
        calder,
        6,
        1,
        "moves",
        AISHA,
        "Depot and office moves completed in the 12 months to the month end.",
        (3, 3, 3, 4, 4, 4, 4, 5, 5, 4, 4, 4),
    )
    workload(
        "aldermoor_servers",
        "Aldermoor protected servers",
        aldermoor,
        150,
        10,
        "servers",
        DANIEL,
        "Aldermoor servers under backup and SOC monitoring on the last day of the month.",
        (131, 131, 133, 134, 134, 136, 137, 137, 139, 140, 142, 142),
    )
    workload(
        "aldermoor_alerts",
        "Aldermoor security alerts",
        aldermoor,
        4000,
        400,
        "alerts",
        SOFIA,
        "Security alerts raised by the SOC for Aldermoor systems in the month.",
        (2910, 3040, 3320, 3150, 3280, 3410, 3390, 3520, 3610, 3700, 4310, 3560),
        {10: "New firewall estate onboarded to the SOC mid-month"},
    )


def _period_ends(freq: Frequency, points: int, months_ago: int) -> list[date]:
    """The last ``points`` period ends before ANCHOR, the latest ``months_ago`` months back.

    Weekly KPIs are measured on Fridays, monthly ones on the last day of the month,
    quarterly ones on the last day of March, June, September and December.
    """
    if freq is Frequency.WEEKLY:
        last_friday = ANCHOR - timedelta(days=(ANCHOR.weekday() - 4) % 7 or 7)
        return [last_friday - timedelta(weeks=k) for k in reversed(range(points))]
    ends: list[date] = []
    back = months_ago + 1
    while len(ends) < points:
        # the month after the one wanted starts ``back - 1`` months before ANCHOR's month
        y, m = divmod(ANCHOR.year * 12 + ANCHOR.month - 1 - (back - 1), 12)
        end = date(y, m + 1, 1) - timedelta(days=1)
        if freq is not Frequency.QUARTERLY or end.month % 3 == 0:
            ends.append(end)
        back += 1
    return sorted(ends)
