"""The records one area of the demo hands to the areas built after it.

Each area function returns one of these, so a later area names what it uses
(``suppliers.helppoint``) instead of reaching into another area's locals.
"""

from __future__ import annotations

from dataclasses import dataclass

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.plan import Activity, Objective, Process, Resource
from itsms_tui.domain.suppliers import Supplier, SupplierReview


@dataclass(frozen=True)
class Services:
    """The records of ``add_services`` that later areas refer to."""

    backup: Service
    desk: Service
    hosting: Service
    kubernetes: Service
    network: Service
    soc: Service
    workplace: Service


@dataclass(frozen=True)
class Objectives:
    """The records of ``add_objectives`` that later areas refer to."""

    obj_audit: Objective
    obj_availability: Objective
    obj_csat: Objective
    obj_p1: Objective
    obj_reviews: Objective


@dataclass(frozen=True)
class Processes:
    """The records of ``add_processes`` that later areas refer to."""

    p_availability: Process
    p_capacity: Process
    p_change: Process
    p_continuity: Process
    p_incident: Process
    p_monitoring: Process
    p_problem: Process
    p_release: Process
    p_request: Process
    p_security: Process
    p_slm: Process
    p_supplier: Process


@dataclass(frozen=True)
class Resources:
    """The records of ``add_resources`` that later areas refer to."""

    r_budget: Resource
    r_cloud: Resource
    r_desk: Resource
    r_network: Resource
    r_racks: Resource
    r_seats: Resource
    r_security: Resource
    r_smo: Resource
    r_storage: Resource


@dataclass(frozen=True)
class Suppliers:
    """The records of ``add_suppliers`` that later areas refer to."""

    brightlane: Supplier
    dbteam: Supplier
    docklands: Supplier
    harrowby_id: Supplier
    helppoint: Supplier
    ledgerline: Supplier
    meridian: Supplier
    netteam: Supplier
    nimbus: Supplier
    parity: Supplier
    sentinel: Supplier
    stratus: Supplier
    vantage: Supplier


@dataclass(frozen=True)
class SupplierAgreements:
    """The records of ``add_supplier_agreements`` that later areas refer to."""

    db_ola: Agreement
    docklands_uc: Agreement
    helppoint_uc: Agreement
    identity_uc: Agreement
    ledgerline_c: Agreement
    meridian_uc: Agreement
    net_ola: Agreement
    parity_c: Agreement
    sentinel_uc: Agreement
    stratus_uc: Agreement


@dataclass(frozen=True)
class CustomerSlas:
    """The records of ``add_customer_slas`` that later areas refer to."""

    aldermoor_sla: Agreement
    calder_sla: Agreement
    harrowby_sla: Agreement
    kestrel_sla: Agreement


@dataclass(frozen=True)
class Activities:
    """The records of ``add_activities`` that later areas refer to."""

    act_capacity: Activity
    act_netmon: Activity
    act_restore: Activity
    act_trend: Activity


@dataclass(frozen=True)
class SupplierReviews:
    """The records of ``add_supplier_reviews`` that later areas refer to."""

    rev_docklands: SupplierReview
    rev_helppoint: SupplierReview
    rev_meridian: SupplierReview
    rev_net: SupplierReview
    rev_parity: SupplierReview
    rev_stratus: SupplierReview
