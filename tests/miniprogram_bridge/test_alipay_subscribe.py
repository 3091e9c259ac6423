"""Alipay subscribe messages: my.requestSubscribeMessage consents and
alipay.open.app.mini.templatemessage.send through python-alipay-sdk against the fake gateway."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import Identity, User
from miniprogram_bridge.models import SubscribeConsent, SubscribeMessage
from miniprogram_bridge.selectors import subscribe_consent_available
from miniprogram_bridge.services import subscribe_message_send
from tests.miniprogram_bridge.conftest import bearer

pytestmark = pytest.mark.django_db

TEMPLATE = "zbsandboxaliapplicationprogress1"
OTHER = "zbsandboxalipaymentdue000000001"
SEND = "alipay.open.app.mini.templatemessage.send"
DATA = {
    "service_name": "居民身份证换领",
    "status": "已受理",
    "updated_at": datetime(2026, 11, 21, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
    "remark": "请按时到窗口领取证件",
}


def _messages(fakes: Any) -> list[dict[str, Any]]:
    return requests.get(f"{fakes.base}/alipay/_control/template_messages", timeout=5).json()["messages"]


def _send_calls(fakes: Any) -> list[dict[str, str]]:
    return [c for c in fakes.running.app.alipay.state.calls if c["method"] == SEND]


def _subscribe(client: APIClient, subscribed: list[str], unsubscribed: list[str] = (), **flags: Any) -> Any:
    """POST the success result of my.requestSubscribeMessage as Alipay gives it."""
    res = {
        "behavior": "subscribe",
        "keep": False,
        "show": True,
        "result": {
            "subscribedEntityIds": list(subscribed),
            "unsubscribedEntityIds": list(unsubscribed),
            "currentSubscribedEntityIds": list(subscribed),
        },
        **{tid: "accept" for tid in subscribed},
        **{tid: "reject" for tid in unsubscribed},
        **flags,
    }
    return client.post("/api/v1/subscriptions/alipay", res, format="json")


@pytest.fixture
def resident(alipay_login: Any) -> tuple[User, APIClient]:
    response = alipay_login("dave", id_kind="user_id")
    assert response.status_code == 200, response.content
    return User.objects.get(), bearer(APIClient(), response.json()["access"])


@pytest.mark.parametrize("id_kind", ["user_id", "open_id"])
def test_two_accepts_allow_exactly_two_sends(id_kind: str, alipay_login: Any, fakes: Any) -> None:
    # Given an Alipay resident (2088 user id, or open_id after the OpenID upgrade)
    access = alipay_login("dave", id_kind=id_kind).json()["access"]
    user, client = User.objects.get(), bearer(APIClient(), access)
    # who subscribed to the template twice
    assert _subscribe(client, [TEMPLATE]).status_code == 200
    response = _subscribe(client, [TEMPLATE])
    assert response.status_code == 200, response.content
    assert response.json()["consents"][0]["remaining"] == 2
    assert response.json()["consents"][0]["template_key"] == "application_progress"

    # When three messages are sent the way the notifications channel sends them (no platform)
    results = [
        subscribe_message_send(user=user, template_key="application_progress", data=DATA, page=None)
        for _ in range(3)
    ]

    # Then two went out on Alipay, the third did not, for lack of consent
    assert [(r.sent, r.platform) for r in results] == [(True, "alipay"), (True, "alipay"), (False, "alipay")]
    assert results[2].reason == "no_consent"
    messages = _messages(fakes)
    assert len(messages) == 2
    gateway = fakes.running.app.alipay
    expected = gateway.user_id_for("dave") if id_kind == "user_id" else gateway.open_id_for("dave")
    recipient = "to_user_id" if id_kind == "user_id" else "to_open_id"
    first = messages[0]
    assert first[recipient] == expected
    assert first["user_template_id"] == TEMPLATE
    assert first["page"] == "pages/applications/detail"
    assert first["data"] == {
        "keyword1": {"value": "居民身份证换领"},
        "keyword2": {"value": "已受理"},
        "keyword3": {"value": "2026-11-21 10:30"},
        "keyword4": {"value": "请按时到窗口领取证件"},
    }
    assert SubscribeConsent.objects.get(platform="alipay").remaining == 0
    rows = SubscribeMessage.objects.order_by("created_at").values_list("platform", "status")
    assert list(rows) == [("alipay", "sent"), ("alipay", "sent"), ("alipay", "not_sent")]


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        pytest.param(None, "no_consent", id="never-asked"),
        pytest.param({}, "no_consent", id="unsubscribed"),
        pytest.param({"keep": True}, "banned", id="unsubscribed-keep-do-not-ask-again"),
        pytest.param({"refuse": True}, "banned", id="refuse-do-not-ask-again"),
    ],
)
def test_a_refusal_or_no_consent_sends_nothing(
    flags: dict[str, Any] | None, reason: str, resident: Any, fakes: Any
) -> None:
    user, client = resident
    if flags is not None:
        assert _subscribe(client, [], [TEMPLATE], **flags).status_code == 200

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.reason) == (False, reason)
    # Nothing reached the gateway, nothing was recorded there
    assert _send_calls(fakes) == []
    assert _messages(fakes) == []
    assert not subscribe_consent_available(user=user, template_key="application_progress")


def test_an_unsubscribe_with_keep_cancels_earlier_accepts(resident: Any, fakes: Any) -> None:
    user, client = resident
    _subscribe(client, [TEMPLATE])
    _subscribe(client, [], [TEMPLATE], keep=True)

    assert (
        subscribe_message_send(user=user, template_key="application_progress", data=DATA).reason == "banned"
    )
    assert _messages(fakes) == []


def test_a_keyword_too_long_is_a_typed_failure_and_the_consent_is_given_back(
    resident: Any, fakes: Any
) -> None:
    user, client = resident
    _subscribe(client, [TEMPLATE])

    # When a keyword value is 51 characters (Alipay's limit is 50)
    result = subscribe_message_send(
        user=user, template_key="application_progress", data={**DATA, "remark": "长" * 51}
    )

    # Then Alipay's 40004 USER_KEYWORD_LENGTH_ERROR comes back typed, nothing was delivered
    assert (result.sent, result.reason, result.retryable) == (False, "template_data_invalid", False)
    assert (result.errcode, result.sub_code) == (40004, "USER_KEYWORD_LENGTH_ERROR")
    assert len(_send_calls(fakes)) == 1
    assert _messages(fakes) == []
    assert SubscribeConsent.objects.get().remaining == 1
    row = SubscribeMessage.objects.get()
    assert (row.platform, row.status, row.reason, row.errcode) == (
        "alipay",
        "failed",
        "template_data_invalid",
        40004,
    )

    # And the consent given back still allows one message (50 characters fit)
    again = subscribe_message_send(
        user=user, template_key="application_progress", data={**DATA, "remark": "长" * 50}
    )
    assert again.sent is True
    assert _messages(fakes)[0]["data"]["keyword4"] == {"value": "长" * 50}
    assert SubscribeConsent.objects.get().remaining == 0


def test_a_tampered_response_signature_is_refused(resident: Any, fakes: Any) -> None:
    # Given a consent, and a gateway whose answers are altered after signing
    user, client = resident
    _subscribe(client, [TEMPLATE])
    fakes.ali_mode("tamper")

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    # Then the SDK's verification refuses the answer: not counted as sent, not retried, and the
    # consent stays spent (the message may have gone out: never risk one the user did not allow)
    assert (result.sent, result.reason, result.retryable) == (False, "response_invalid", False)
    assert len(_send_calls(fakes)) == 1
    assert SubscribeConsent.objects.get().remaining == 0
    row = SubscribeMessage.objects.get()
    assert (row.status, row.reason) == ("failed", "response_invalid")


def test_gateway_busy_gives_the_consent_back_and_is_retryable(resident: Any, fakes: Any) -> None:
    user, client = resident
    _subscribe(client, [TEMPLATE])
    fakes.ali_mode("busy")

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.reason, result.retryable) == (False, "provider_unavailable", True)
    assert SubscribeConsent.objects.get().remaining == 1
    assert _messages(fakes) == []


def test_a_template_alipay_does_not_know_is_a_provider_error(
    resident: Any, fakes: Any, settings: Any
) -> None:
    # Given our configuration names a template id the gateway does not have
    user, client = resident
    settings.ALIPAY_SUBSCRIBE_TEMPLATES = {
        **settings.ALIPAY_SUBSCRIBE_TEMPLATES,
        "application_progress": {
            **settings.ALIPAY_SUBSCRIBE_TEMPLATES["application_progress"],
            "template_id": "notatemplateatalipay0000000001",
        },
    }
    _subscribe(client, ["notatemplateatalipay0000000001"])

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.reason, result.errcode) == (False, "provider_error", 40004)
    assert result.sub_code == "USER_TEMPLATE_ILLEGAL"
    assert SubscribeConsent.objects.get().remaining == 1
    assert _messages(fakes) == []


def test_a_resident_on_both_mini_programs_is_reached_where_they_consented(
    wechat_login: Any, fakes: Any
) -> None:
    # Given one account with a WeChat login and an Alipay identity, consenting only on Alipay
    access = wechat_login("erin").json()["access"]
    user, client = User.objects.get(), bearer(APIClient(), access)
    Identity.objects.create(
        user=user,
        provider="alipay",
        subject=fakes.running.app.alipay.open_id_for("erin"),
        last_login_at=timezone.now(),
    )
    _subscribe(client, [TEMPLATE])

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.platform) == (True, "alipay")
    assert len(_messages(fakes)) == 1
    assert fakes.wx_messages() == []


def test_a_user_without_alipay_asked_for_alipay_gets_nothing(make_resident: Any, mock_providers: Any) -> None:
    result = subscribe_message_send(
        user=make_resident(), template_key="application_progress", data=DATA, platform="alipay"
    )
    assert (result.sent, result.reason) == (False, "no_alipay_login")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        pytest.param(
            {"subscribed": ["not-our-template", TEMPLATE]}, "subscribe_template_unknown", id="unknown"
        ),
        pytest.param({"subscribed": [TEMPLATE], "behavior": "cancel"}, "validation_error", id="cancel"),
        pytest.param({"subscribed": []}, "validation_error", id="empty"),
        pytest.param({"subscribed": [TEMPLATE], "unsubscribed": [TEMPLATE]}, "validation_error", id="both"),
    ],
)
def test_bad_results_are_refused_and_nothing_is_recorded(
    body: dict[str, Any], code: str, resident: Any
) -> None:
    _, client = resident
    flags = {"behavior": body["behavior"]} if "behavior" in body else {}

    response = _subscribe(client, body["subscribed"], body.get("unsubscribed", []), **flags)

    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert not SubscribeConsent.objects.exists()


def test_residents_see_only_their_own_alipay_consents(resident: Any, alipay_login: Any) -> None:
    _, dave = resident
    _subscribe(dave, [TEMPLATE, OTHER])
    gina = bearer(APIClient(), alipay_login("gina").json()["access"])

    listing = gina.get("/api/v1/subscriptions/alipay")
    own = dave.get("/api/v1/subscriptions/alipay")

    assert listing.status_code == 200
    assert listing.json()["consents"] == []
    assert {t["template_id"] for t in listing.json()["templates"]} >= {TEMPLATE, OTHER}
    assert {c["template_id"]: c["remaining"] for c in own.json()["consents"]} == {TEMPLATE: 1, OTHER: 1}
    # The WeChat listing is a separate platform
    assert dave.get("/api/v1/subscriptions/wechat").json()["consents"] == []


def test_notifications_route_alipay_consents_to_the_subscribe_channel(resident: Any) -> None:
    """The notifications router sees Alipay consents too, not only WeChat ones."""
    from notifications.routing import subscribe_consented

    user, client = resident
    assert not subscribe_consented(user, "application_progress")
    assert _subscribe(client, [TEMPLATE]).status_code == 200
    assert subscribe_consented(user, "application_progress")
