"""The personal-data catalogue stays complete and current as models change.

A new field that looks personal fails the suite until it is catalogued (what, why, how
protected, how long kept); a catalogued field that is removed fails it until its entry goes.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import models
from django.test.utils import isolate_apps

from backend.accounts.models import Department, Identity, OtpCode, User
from backend.core import data_catalogue
from backend.core.data_catalogue import (
    PERSONAL_FIELDS,
    PersonalField,
    own_models,
    personal_reason,
    stale_catalogue_entries,
    uncatalogued_personal_fields,
)
from backend.core.fields import EncryptedTextField
from backend.core.models import AuditLog, RateCounter

CATEGORIES = {"contact", "identity", "identifier", "network", "activity"}


def test_every_personal_field_is_catalogued() -> None:
    # given every concrete model of our own apps
    # when the checker walks their fields
    missing = uncatalogued_personal_fields(own_models())
    # then each personal-looking field has a catalogue entry
    assert missing == [], "add these to backend/core/data_catalogue.py PERSONAL_FIELDS"


def test_catalogue_names_only_existing_fields() -> None:
    assert stale_catalogue_entries() == [], "remove these entries from PERSONAL_FIELDS"


def test_walk_covers_our_apps_and_only_ours() -> None:
    """Guards the two tests above against passing because the model list came back empty."""
    walked = set(own_models())
    assert {User, Identity, OtpCode, Department, AuditLog, RateCounter} <= walked
    assert all(m._meta.app_label not in {"auth", "otp_totp", "token_blacklist"} for m in walked)


@pytest.mark.parametrize(
    "key",
    [
        "accounts.User.phone",
        "accounts.User.phone_index",
        "accounts.User.real_name",
        "accounts.User.citizen_id",
        "accounts.User.citizen_id_index",
        "accounts.User.email",
        "accounts.User.display_name",
        "accounts.Identity.subject",
        "accounts.OtpCode.phone_index",
        "core.AuditLog.ip",
        "core.AuditLog.actor",
    ],
)
def test_required_entry_is_present(key: str) -> None:
    assert key in PERSONAL_FIELDS


@pytest.mark.parametrize(("key", "entry"), list(PERSONAL_FIELDS.items()), ids=list(PERSONAL_FIELDS))
def test_entry_is_filled_in(key: str, entry: PersonalField) -> None:
    # given a catalogue entry
    # then it has a known category and says why, how and how long, in words
    assert entry.category in CATEGORIES
    assert entry.purpose.strip().endswith(".") and len(entry.purpose.split()) >= 5
    assert entry.protection.strip()
    assert entry.retention.strip()


def test_encrypted_fields_are_catalogued_as_encrypted() -> None:
    """The catalogue must not understate protection: every EncryptedTextField says `encrypted`."""
    for model in own_models():
        for field in model._meta.local_concrete_fields:
            if isinstance(field, EncryptedTextField):
                entry = PERSONAL_FIELDS[data_catalogue.catalogue_key(model, field.name)]
                assert entry.protection.startswith("encrypted"), field


# --- the check bites -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field_name", "make_field", "reason"),
    [
        pytest.param("home_address", lambda: models.CharField(max_length=200), "address", id="address"),
        pytest.param("notes", lambda: EncryptedTextField(blank=True), "encrypted", id="encrypted"),
        pytest.param("passport_index", lambda: models.CharField(max_length=64), "passport", id="blind-index"),
        pytest.param("wechat_openid", lambda: models.CharField(max_length=64), "open_?id", id="openid"),
        pytest.param("date_of_birth", lambda: models.DateField(), "birth", id="birth"),
        pytest.param("client_ip", lambda: models.GenericIPAddressField(), "ip", id="ip"),
    ],
)
def test_checker_reports_a_new_uncatalogued_field(field_name: str, make_field: Any, reason: str) -> None:
    # given a throwaway model in an isolated registry with one personal-looking field
    with isolate_apps("backend.core"):
        attrs = {
            "__module__": "backend.core.models",
            field_name: make_field(),
            "title": models.CharField(max_length=50),
            "Meta": type("Meta", (), {"app_label": "core", "managed": False}),
        }
        model = type("Application", (models.Model,), attrs)
        # when the checker looks at it
        missing = uncatalogued_personal_fields([model])
        # and at it again with the field catalogued
        entry = PersonalField("identity", "For the test only, nothing else.", "none", "none")
        catalogued = uncatalogued_personal_fields([model], {f"core.Application.{field_name}": entry})
    # then only the personal field is reported, with its reason, and cataloguing it clears it
    assert len(missing) == 1
    assert missing[0].startswith(f"core.Application.{field_name} (")
    assert reason in missing[0]
    assert catalogued == []


def test_checker_reports_links_to_a_person() -> None:
    """A foreign key to the user model is personal whatever it is called (e.g. `actor`)."""
    assert personal_reason(AuditLog._meta.get_field("actor")) == "link to a person"
    assert "core.AuditLog.actor (link to a person)" in uncatalogued_personal_fields([AuditLog], {})


def test_checker_reports_every_personal_field_of_user_without_a_catalogue() -> None:
    reported = {line.split(" ")[0] for line in uncatalogued_personal_fields([User], {})}
    assert {
        "accounts.User.phone",
        "accounts.User.phone_index",
        "accounts.User.real_name",
        "accounts.User.citizen_id",
        "accounts.User.citizen_id_index",
        "accounts.User.email",
        "accounts.User.display_name",
        "accounts.User.username",
    } <= reported


@pytest.mark.parametrize(
    ("field_name", "personal"),
    [
        pytest.param("home_address", True, id="home_address"),
        pytest.param("mobile", True, id="mobile"),
        pytest.param("id_number", True, id="id_number"),
        pytest.param("real_name", True, id="real_name"),
        pytest.param("display_name", True, id="display_name"),
        pytest.param("username", True, id="username"),
        pytest.param("contact_email", True, id="contact_email"),
        pytest.param("unionid", True, id="unionid"),
        pytest.param("subject", True, id="subject"),
        pytest.param("ip", True, id="ip"),
        pytest.param("session_key", True, id="session_key"),
        pytest.param("payer_bank_card", True, id="bank_card"),
        pytest.param("name", False, id="plain-name-is-a-thing"),
        pytest.param("name_en", False, id="name_en"),
        pytest.param("template_name", False, id="template_name"),
        pytest.param("relationship", False, id="relationship-not-ip"),
        pytest.param("interface", False, id="interface-not-face"),
        pytest.param("email_subject_line", True, id="email-anywhere"),
        pytest.param("subject_code", False, id="subject_code"),
        pytest.param("window_started_at", False, id="timestamp"),
    ],
)
def test_personal_name_patterns(field_name: str, personal: bool) -> None:
    field = models.CharField(max_length=10)
    field.set_attributes_from_name(field_name)
    assert (personal_reason(field) is not None) is personal


def test_plain_fields_are_not_reported() -> None:
    """No false alarms on tables that hold no personal data."""
    assert uncatalogued_personal_fields([Department, RateCounter], {}) == []


def test_stale_entries_are_reported() -> None:
    entry = PersonalField("contact", "For the test only, nothing else.", "none", "none")
    catalogue = {
        "accounts.User.phone": entry,
        "accounts.User.fax": entry,
        "accounts.Household.address": entry,
        "nowhere.Thing.phone": entry,
        "not-a-key": entry,
    }
    assert stale_catalogue_entries(catalogue) == [
        "accounts.Household.address",
        "accounts.User.fax",
        "not-a-key",
        "nowhere.Thing.phone",
    ]
