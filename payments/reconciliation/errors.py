"""Errors of reconciliation a client can see, each with a stable code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from backend.core.errors import ApplicationError, Conflict, ServiceUnavailable


class ReconciliationFailed(ApplicationError):
    status = 422
    code = "reconciliation_failed"
    title = _("The bill could not be reconciled: it is malformed or its totals do not add up.")


class BillFileInvalid(ApplicationError):
    status = 400
    code = "bill_file_invalid"
    title = _("The uploaded bill file is invalid.")


class BillNotReady(ServiceUnavailable):
    code = "bill_not_ready"
    title = _("The provider has not published this bill yet. Try again later.")


class CaseNotOpen(Conflict):
    code = "case_not_open"
    title = _("This difference is already resolved.")


class CaseActionNotAllowed(Conflict):
    code = "case_action_not_allowed"
    title = _("This action is not possible for this difference.")


class BillDownloadFailed(ServiceUnavailable):
    code = "bill_download_failed"
    title = _("The payment provider could not be reached. Try again later.")
