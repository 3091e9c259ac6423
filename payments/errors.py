"""Every payment error a client can see, each with a stable code (documented in the spec)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from backend.core.errors import ApplicationError, Conflict, ServiceUnavailable


class BillInvalid(ApplicationError):
    status = 400
    code = "bill_invalid"
    title = _("The bill is invalid.")


class BillNotPayable(Conflict):
    code = "bill_not_payable"
    title = _("This bill cannot be paid: it is already paid or closed.")


class ChannelUnavailable(ApplicationError):
    status = 422
    code = "payment_channel_unavailable"
    title = _("This payment channel is not available.")


class PayerIdentityMissing(ApplicationError):
    status = 422
    code = "payer_identity_missing"
    title = _("Log in with WeChat or Alipay in the mini-program before paying in that channel.")


class IdempotencyKeyRequired(ApplicationError):
    status = 400
    code = "idempotency_key_required"
    title = _("An Idempotency-Key header is required.")


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"
    title = _("This Idempotency-Key was used for a different request.")


class IdempotencyKeyInFlight(Conflict):
    code = "idempotency_key_in_flight"
    title = _("A request with this Idempotency-Key is still being processed.")


class ProviderTimedOut(ServiceUnavailable):
    code = "payment_provider_timeout"
    title = _("The payment provider did not answer in time. Please try again shortly.")


class ProviderUnavailable(ServiceUnavailable):
    code = "payment_provider_unavailable"
    title = _("The payment provider is unavailable. Please try again later.")


class ProviderRefused(ApplicationError):
    status = 422
    code = "payment_provider_refused"
    title = _("The payment provider refused the request.")


class RefundNotAllowed(Conflict):
    code = "refund_not_allowed"
    title = _("This bill has no payment that can be refunded.")


class RefundExceedsPaid(Conflict):
    code = "refund_exceeds_paid"
    title = _("The refund would exceed what was paid.")


class NoticeNotFound(ApplicationError):
    status = 404
    code = "not_found"
    title = _("The resource was not found.")


class NoticeNumberTaken(Conflict):
    code = "notice_number_taken"
    title = _("A payment notice with this number already exists.")


class ReceiptNotAvailable(Conflict):
    code = "receipt_not_available"
    title = _("A receipt exists only for a paid bill.")


# The codes each endpoint documents in the contract.
PAY_ERROR_CODES = (
    "idempotency_key_required (400), bill_not_payable (409), idempotency_key_reused (409), "
    "idempotency_key_in_flight (409), payment_channel_unavailable (422), payer_identity_missing (422), "
    "payment_provider_refused (422), payment_provider_timeout (503), payment_provider_unavailable (503)"
)
