"""The demo's change requests."""

from __future__ import annotations

from typing import Any

from itsms_tui.domain.enums import ChangeKind, ChangeStatus, RiskLevel
from scripts.demo_data.common import (
    AISHA,
    BEN,
    DANIEL,
    MARCUS,
    PRIYA,
    SOFIA,
    Builder,
    S,
    day,
)
from scripts.demo_data.refs import Processes, Services, Suppliers


def add_changes(b: Builder, services: Services, processes: Processes, suppliers: Suppliers) -> None:
    """Changes, each moved through the real change workflow."""
    CK = ChangeKind

    def submitted(by: str, on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.SUBMITTED, {"requested_by": by, "requested_on": day(on)})

    def assessed(text: str, level: RiskLevel, backout: str) -> tuple[ChangeStatus, dict[str, Any]]:
        return (
            S.ASSESSED,
            {"impact_assessment": text, "risk_level": level, "backout_plan": backout},
        )

    def approved(by: str, on: int, notes: str = "") -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.APPROVED, {"approver": by, "approved_on": day(on), "decision_notes": notes})

    def implemented(on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.IMPLEMENTED, {"implemented_on": day(on)})

    def reviewed(notes: str, on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.REVIEWED, {"review_notes": notes, "reviewed_on": day(on)})

    def closed(on: int) -> tuple[ChangeStatus, dict[str, Any]]:
        return (S.CLOSED, {"closed_on": day(on)})

    b.change(
        CK.NORMAL,
        S.DRAFT,
        [],
        created=-2,
        title="Upgrade Calder SD-WAN edge firmware to 9.4",
        description="Fixes the tunnel flapping seen at three depots.",
        service_id=services.network.id,
        supplier_id=suppliers.netteam.id,
        requested_by=AISHA,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [submitted(DANIEL, -3)],
        created=-6,
        title="Move Harrowby file shares to Stratus object storage",
        description="Retires two file servers in Docklands hall A.",
        service_id=services.hosting.id,
        supplier_id=suppliers.stratus.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(AISHA, -20),
            assessed(
                "Hall A core switches carry all hosting traffic; 20-minute failover expected per switch.",
                RiskLevel.HIGH,
                "Keep the old switches racked and cabled; revert patching within 30 minutes.",
            ),
        ],
        created=-22,
        title="Replace core switches in Docklands hall A",
        service_id=services.hosting.id,
        process_id=processes.p_change.id,
        planned_start=day(14),
        planned_end=day(15),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(SOFIA, -25),
            assessed(
                "Agents need a hardware key; first-day sign-in support planned.",
                RiskLevel.MEDIUM,
                "Conditional access policy can be switched back in 5 minutes.",
            ),
            approved(PRIYA, -10, "Approved at CAB; roll out night shift first."),
        ],
        created=-27,
        title="Phishing-resistant MFA for all service desk agents",
        service_id=services.desk.id,
        process_id=processes.p_security.id,
        planned_start=day(5),
        planned_end=day(6),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(MARCUS, -48),
            assessed(
                "Second provider would need training and a new contract; overlap costs GBP 20,000.",
                RiskLevel.MEDIUM,
                "End the trial and return all calls to HelpPoint.",
            ),
            (
                S.REJECTED,
                {
                    "approver": PRIYA,
                    "approved_on": day(-40),
                    "decision_notes": "Rejected: finish the HelpPoint improvement plan first.",
                },
            ),
        ],
        created=-50,
        title="Trial a second provider for the out-of-hours desk",
        service_id=services.desk.id,
        supplier_id=suppliers.helppoint.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(BEN, -30),
            assessed(
                "Two hours of read-only ITSM during the upgrade window.",
                RiskLevel.LOW,
                "Vendor restores the pre-upgrade snapshot.",
            ),
            approved(PRIYA, -15),
            implemented(-4),
        ],
        created=-32,
        title="Upgrade the ITSM platform to release 2026.2",
        service_id=services.desk.id,
        supplier_id=suppliers.ledgerline.id,
        planned_start=day(-4),
        planned_end=day(-4),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(DANIEL, -60),
            assessed(
                "Backup storage use grows by 60 TB.",
                RiskLevel.LOW,
                "Reduce retention back to 30 days.",
            ),
            approved(PRIYA, -50),
            implemented(-40),
            reviewed("Retention verified on 10 sampled jobs; storage growth as forecast.", -15),
        ],
        created=-62,
        title="Raise Harrowby backup retention from 30 to 90 days",
        service_id=services.backup.id,
        planned_start=day(-40),
        planned_end=day(-40),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted(MARCUS, -260),
            assessed(
                "All mailboxes migrated; servers hold no live data.",
                RiskLevel.LOW,
                "Servers kept powered off for 30 days before disposal.",
            ),
            approved(PRIYA, -250),
            implemented(-230),
            reviewed("Decommissioned; disks destroyed with certificates.", -210),
            closed(-200),
        ],
        created=-262,
        title="Decommission the hosted Exchange servers",
        process_id=processes.p_change.id,
        planned_start=day(-230),
        planned_end=day(-228),
    )
    b.change(
        CK.STANDARD,
        S.APPROVED,
        [],
        created=-2,
        title="Provision 4 VMs for the Calder warehouse system test environment",
        description="Standard change SC-014 (VM from approved template).",
        service_id=services.hosting.id,
        requested_by=MARCUS,
        requested_on=day(-2),
        impact_assessment="Standard change: pre-assessed template.",
        risk_level=RiskLevel.LOW,
        backout_plan="Delete the VMs.",
        approver=PRIYA,
        approved_on=day(-2),
        planned_start=day(1),
        planned_end=day(1),
    )
    b.change(
        CK.STANDARD,
        S.APPROVED,
        [
            implemented(-19),
            reviewed("Rule verified with Aldermoor payroll team.", -18),
            closed(-18),
        ],
        created=-21,
        title="Firewall rule for the Aldermoor payroll SFTP transfer",
        description="Standard change SC-007.",
        service_id=services.network.id,
        supplier_id=suppliers.netteam.id,
        requested_by="Joanna Hale (Aldermoor)",
        requested_on=day(-21),
        impact_assessment="Standard change: pre-assessed.",
        risk_level=RiskLevel.LOW,
        backout_plan="Remove the rule.",
        approver=PRIYA,
        approved_on=day(-21),
    )
    b.change(
        CK.EMERGENCY,
        S.SUBMITTED,
        [
            approved(PRIYA, -9, "Emergency CAB: vendor reports active exploitation."),
            implemented(-8),
        ],
        created=-9,
        title="Patch VPN concentrators for an actively exploited vulnerability",
        description="Vendor advisory PSIRT-2026-031.",
        service_id=services.network.id,
        supplier_id=suppliers.netteam.id,
        requested_by=SOFIA,
        requested_on=day(-9),
        impact_assessment="Remote access down for 10 minutes per concentrator; done one at a time.",
        risk_level=RiskLevel.HIGH,
        backout_plan="Boot the previous firmware image kept on the second partition.",
    )
    b.change(
        CK.EMERGENCY,
        S.SUBMITTED,
        [],
        created=-1,
        title="Block malicious domains reported by the SOC",
        description="Sentinel Watch reports a phishing campaign aimed at Aldermoor.",
        service_id=services.soc.id,
        supplier_id=suppliers.sentinel.id,
        requested_by="Nadia Rahman (Sentinel)",
        requested_on=day(-1),
    )
    b.change(
        CK.UNPLANNED,
        S.IMPLEMENTED,
        [],
        created=-6,
        title="Carrier re-routed Calder WAN traffic after a fibre cut",
        description="Meridian moved Felixstowe traffic onto a temporary route without notice.",
        service_id=services.network.id,
        supplier_id=suppliers.meridian.id,
        requested_by="Gareth Pryce (Meridian)",
        requested_on=day(-6),
        implemented_on=day(-6),
    )
    b.change(
        CK.UNPLANNED,
        S.IMPLEMENTED,
        [
            reviewed(
                "Replacement was like-for-like; Docklands to notify us before any future power work.",
                -50,
            ),
            closed(-45),
        ],
        created=-60,
        title="Colocation provider replaced a failed PDU in hall A rack 7",
        supplier_id=suppliers.docklands.id,
        service_id=services.hosting.id,
        requested_by="Farid Haddad (Docklands)",
        requested_on=day(-60),
        implemented_on=day(-60),
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted("Priya Natarajan", -20),
            (
                S.WITHDRAWN,
                {
                    "end_reason": "The vendor's next release fixes the defect; no change needed.",
                    "ended_on": day(-12),
                },
            ),
        ],
        created=-21,
        title="Patch the monitoring agent on the reporting servers",
        service_id=services.hosting.id,
    )
    b.change(
        CK.NORMAL,
        S.DRAFT,
        [
            submitted("Tom Okafor", -35),
            (
                S.CANCELLED,
                {
                    "end_reason": "The branch office lease ends in March; the CAB cancelled "
                    "the upgrade.",
                    "ended_on": day(-28),
                },
            ),
        ],
        created=-36,
        title="Upgrade the Leeds branch router",
        service_id=services.network.id,
    )
