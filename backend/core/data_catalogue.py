"""The catalogue of personal data: every field of ours that holds it, why, and how it is kept.

PIPL (个人信息保护法) art. 51 asks for classified management of the personal information a
system processes; this module is the inventory that starts from, and
tests/core/test_data_catalogue.py keeps it true: a field that looks personal (encrypted, a
blind index, a telling name, or a link to a person) must be listed here, and an entry whose
field has gone must be removed.

Retention: no purge job exists yet, so the entries say what happens today, not a policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from backend.core.fields import EncryptedTextField

# Whose models the catalogue covers: our own apps only, never Django's or a library's.
OWN_APP_LABELS = frozenset({"accounts", "core"})
OWN_MODULE_PREFIXES = ("backend.", "payments", "notifications", "miniprogram_bridge")

# A field whose name matches one of these (searched, case-insensitive) is personal. Not a bare
# `name$`: `Department.name` or `template_name` name things, not people.
PERSONAL_NAME_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"phone|mobile",
        r"citizen_id|id_number|id_card|passport",
        r"(^|_)(real|display|full|first|last|given|family|legal|nick)_?name$",
        r"(^|_)username$",
        r"e_?mail",
        r"address",
        r"open_?id|union_?id",
        r"(^|_)subject$",
        r"(^|_)ip(_address)?$",
        r"birth",
        r"(^|_)(sex|gender|ethnicity|nationality)$",
        r"session_key",
        r"bank_?card|card_no|account_no",
        r"latitude|longitude|location|gps",
        r"(^|_)(avatar|photo|face)",
        r"user_agent|device_id",
        r"_index$",
    )
)


@dataclass(frozen=True)
class PersonalField:
    """What one stored field holds and how it is treated."""

    category: str  # contact, identity, identifier, network, activity
    purpose: str  # why we store it, one sentence
    protection: str  # encrypted, keyed hash, masked in APIs and logs, ...
    retention: str  # how long it stays, as the code behaves today


_ACCOUNT_LIFETIME = "Kept while the account exists; no automatic deletion yet."

PERSONAL_FIELDS: dict[str, PersonalField] = {
    # --- accounts.User -----------------------------------------------------------------
    "accounts.User.phone": PersonalField(
        category="contact",
        purpose="Sends SMS login codes and service notices to the resident.",
        protection="encrypted (AES-256-GCM, key id stored); masked in APIs and logs",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.phone_index": PersonalField(
        category="identifier",
        purpose="Finds the account of a phone number without decrypting any row.",
        protection="keyed hash (HMAC-SHA256 under PII_HASH_KEY)",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.real_name": PersonalField(
        category="identity",
        purpose="The verified legal name that government services are issued under.",
        protection="encrypted (AES-256-GCM, key id stored); masked in APIs and logs",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.citizen_id": PersonalField(
        category="identity",
        purpose="The verified citizen ID number that identifies the resident to departments.",
        protection="encrypted (AES-256-GCM, key id stored); masked in APIs, logs and audit details",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.citizen_id_index": PersonalField(
        category="identifier",
        purpose="Keeps one ID number on one account (unique) without decrypting any row.",
        protection="keyed hash (HMAC-SHA256 under PII_HASH_KEY)",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.real_name_verified_at": PersonalField(
        category="identity",
        purpose="Records when the name and ID number were confirmed by the identity service.",
        protection="plaintext timestamp; readable only with the account",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.email": PersonalField(
        category="contact",
        purpose="Optional address for notices to staff and residents who give one.",
        protection="plaintext; not exposed by the resident APIs",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.display_name": PersonalField(
        category="identity",
        purpose="The name the person chose to be addressed by in the apps.",
        protection="plaintext; chosen by the person, not a legal name",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.username": PersonalField(
        category="identifier",
        purpose="Staff login name (residents have none), shown in audit details.",
        protection="plaintext; unique",
        retention=_ACCOUNT_LIFETIME,
    ),
    "accounts.User.last_login": PersonalField(
        category="activity",
        purpose="Django's last-login time, for spotting dormant staff accounts.",
        protection="plaintext timestamp",
        retention=_ACCOUNT_LIFETIME,
    ),
    # --- accounts.Identity ---------------------------------------------------------------
    "accounts.Identity.user": PersonalField(
        category="identifier",
        purpose="Links a login method to the one account of the person (一号).",
        protection="internal id only",
        retention="Deleted with the account (cascade).",
    ),
    "accounts.Identity.subject": PersonalField(
        category="identifier",
        purpose="The provider's id of the person, so the same login finds the same account.",
        protection="keyed hash for phone; the provider's opaque id (WeChat openid, Alipay user id) as is",
        retention="Deleted with the account (cascade).",
    ),
    "accounts.Identity.last_login_at": PersonalField(
        category="activity",
        purpose="When this login method was last used, for account security reviews.",
        protection="plaintext timestamp",
        retention="Deleted with the account (cascade).",
    ),
    # --- accounts.OtpCode ----------------------------------------------------------------
    "accounts.OtpCode.phone_index": PersonalField(
        category="identifier",
        purpose="Ties a one-time login code to the phone it was sent to, without storing the number.",
        protection="keyed hash (HMAC-SHA256 under PII_HASH_KEY)",
        retention="Code valid for OTP_TTL (5 minutes); the row is not purged automatically yet.",
    ),
    # --- payments (bills, orders, refunds, callbacks) -------------------------------------------
    "payments.Bill.payer": PersonalField(
        category="identifier",
        purpose="Whose bill it is: the resident who owes and pays it (empty for an unclaimed notice).",
        protection="internal id only; other residents get 404",
        retention="Kept with the financial records; bills are never deleted by the application.",
    ),
    "payments.Bill.payer_name": PersonalField(
        category="identity",
        purpose="The payer's name printed on a payment notice, checked when a resident looks it up.",
        protection="encrypted (AES-256-GCM, key id stored); never returned by the APIs",
        retention="Kept with the financial records; no automatic deletion yet.",
    ),
    "payments.Bill.payer_name_index": PersonalField(
        category="identifier",
        purpose="Finds a payment notice by notice number and payer name without decrypting.",
        protection="keyed hash (HMAC-SHA256 under PII_HASH_KEY)",
        retention="Kept with the financial records; no automatic deletion yet.",
    ),
    "payments.PaymentOrder.payer": PersonalField(
        category="identifier",
        purpose="The resident who started a payment attempt.",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "payments.PaymentOrder.payer_openid": PersonalField(
        category="identifier",
        purpose="The payer's WeChat openid / Alipay user id the provider order was made for.",
        protection="the provider's opaque id as is; not returned by the resident APIs",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "payments.Refund.requested_by": PersonalField(
        category="identifier",
        purpose="The finance staff member who ordered a refund (accountability).",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "reconciliation.BillFile.uploaded_by": PersonalField(
        category="identifier",
        purpose="The finance staff member who uploaded a bill file by hand (accountability).",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "reconciliation.CaseAction.actor": PersonalField(
        category="identifier",
        purpose="The finance staff member who took an action on a difference (accountability).",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "reconciliation.DifferenceCase.resolved_by": PersonalField(
        category="identifier",
        purpose="The finance staff member who resolved a difference (accountability).",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "reconciliation.ReconciliationRun.started_by": PersonalField(
        category="identifier",
        purpose="The finance staff member who started a reconciliation run by hand.",
        protection="internal id only",
        retention="Kept with the financial records; never deleted by the application.",
    ),
    "payments.IdempotencyKey.user": PersonalField(
        category="identifier",
        purpose="Scopes an Idempotency-Key and its stored answer to the person who sent it.",
        protection="internal id only",
        retention="24 hours (purged by the payments sweeper).",
    ),
    "payments.CallbackRecord.body": PersonalField(
        category="activity",
        purpose="The provider notification as received (evidence for finance disputes); Alipay's "
        "carries the buyer's id and masked logon id, WeChat's is encrypted.",
        protection="plaintext as the provider sent it; finance/admin access only",
        retention="No automatic deletion yet.",
    ),
    # --- applications (办件: forms, materials, timeline, tasks, consents) ------------------------
    "applications.Application.applicant": PersonalField(
        category="identifier",
        purpose="The resident who applies; only they (and audited staff of the case) see the case.",
        protection="internal id only; another resident gets 404",
        retention="Kept with the case file; no automatic deletion yet.",
    ),
    "applications.Application.form_data_encrypted": PersonalField(
        category="identity",
        purpose="The application form's answers (names, phone numbers, addresses the service asks for).",
        protection="encrypted (AES-256-GCM, JSON text); shown only to the applicant and audited staff",
        retention="Kept with the case file; no automatic deletion yet.",
    ),
    "applications.Application.claimed_by": PersonalField(
        category="identifier",
        purpose="The staff member working the case.",
        protection="internal id only",
        retention="Kept with the case file.",
    ),
    "applications.ApplicationMaterial.storage_name": PersonalField(
        category="identity",
        purpose=(
            "Photos and scans of documents (identity documents are sensitive personal data, PIPL art. 28)."
        ),
        protection="separate consent before identity documents; EXIF/GPS stripped; unguessable storage name; "
        "served only to the applicant and audited staff, never from a public path",
        retention="Kept with the case file; removed files are deleted from storage.",
    ),
    "applications.ApplicationMaterial.thumbnail_name": PersonalField(
        category="identity",
        purpose="A small preview of an uploaded document.",
        protection="as the material itself",
        retention="Deleted with the material.",
    ),
    "applications.ApplicationEvent.actor": PersonalField(
        category="identifier",
        purpose="Who made a step of the case (resident or staff) on the timeline.",
        protection="internal id only; append-only table (database trigger); shown to staff only",
        retention="Append-only; kept with the case file.",
    ),
    "applications.CorrectionNotice.created_by": PersonalField(
        category="identifier",
        purpose="The staff member who sent a correction notice.",
        protection="internal id only; not shown to the resident",
        retention="Kept with the case file.",
    ),
    "applications.ReviewTask.decided_by": PersonalField(
        category="identifier",
        purpose="The staff member who decided for a co-handling department.",
        protection="internal id only; not shown to the resident",
        retention="Kept with the case file.",
    ),
    "applications.Consent.user": PersonalField(
        category="identifier",
        purpose="Proof of the resident's separate consent (e.g. to identity-document photos).",
        protection="internal id only",
        retention="Kept while the account exists; moves with an account merge.",
    ),
    # --- miniprogram_bridge (WeChat / Alipay mini-programs) ------------------------------------
    # Identity subjects (accounts.Identity.subject) also hold the WeChat openid, the unionid as
    # `unionid:<id>`, and the Alipay user id (2088…) or open_id.
    "miniprogram_bridge.WeChatSession.user": PersonalField(
        category="identifier",
        purpose="Whose WeChat mini-program session this is.",
        protection="internal id only",
        retention="Deleted with the account (cascade); moved to the survivor when accounts merge.",
    ),
    "miniprogram_bridge.WeChatSession.openid": PersonalField(
        category="identifier",
        purpose="The person's id in our WeChat mini-program: login key and subscribe-message address.",
        protection="WeChat's opaque per-app id, stored as is; never shown to other residents",
        retention=_ACCOUNT_LIFETIME,
    ),
    "miniprogram_bridge.WeChatSession.unionid": PersonalField(
        category="identifier",
        purpose="The person's id across our WeChat apps (Open Platform), so they stay one account.",
        protection="WeChat's opaque id, stored as is; never shown to other residents",
        retention=_ACCOUNT_LIFETIME,
    ),
    "miniprogram_bridge.WeChatSession.session_key": PersonalField(
        category="identifier",
        purpose="WeChat's session key, to decrypt data the mini-program passes on; never sent to clients.",
        protection="encrypted (AES-256-GCM, key id stored); replaced at every login",
        retention="Replaced at every login; deleted with the account.",
    ),
    "miniprogram_bridge.SubscribeConsent.user": PersonalField(
        category="activity",
        purpose="Which resident allowed which subscribe messages, and how many remain.",
        protection="internal id only; residents see only their own",
        retention=_ACCOUNT_LIFETIME,
    ),
    "miniprogram_bridge.SubscribeMessage.user": PersonalField(
        category="activity",
        purpose="Which resident a subscribe message was (or was not) sent to, for support and audit.",
        protection="internal id only; no message content stored",
        retention="No automatic deletion yet.",
    ),
    # --- core.AuditLog ---------------------------------------------------------------------
    "core.AuditLog.actor": PersonalField(
        category="identifier",
        purpose="Who performed an audited action, as graded protection requires.",
        protection="internal id only; append-only table (database trigger)",
        retention="Append-only; never deleted by the application.",
    ),
    "core.AuditLog.ip": PersonalField(
        category="network",
        purpose="Where an audited action came from, for security investigations.",
        protection="plaintext; readable only by the auditor role; append-only table",
        retention="Append-only; never deleted by the application.",
    ),
    "core.AuditLog.detail": PersonalField(
        category="activity",
        purpose="Context of an audited action (e.g. the masked ID number that was checked).",
        protection="masked values and ids only, by the contract of audit_record",
        retention="Append-only; never deleted by the application.",
    ),
    # --- certificates (electronic certificates) ----------------------------------------------
    "certificates.Certificate.holder": PersonalField(
        category="identifier",
        purpose="The account that holds the certificate and may reuse it for applications.",
        protection="internal id only; not part of the signed content; others' certificates answer 404",
        retention="Kept while the certificate exists; certificates are never deleted by the application.",
    ),
    "certificates.Certificate.holder_name": PersonalField(
        category="identity",
        purpose="The holder's legal name as signed on the certificate by the issuing authority.",
        protection="encrypted (AES-256-GCM, key id stored); masked (张**) in the image and public check",
        retention="Kept while the certificate exists; certificates are never deleted by the application.",
    ),
    "certificates.Certificate.fields_encrypted": PersonalField(
        category="identity",
        purpose="The result fields of the certificate (e.g. the spouse's name) as signed at issue.",
        protection="encrypted (AES-256-GCM, key id stored); shown only to the holder, never publicly",
        retention="Kept while the certificate exists; certificates are never deleted by the application.",
    ),
    "certificates.Certificate.revoked_by": PersonalField(
        category="identifier",
        purpose="The department administrator who revoked the certificate, for accountability.",
        protection="internal id only; staff account",
        retention="Kept while the certificate exists.",
    ),
    # --- appointments ------------------------------------------------------------------------
    "appointments.Appointment.resident": PersonalField(
        category="activity",
        purpose="Who booked a time at a service hall, to check them in and remind them.",
        protection="internal id only; others' appointments answer 404",
        retention="Kept with the appointment; no automatic deletion yet.",
    ),
    # --- feedback (evaluations, consultations, complaints) -----------------------------------
    "feedback.Evaluation.rater": PersonalField(
        category="identifier",
        purpose="Keeps one rating per case and stage and shows residents their own ratings.",
        protection="internal id only; never shown to staff nor forwarded to the provincial system",
        retention="Kept with the rating; no automatic deletion yet.",
    ),
    "feedback.Evaluation.text": PersonalField(
        category="activity",
        purpose="The resident's own words about the service, read by the department to improve it.",
        protection="plaintext; staff see it without the rater; masked (phones, ID numbers) when forwarded",
        retention="Kept with the rating; no automatic deletion yet.",
    ),
    "feedback.Inquiry.resident": PersonalField(
        category="identifier",
        purpose="Who asked or complained, so the answer reaches them and only them.",
        protection="internal id only; not shown to staff in the inquiry lists",
        retention="Kept with the inquiry; no automatic deletion yet.",
    ),
    "feedback.Inquiry.content": PersonalField(
        category="activity",
        purpose="The question or complaint as the resident wrote it, for the department to answer.",
        protection="plaintext; readable by the resident and the staff of the department concerned",
        retention="Kept with the inquiry; no automatic deletion yet.",
    ),
    "feedback.InquiryEvent.actor": PersonalField(
        category="identifier",
        purpose="Who wrote a line of an inquiry's timeline (the resident or a staff member).",
        protection="internal id only; the API shows only whether it was staff",
        retention="Kept with the inquiry; no automatic deletion yet.",
    ),
    "feedback.Rectification.replied_by": PersonalField(
        category="identifier",
        purpose="The staff member who answered a bad rating, for accountability.",
        protection="internal id only; staff account",
        retention="Kept with the rating; no automatic deletion yet.",
    ),
    # --- notifications -------------------------------------------------------------------
    "notifications.Message.recipient": PersonalField(
        category="activity",
        purpose="Whom a notice (inbox, SMS, subscribe message, e-mail) is for; the phone is read "
        "from the account at send time, never copied into the outbox.",
        protection="internal id only; inbox API shows a resident only their own rows",
        retention="Kept while the account exists; no automatic deletion yet.",
    ),
    "notifications.UserEvent.user": PersonalField(
        category="activity",
        purpose="Whose websocket event stream an entry belongs to (replayed after a reconnect).",
        protection="internal id only; sent only over that resident's authenticated socket",
        retention="Kept while the account exists; no automatic deletion yet.",
    ),
    "notifications.StreamCursor.user": PersonalField(
        category="identifier",
        purpose="The last event id of a resident's stream, to number the next one.",
        protection="internal id only",
        retention="Kept while the account exists.",
    ),
    "notifications.WsTicket.user": PersonalField(
        category="identifier",
        purpose="Who a one-time websocket ticket (browser login to the event stream) was issued to.",
        protection="only a SHA-256 of the ticket is stored; valid 30 s, usable once",
        retention="Expired tickets older than an hour are deleted when the user gets a new one.",
    ),
}


def is_own_app(app_config: object) -> bool:
    """True for the project's apps, whose personal data this catalogue covers."""
    label = getattr(app_config, "label", "")
    name = getattr(app_config, "name", "")
    return label in OWN_APP_LABELS or name.startswith(OWN_MODULE_PREFIXES)


def own_models() -> list[type[models.Model]]:
    """Every concrete (non-abstract, non-proxy) model of the project's own apps."""
    return [
        model
        for config in apps.get_app_configs()
        if is_own_app(config)
        for model in config.get_models()
        if not model._meta.proxy
    ]


def catalogue_key(model: type[models.Model], field_name: str) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}.{field_name}"


def personal_reason(field: models.Field) -> str | None:
    """Why `field` counts as personal data, or None when it does not."""
    if isinstance(field, EncryptedTextField):
        return "encrypted field"
    related = field.related_model if field.is_relation else None
    if (
        related is not None
        and not isinstance(related, str)
        and related._meta.label == settings.AUTH_USER_MODEL
    ):
        return "link to a person"
    for pattern in PERSONAL_NAME_PATTERNS:
        if pattern.search(field.name):
            return f"name matches {pattern.pattern!r}"
    return None


def uncatalogued_personal_fields(
    models_: Iterable[type[models.Model]], catalogue: dict[str, PersonalField] | None = None
) -> list[str]:
    """`app.Model.field (reason)` for every personal field of `models_` missing from the catalogue.

    Fields are taken where they are declared (an abstract parent's fields count for the
    model that inherits them; a multi-table parent's count for the parent only).
    """
    catalogue = PERSONAL_FIELDS if catalogue is None else catalogue
    missing: list[str] = []
    for model in models_:
        for field in [*model._meta.local_concrete_fields, *model._meta.local_many_to_many]:
            reason = personal_reason(field)
            key = catalogue_key(model, field.name)
            if reason and key not in catalogue:
                missing.append(f"{key} ({reason})")
    return sorted(missing)


def stale_catalogue_entries(catalogue: dict[str, PersonalField] | None = None) -> list[str]:
    """Catalogue keys whose app, model or field no longer exists."""
    catalogue = PERSONAL_FIELDS if catalogue is None else catalogue
    stale: list[str] = []
    for key in catalogue:
        try:
            app_label, model_name, field_name = key.split(".")
            apps.get_model(app_label, model_name)._meta.get_field(field_name)
        except (ValueError, LookupError, FieldDoesNotExist):
            stale.append(key)
    return sorted(stale)
