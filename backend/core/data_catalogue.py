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
