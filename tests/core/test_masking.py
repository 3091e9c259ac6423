"""Personal data leaves the system only masked: in API answers and in log lines.

The mask shapes are part of the API contract (clients show them as they come), so they are
pinned exactly here.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework import serializers

from backend.accounts import serializers as account_serializers
from backend.accounts.models import User
from backend.accounts.services import citizen_id_index
from backend.core.logging import JsonFormatter, MaskPersonalDataFilter
from backend.core.masking import mask_citizen_id, mask_name, mask_phone, mask_text
from tests.factories import make_citizen_id, make_phone

PERSONAL_OUTPUT_FIELDS = {"phone", "real_name", "citizen_id"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("110105199001011234", "110105********1234", id="digits"),
        pytest.param("11010519491231002X", "110105********002X", id="check-char-X"),
        pytest.param("110105491231002", "110105*****1002", id="15-digit-legacy"),
        pytest.param("1234567890", "**********", id="short-fully-hidden"),
        pytest.param("", "", id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_mask_citizen_id(value: str | None, expected: str | None) -> None:
    assert mask_citizen_id(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("+8613812345678", "138****5678", id="mainland-e164"),
        pytest.param("13812345678", "138****5678", id="mainland-national"),
        pytest.param("+447911123456", "+44 791***3456", id="uk-mobile"),
        pytest.param("+85251234567", "+852 512*4567", id="hong-kong-8-digits"),
        pytest.param("+16502530000", "+1 650***0000", id="us-number"),
        pytest.param("12345", "*****", id="too-short-fully-hidden"),
        pytest.param("", "", id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_mask_phone(value: str | None, expected: str | None) -> None:
    assert mask_phone(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("张三丰", "张**", id="chinese-3"),
        pytest.param("张三", "张*", id="chinese-2"),
        pytest.param("欧阳娜娜", "欧***", id="compound-surname"),
        pytest.param("Li Lei", "L*****", id="latin"),
        pytest.param("", "", id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_mask_name(value: str | None, expected: str | None) -> None:
    assert mask_name(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "real-name check for 11010519491231002X from 13812345678 failed",
            "real-name check for 110105********002X from 138****5678 failed",
            id="id-and-national-phone",
        ),
        pytest.param(
            "sms to +8613812345678 queued",
            "sms to 138****5678 queued",
            id="e164-phone",
        ),
        pytest.param(
            'payload={"citizen_id":"11010519491231002x","phone":"+86 13812345678"}',
            'payload={"citizen_id":"110105********002x","phone":"+86 138****5678"}',
            id="json-lowercase-x-and-spaced-prefix",
        ),
        pytest.param(
            "order 2024010112345678901234 paid",
            "order 2024010112345678901234 paid",
            id="long-reference-left-alone",
        ),
        pytest.param("request 7f3c done in 12 ms", "request 7f3c done in 12 ms", id="nothing-personal"),
        pytest.param("身份证11010519491231002X已核验", "身份证110105********002X已核验", id="next-to-hanzi"),
        pytest.param(
            "callback from 138 1234 5678",
            "callback from 138****5678",
            id="spaced-mobile",
        ),
    ],
)
def test_mask_text_in_log_lines(line: str, expected: str) -> None:
    assert mask_text(line) == expected


# --- serializers --------------------------------------------------------------------------


@pytest.fixture
def resident_with_personal_data(make_resident: Any) -> tuple[User, dict[str, str]]:
    """A resident with phone, verified name and ID number; returns it and its plaintexts."""
    phone = make_phone()
    citizen_id = make_citizen_id(birth="19880808")
    user = make_resident(phone)
    user.real_name = "欧阳娜娜"
    user.citizen_id = citizen_id
    user.citizen_id_index = citizen_id_index(citizen_id)
    user.save()
    return user, {
        "E.164 phone": phone,
        "national phone": phone.removeprefix("+86"),
        "ID number": citizen_id,
        "ID digits": citizen_id[:17],
        "real name": "欧阳娜娜",
        "given name": "娜娜",
    }


def _leaks(text: str, secrets: dict[str, str]) -> list[str]:
    return [label for label, secret in secrets.items() if secret in text]


def test_me_endpoint_answers_only_masked_values(
    resident_with_personal_data: tuple[User, dict[str, str]], client_for: Any
) -> None:
    # given a resident whose phone, name and ID number are stored
    user, secrets = resident_with_personal_data
    # when they read their own account
    response = client_for(user).get("/api/v1/me")
    # then the raw JSON holds none of the plaintext, only the masks
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert _leaks(text, secrets) == []
    body = response.json()
    assert body["phone"] == mask_phone(user.phone)
    assert body["real_name"] == "欧***"
    assert body["citizen_id"] == mask_citizen_id(user.citizen_id)


def test_staff_resident_view_answers_only_masked_values(
    resident_with_personal_data: tuple[User, dict[str, str]], make_staff: Any, client_for: Any
) -> None:
    # given a clerk and a resident with stored personal data
    resident, secrets = resident_with_personal_data
    clerk = make_staff("clerk")
    # when the clerk reads the resident
    response = client_for(clerk).get(f"/api/v1/staff/residents/{resident.pk}")
    # then the answer is masked too
    assert response.status_code == 200, response.content
    assert _leaks(response.content.decode("utf-8"), secrets) == []
    assert response.json()["citizen_id"] == mask_citizen_id(resident.citizen_id)


def _output_serializers_with_personal_fields() -> list[type[serializers.Serializer]]:
    """Every `*OutputSerializer` in accounts that declares a phone, name or ID number field."""
    return [
        obj
        for obj in vars(account_serializers).values()
        if isinstance(obj, type)
        and issubclass(obj, serializers.Serializer)
        and obj.__name__.endswith("OutputSerializer")
        and PERSONAL_OUTPUT_FIELDS & set(obj().fields)
    ]


def test_every_output_serializer_with_personal_fields_masks(
    resident_with_personal_data: tuple[User, dict[str, str]],
) -> None:
    """A new output serializer that shows a phone, name or ID number is checked here automatically."""
    # given every output serializer of accounts that has a personal field
    user, secrets = resident_with_personal_data
    found = _output_serializers_with_personal_fields()
    assert {s.__name__ for s in found} >= {"MeOutputSerializer", "ResidentOutputSerializer"}
    for serializer_class in found:
        # when it renders the resident
        rendered = json.dumps(serializer_class(user).data, ensure_ascii=False, default=str)
        # then no plaintext shows, and the personal fields are method fields (masked by code)
        assert _leaks(rendered, secrets) == [], serializer_class.__name__
        for name in PERSONAL_OUTPUT_FIELDS & set(serializer_class().fields):
            assert isinstance(serializer_class().fields[name], serializers.SerializerMethodField), (
                f"{serializer_class.__name__}.{name} must be masked"
            )


# --- logging -----------------------------------------------------------------------------------


@pytest.fixture
def json_log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger wired like settings.LOGGING's stdout handler: mask filter, then JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskPersonalDataFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.masking")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


def test_log_line_argument_is_masked(json_log: tuple[logging.Logger, io.StringIO]) -> None:
    # given the production filter and formatter
    logger, stream = json_log
    # when an ID number is passed as a %-argument
    logger.info("user %s", "11010519491231002X")
    # then the written JSON line holds only the mask
    line = stream.getvalue().strip()
    assert "11010519491231002X" not in line
    assert json.loads(line)["message"] == "user 110105********002X"


def test_log_extra_string_fields_are_masked(json_log: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = json_log
    logger.info("sms queued", extra={"to": "+8613812345678", "citizen": "11010519491231002X"})
    entry = json.loads(stream.getvalue())
    assert (entry["to"], entry["citizen"]) == ("138****5678", "110105********002X")


def test_log_exception_text_is_masked(json_log: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = json_log
    try:
        raise ValueError("bad id 11010519491231002X")
    except ValueError:
        logger.exception("verification crashed")
    assert "11010519491231002X" not in stream.getvalue()
    assert "110105********002X" in json.loads(stream.getvalue())["exc"]


def test_log_extra_structured_fields_are_masked(json_log: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = json_log
    logger.info("callback", extra={"payload": {"phone": "+8613812345678"}})
    assert "13812345678" not in stream.getvalue()


def test_root_logging_config_uses_the_mask_filter(settings: Any) -> None:
    """The filter only protects what it is attached to: the stdout handler must carry it."""
    handler = settings.LOGGING["handlers"]["stdout"]
    assert "mask_pii" in handler["filters"]
    assert settings.LOGGING["filters"]["mask_pii"]["()"] == "backend.core.logging.MaskPersonalDataFilter"
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"] == "backend.core.logging.JsonFormatter"
