"""Start-up registrations: the account-merge handler (interface 1) and the bill source (interface 3)."""

from __future__ import annotations


def register_all() -> None:
    from backend.accounts.merge import register_merge_handler
    from backend.applications.services import application_fee_paid, applications_merge
    from payments.registry import register_bill_source

    register_merge_handler("applications.applications", applications_merge)
    register_bill_source("application", on_paid=application_fee_paid)
