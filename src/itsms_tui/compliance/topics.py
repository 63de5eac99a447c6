"""What a checker rule is about, in a few words (the overview's "What" column)."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    """What a line is about, in at most 16 characters (the overview's "What" column)."""

    SUPPLIER_REVIEW = "Supplier review"
    AGREEMENT_REVIEW = "Agreement review"
    CANCEL_BY = "Cancel-by"
    RED_KPI = "KPI red"
    CHANGE_APPROVAL = "Change decision"
    DUTIES = "Duties apart"
    UNMITIGATED_RISK = "Risk unmitigated"
    RENEWAL = "Renewal"
    EXPIRED = "Expired"
    AGREEMENT_CONTENT = "Agreement terms"
    AMENDMENT = "Amendment impact"
    SUPPLIER_CONTRACT = "No agreement"
    SUPPLIER = "Supplier"
    DISPUTE = "Dispute"
    ACTION = "Action overdue"
    SERVICE_LEVEL = "Service level"
    CUSTOMER = "Customer"
    CUSTOMER_REVIEW = "Customer review"
    SATISFACTION = "Satisfaction"
    COMPLAINT = "Complaint"
    SLA_ALIGNMENT = "SLA alignment"
    PROCESS = "Process"
    OBJECTIVE = "Objective"
    ACTIVITY = "Activity"
    RESOURCE = "Over capacity"
    WORKLOAD = "Workload"
    RISK = "Risk"
    RISK_REVIEW = "Risk review"
    CHANGE = "Change control"
    KPI = "KPI"
    KPI_MEASUREMENT = "KPI measurement"
    AUDIT_TRAIL = "Audit trail"
    FINDING = "Finding"
