"""States and categories of reconciliation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BillFileSource(models.TextChoices):
    FETCHED = "fetched", _("downloaded from the provider")
    UPLOADED = "uploaded", _("uploaded by finance staff")


class RunState(models.TextChoices):
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")


class LineKind(models.TextChoices):
    PAYMENT = "payment", _("payment")
    REFUND = "refund", _("refund")


class CaseCategory(models.TextChoices):
    PROVIDER_ONLY = "provider_only", _("money moved at the provider but not in our ledger")
    LOCAL_ONLY = "local_only", _("in our ledger but not in the provider's bill")
    AMOUNT_MISMATCH = "amount_mismatch", _("amounts differ")
    STATUS_MISMATCH = "status_mismatch", _("states differ")


MATCHED = "matched"
CATEGORIES = (MATCHED, *CaseCategory.values)


class CaseState(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "resolved", _("resolved")
    CLEARED = "cleared", _("cleared: no longer differs")


class CaseResolution(models.TextChoices):
    RECOVERED = "recovered", _("recovered from the provider")
    REFUNDED = "refunded", _("refunded")
    WRITTEN_OFF = "written_off", _("written off")


# Providers with daily bills (the sandbox has none).
BILL_PROVIDERS = ("wechatpay", "alipay")
