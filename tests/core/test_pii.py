"""Encryption at rest and blind indexes: round trips, tamper and context binding, key rotation.

And the acceptance check for the whole design: the database itself never holds a phone
number, an ID number or a name in the clear.
"""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest
from django.db import connection

from backend.accounts.models import Identity, OtpCode, User
from backend.accounts.otp import phone_index
from backend.accounts.services import citizen_id_index
from backend.core import pii
from tests.factories import make_citizen_id, make_phone

CONTEXT = "accounts.User.citizen_id"


def _new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def _tamper(ciphertext: str) -> str:
    """Flip one bit inside the sealed bytes, keeping the envelope well-formed."""
    version, kid, token = ciphertext.split(":", 2)
    raw = bytearray(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[len(raw) // 2] ^= 0x01
    return f"{version}:{kid}:{base64.urlsafe_b64encode(bytes(raw)).decode().rstrip('=')}"


# --- encrypt / decrypt ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "plaintext",
    [
        pytest.param("11010519491231002X", id="id-number"),
        pytest.param("+8613812345678", id="phone"),
        pytest.param("欧阳娜娜", id="chinese-name"),
        pytest.param("张", id="one-char"),
        pytest.param("x" * 5000, id="long"),
    ],
)
def test_encrypt_decrypt_round_trip(plaintext: str) -> None:
    # when a value is encrypted and decrypted under the same context
    sealed = pii.encrypt(plaintext, context=CONTEXT)
    # then the envelope names version and active key, hides the value, and opens again
    assert sealed.startswith(f"{pii.VERSION}:{pii.active_key_id()}:")
    assert plaintext not in sealed
    assert pii.decrypt(sealed, context=CONTEXT) == plaintext


def test_same_value_encrypts_differently_each_time() -> None:
    """A fresh nonce per value: equal plaintexts must not be recognisable in the table."""
    assert pii.encrypt("+8613812345678", context=CONTEXT) != pii.encrypt("+8613812345678", context=CONTEXT)


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(_tamper, id="bit-flipped"),
        pytest.param(lambda c: c[:-4], id="truncated"),
        pytest.param(lambda c: c.replace(f":{pii.active_key_id()}:", ":nosuchkey:", 1), id="unknown-key-id"),
        pytest.param(lambda c: "v9" + c[2:], id="unknown-version"),
        pytest.param(lambda c: "11010519491231002X", id="plaintext-not-ciphertext"),
        pytest.param(lambda c: c.split(":", 2)[0] + ":" + c.split(":", 2)[1] + ":!!!", id="bad-base64"),
    ],
)
def test_altered_ciphertext_raises_decryption_error(mangle: Any) -> None:
    # given a valid ciphertext that was then altered
    altered = mangle(pii.encrypt("11010519491231002X", context=CONTEXT))
    # when it is decrypted
    # then it is refused, never returned as some other plaintext
    with pytest.raises(pii.DecryptionError):
        pii.decrypt(altered, context=CONTEXT)


def test_ciphertext_is_bound_to_its_context() -> None:
    # given an ID number encrypted for the citizen_id column
    sealed = pii.encrypt("11010519491231002X", context="accounts.User.citizen_id")
    # when someone copies it into the phone column and it is read there
    # then it does not decrypt
    with pytest.raises(pii.DecryptionError):
        pii.decrypt(sealed, context="accounts.User.phone")


# --- key rotation -----------------------------------------------------------------------------


def test_rotation_keeps_old_values_readable_and_encrypts_with_new_key(settings: Any) -> None:
    # given a value encrypted before rotation
    before = pii.encrypt("11010519491231002X", context=CONTEXT)
    old_kid = pii.key_id_of(before)
    # when a new key is put first (the old ones stay listed)
    settings.FIELD_ENCRYPTION_KEYS = f"rot2026:{_new_key()},{settings.FIELD_ENCRYPTION_KEYS}"
    after = pii.encrypt("11010519491231002X", context=CONTEXT)
    # then new values carry the new key id and old values still decrypt
    assert pii.active_key_id() == "rot2026" != old_kid
    assert pii.key_id_of(after) == "rot2026"
    assert pii.decrypt(after, context=CONTEXT) == "11010519491231002X"
    assert pii.decrypt(before, context=CONTEXT) == "11010519491231002X"


def test_value_under_a_retired_key_no_longer_decrypts(settings: Any) -> None:
    # given a value encrypted under the current keys
    sealed = pii.encrypt("+8613812345678", context=CONTEXT)
    # when every old key is removed
    settings.FIELD_ENCRYPTION_KEYS = f"only:{_new_key()}"
    # then the old value is refused as made by a key we do not hold
    with pytest.raises(pii.DecryptionError):
        pii.decrypt(sealed, context=CONTEXT)


@pytest.mark.django_db
def test_rows_written_before_rotation_read_back_after_it(settings: Any) -> None:
    # given a resident stored under the old key
    phone = make_phone()
    user = User.objects.create_resident(phone=phone, phone_index=phone_index(phone))
    old_kid = pii.active_key_id()
    # when the keys rotate and the resident is saved again with a new value
    settings.FIELD_ENCRYPTION_KEYS = f"rot2027:{_new_key()},{settings.FIELD_ENCRYPTION_KEYS}"
    loaded = User.objects.get(pk=user.pk)
    assert loaded.phone == phone
    loaded.real_name = "张三"
    loaded.save(update_fields=["real_name"])
    # then the old column still reads, and each column names the key that sealed it
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, real_name FROM accounts_user WHERE id = %s", [user.pk.hex])
        raw_phone, raw_name = cursor.fetchone()
    assert pii.key_id_of(raw_phone) == old_kid
    assert pii.key_id_of(raw_name) == "rot2027"
    assert User.objects.get(pk=user.pk).real_name == "张三"


# --- blind index ------------------------------------------------------------------------------


def test_blind_index_is_deterministic_and_keyed(settings: Any) -> None:
    # given the same value and purpose twice
    first = pii.blind_index("+8613812345678", purpose="phone")
    second = pii.blind_index("+8613812345678", purpose="phone")
    # then the index is stable (usable for lookups), hex SHA-256, and hides the value
    assert first == second
    assert len(first) == 64 and int(first, 16) >= 0
    assert "13812345678" not in first
    # and a different hash key gives a different index (not a plain hash anyone can compute)
    settings.PII_HASH_KEY = "another-key"
    assert pii.blind_index("+8613812345678", purpose="phone") != first


def test_blind_index_separates_purposes() -> None:
    """The same digits as a phone and as something else must not be joinable across columns."""
    value = "13812345678"
    assert pii.blind_index(value, purpose="phone") != pii.blind_index(value, purpose="citizen_id")


def test_blind_index_distinguishes_values() -> None:
    assert pii.blind_index("+8613812345678", purpose="phone") != pii.blind_index(
        "+8613812345679", purpose="phone"
    )


# --- acceptance: no plaintext in the database -------------------------------------------------


def _raw_rows(table: str) -> list[dict[str, Any]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _plaintext_hits(rows: list[dict[str, Any]], secrets: dict[str, str]) -> list[str]:
    hits = []
    for row in rows:
        for column, value in row.items():
            text = value.decode("utf-8", "replace") if isinstance(value, bytes | memoryview) else str(value)
            hits.extend(f"{column} holds {label}" for label, secret in secrets.items() if secret in text)
    return hits


@pytest.mark.django_db
def test_raw_database_rows_hold_no_plaintext_id_number_or_phone(
    make_resident: Any, request_code: Any
) -> None:
    # given a resident with phone, real name and ID number set through the ORM
    phone = make_phone()
    citizen_id = make_citizen_id(birth="19851012")
    name = "欧阳娜娜"
    user = make_resident(phone)
    user.real_name = name
    user.citizen_id = citizen_id
    user.citizen_id_index = citizen_id_index(citizen_id)
    user.save()
    # and an SMS login code requested for the same phone
    response, code = request_code(phone)
    assert response.status_code == 202 and code
    secrets = {
        "E.164 phone": phone,
        "national phone digits": phone.removeprefix("+86"),
        "ID number": citizen_id,
        "ID number without check char": citizen_id[:17],
        "real name": name,
    }
    # when the raw rows are read past the ORM
    tables = {"accounts_user": 1, "accounts_identity": 1, "accounts_otpcode": 1}
    for table, expected_rows in tables.items():
        rows = _raw_rows(table)
        # then each table has the row and none of its columns holds the plaintext
        assert len(rows) == expected_rows, table
        assert _plaintext_hits(rows, secrets) == [], table
    # and the lookup columns hold the keyed hashes
    assert OtpCode.objects.get().phone_index == phone_index(phone)
    assert Identity.objects.get().subject == phone_index(phone)
    # and the ORM reads the plaintext back
    loaded = User.objects.get(pk=user.pk)
    assert (loaded.phone, loaded.real_name, loaded.citizen_id) == (phone, name, citizen_id)


@pytest.mark.django_db
def test_no_table_holds_plaintext_after_login_and_real_name(
    make_resident: Any, request_code: Any, api: Any, settings: Any
) -> None:
    """Sweep every table (audit log, tokens, counters too), not only the ones we expect."""
    # given a full SMS login and a stored real name
    phone = make_phone()
    citizen_id = make_citizen_id(birth="19720203")
    _, code = request_code(phone)
    login = api.post("/api/v1/auth/sms/login", {"phone": phone, "code": code}, format="json")
    assert login.status_code == 200, login.content
    user = User.objects.get(phone_index=phone_index(phone))
    user.real_name, user.citizen_id = "诸葛孔明", citizen_id
    user.citizen_id_index = citizen_id_index(citizen_id)
    user.save()
    secrets = {
        "phone": phone.removeprefix("+86"),
        "ID number": citizen_id[:17],
        "real name": "诸葛孔明",
    }
    # when every table is read raw
    hits = {
        table: found
        for table in connection.introspection.table_names()
        if (found := _plaintext_hits(_raw_rows(table), secrets))
    }
    # then none holds the plaintext
    assert hits == {}
