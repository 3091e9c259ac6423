"""Citizen ID numbers (GB 11643) and phone numbers: what is accepted, and the code of every refusal.

Clients branch on the error codes, so each refusal is pinned to its exact code, both from
the validator and through `POST /api/v1/me/real-name`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.accounts.validators import citizen_id_check_char, normalize_citizen_id, normalize_phone
from tests.factories import make_citizen_id

WELL_KNOWN_ID = "11010519491231002X"


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in text)


# --- citizen ID numbers -------------------------------------------------------------------


def test_well_known_number_has_check_character_x() -> None:
    """Guards the table below: the sample everybody quotes really ends in X."""
    assert citizen_id_check_char(WELL_KNOWN_ID[:17]) == "X"


VALID_CITIZEN_IDS = [
    pytest.param(WELL_KNOWN_ID, WELL_KNOWN_ID, id="check-char-X"),
    pytest.param("11010519491231002x", WELL_KNOWN_ID, id="lower-case-x-becomes-X"),
    pytest.param("31010119800101000x", "31010119800101000X", id="another-x"),
    pytest.param(" 440304200002291236\t", "440304200002291236", id="leap-day-and-whitespace-trimmed"),
    pytest.param("650102199912310002", "650102199912310002", id="check-char-digit"),
    pytest.param("830100198001010013", "830100198001010013", id="taiwan-residence-permit-83"),
    pytest.param(
        make_citizen_id(region="440106", birth="20011109", seq="007"),
        make_citizen_id(region="440106", birth="20011109", seq="007"),
        id="factory-built",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), VALID_CITIZEN_IDS)
def test_valid_citizen_id_is_normalised(raw: str, expected: str) -> None:
    # given a real 18-character number in any accepted spelling
    # when it is normalised
    result = normalize_citizen_id(raw)
    # then the canonical form comes back
    assert result == expected


INVALID_CITIZEN_IDS = [
    pytest.param("110105194912310021", "id_number_checksum", id="wrong-check-char-for-X"),
    pytest.param("440304200002291237", "id_number_checksum", id="wrong-check-digit"),
    pytest.param("11010519491231002", "id_number_length", id="17-chars"),
    pytest.param("11010519491231002X1", "id_number_length", id="19-chars"),
    pytest.param("", "id_number_length", id="empty"),
    pytest.param("11010549123100X", "id_number_length", id="15-chars-with-X"),
    pytest.param("110105491231002", "id_number_legacy", id="15-digit-legacy"),
    pytest.param("11010519491231A02X", "id_number_format", id="letter-in-first-17"),
    pytest.param("11010519491231002Y", "id_number_format", id="check-char-not-digit-or-X"),
    pytest.param("X10105194912310021", "id_number_format", id="leading-X"),
    pytest.param(make_citizen_id(region="000105"), "id_number_region", id="region-00"),
    pytest.param(make_citizen_id(region="990105"), "id_number_region", id="region-99"),
    pytest.param(make_citizen_id(region="110000"), "id_number_region", id="region-0000-below-province"),
    pytest.param(make_citizen_id(birth="19900230"), "id_number_birth_date", id="feb-30"),
    pytest.param(make_citizen_id(birth="19901301"), "id_number_birth_date", id="month-13"),
    pytest.param(make_citizen_id(birth="19900229"), "id_number_birth_date", id="feb-29-non-leap"),
    pytest.param(make_citizen_id(birth="18791231"), "id_number_birth_date", id="before-1880"),
]


@pytest.mark.parametrize(("raw", "code"), INVALID_CITIZEN_IDS)
def test_invalid_citizen_id_is_refused_with_its_code(raw: str, code: str) -> None:
    # given a number with exactly one defect
    # when it is normalised
    with pytest.raises(ValidationError) as caught:
        normalize_citizen_id(raw)
    # then the refusal names that defect
    assert caught.value.code == code


def test_future_birth_date_is_refused() -> None:
    # given a correctly check-summed number born tomorrow (local time)
    tomorrow = timezone.localdate() + timedelta(days=1)
    raw = make_citizen_id(birth=tomorrow)
    # when it is normalised
    with pytest.raises(ValidationError) as caught:
        normalize_citizen_id(raw)
    # then it is refused as a future birth
    assert caught.value.code == "id_number_future_birth"


def test_born_today_is_accepted() -> None:
    """The boundary of the future-birth rule: a newborn registered today is real."""
    raw = make_citizen_id(birth=timezone.localdate())
    assert normalize_citizen_id(raw) == raw


def test_fullwidth_digits_are_normalised_or_refused() -> None:
    # given the well-known number typed with a Chinese IME in full-width mode
    raw = _fullwidth(WELL_KNOWN_ID)
    # when it is normalised
    try:
        result = normalize_citizen_id(raw)
    except ValidationError:
        return
    # then it is either refused or the same canonical ASCII string
    assert result == WELL_KNOWN_ID


def test_superscript_digit_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        normalize_citizen_id("1101051949123100²X")


# --- phone numbers ------------------------------------------------------------------------

VALID_PHONES = [
    pytest.param("13812345678", "+8613812345678", id="mainland-national"),
    pytest.param("+8613812345678", "+8613812345678", id="mainland-e164"),
    pytest.param("+86 138 1234 5678", "+8613812345678", id="plus86-with-spaces"),
    pytest.param("138-1234-5678", "+8613812345678", id="dashes"),
    pytest.param(" 199 0000 1111 ", "+8619900001111", id="199-prefix-padded"),
    pytest.param("+44 7911 123456", "+447911123456", id="uk-mobile"),
    pytest.param("+852 5123 4567", "+85251234567", id="hong-kong-mobile"),
]


@pytest.mark.parametrize(("raw", "expected"), VALID_PHONES)
def test_valid_mobile_is_returned_in_e164(raw: str, expected: str) -> None:
    # given a mobile number in a common spelling
    # when it is normalised
    result = normalize_phone(raw)
    # then it comes back in E.164
    assert result == expected


INVALID_PHONES = [
    pytest.param("1381234567", "phone_invalid", id="too-short"),
    pytest.param("138123456789", "phone_invalid", id="too-long"),
    pytest.param("12345678901", "phone_invalid", id="no-such-mobile-prefix"),
    pytest.param("not a phone", "phone_invalid", id="letters"),
    pytest.param("", "phone_invalid", id="empty"),
    pytest.param("+86", "phone_invalid", id="country-code-only"),
    pytest.param("010 8888 8888", "phone_not_mobile", id="beijing-landline"),
    pytest.param("+86 21 6321 5678", "phone_not_mobile", id="shanghai-landline-e164"),
]


@pytest.mark.parametrize(("raw", "code"), INVALID_PHONES)
def test_invalid_phone_is_refused_with_its_code(raw: str, code: str) -> None:
    # given something that is not a mainland or foreign mobile number
    # when it is normalised
    with pytest.raises(ValidationError) as caught:
        normalize_phone(raw)
    # then the refusal says why
    assert caught.value.code == code


def test_landline_is_accepted_when_mobile_is_not_required() -> None:
    assert normalize_phone("010 8888 8888", mobile_only=False) == "+861088888888"


def test_letters_inside_digits_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("138abcd5678")
    assert caught.value.code == "phone_invalid"


# --- through the API ----------------------------------------------------------------------


def _future_birth_id() -> str:
    return make_citizen_id(birth=timezone.localdate() + timedelta(days=1))


HTTP_INVALID_CITIZEN_IDS = [
    pytest.param(lambda: "110105194912310021", "id_number_checksum", id="checksum"),
    pytest.param(lambda: "11010519491231002", "id_number_length", id="17-chars"),
    pytest.param(lambda: "11010519491231002X1", "id_number_length", id="19-chars"),
    pytest.param(lambda: "110105491231002", "id_number_legacy", id="15-digit-legacy"),
    pytest.param(lambda: "11010519491231A02X", "id_number_format", id="letter-in-first-17"),
    pytest.param(lambda: make_citizen_id(region="000105"), "id_number_region", id="region-00"),
    pytest.param(lambda: make_citizen_id(region="990105"), "id_number_region", id="region-99"),
    pytest.param(lambda: make_citizen_id(birth="19900230"), "id_number_birth_date", id="feb-30"),
    pytest.param(lambda: make_citizen_id(birth="19901301"), "id_number_birth_date", id="month-13"),
    pytest.param(_future_birth_id, "id_number_future_birth", id="born-tomorrow"),
]


@pytest.mark.parametrize(("build_id", "code"), HTTP_INVALID_CITIZEN_IDS)
def test_real_name_endpoint_reports_validator_code(
    build_id: Callable[[], str], code: str, make_resident: Any, client_for: Any
) -> None:
    # given a logged-in resident
    resident = make_resident()
    client = client_for(resident)
    # when they submit a defective ID number for real-name verification
    response = client.post("/api/v1/me/real-name", {"name": "张三", "citizen_id": build_id()}, format="json")
    # then the answer is a 400 problem naming the field and the validator's code
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["errors"][0]["field"] == "citizen_id"
    assert body["errors"][0]["code"] == code
    # and nothing was stored
    resident.refresh_from_db()
    assert resident.citizen_id == ""
    assert resident.real_name_verified_at is None
