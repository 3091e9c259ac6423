"""Subscribe messages: one-time consents per user and template; sends spend them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from miniprogram_bridge.models import SubscribeConsent, SubscribeMessage
from miniprogram_bridge.services import subscribe_message_send
from tests.miniprogram_bridge.conftest import bearer

pytestmark = pytest.mark.django_db

TEMPLATE = "zb-sandbox-application-progress"
DATA = {
    "service_name": "居民身份证换领",
    "status": "已受理",
    "updated_at": datetime(2026, 11, 21, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
    "remark": "请按时到窗口领取证件",
}


@pytest.fixture
def resident(wechat_login: Any) -> tuple[User, APIClient]:
    access = wechat_login("alice").json()["access"]
    return User.objects.get(), bearer(APIClient(), access)


def _decide(client: APIClient, decision: str, template: str = TEMPLATE) -> Any:
    return client.post(
        "/api/v1/subscriptions/wechat",
        {"result": {"errMsg": "requestSubscribeMessage:ok", template: decision}},
        format="json",
    )


def test_two_accepts_allow_exactly_two_sends(resident: Any, fakes: Any) -> None:
    user, client = resident
    # Given the resident accepted the template twice
    assert _decide(client, "accept").status_code == 200
    response = _decide(client, "accept")
    assert response.json()["consents"][0]["remaining"] == 2

    # When three messages are sent
    results = [
        subscribe_message_send(user=user, template_key="application_progress", data=DATA) for _ in range(3)
    ]

    # Then two went out, the third did not, for lack of consent
    assert [r.sent for r in results] == [True, True, False]
    assert results[2].reason == "no_consent"
    messages = fakes.wx_messages()
    assert len(messages) == 2
    first = messages[0]
    assert first["touser"] == fakes.running.app.wechat.openid_for("alice")
    assert first["template_id"] == TEMPLATE
    assert first["data"]["time3"] == {"value": "2026-11-21 10:30"}
    assert first["page"] == "pages/applications/detail" and first["miniprogram_state"] == "formal"
    assert SubscribeConsent.objects.get().remaining == 0
    assert list(SubscribeMessage.objects.order_by("created_at").values_list("status", flat=True)) == [
        "sent",
        "sent",
        "not_sent",
    ]


@pytest.mark.parametrize("decision", ["reject", "ban", "filter", None])
def test_reject_ban_or_no_consent_sends_nothing(decision: str | None, resident: Any, fakes: Any) -> None:
    user, client = resident
    if decision:
        assert _decide(client, decision).status_code == 200

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert result.sent is False
    assert result.reason == ("banned" if decision == "ban" else "no_consent")
    assert fakes.wx_messages() == []


def test_a_ban_cancels_earlier_accepts(resident: Any, fakes: Any) -> None:
    user, client = resident
    _decide(client, "accept")
    _decide(client, "ban")

    assert subscribe_message_send(user=user, template_key="application_progress", data=DATA).sent is False
    assert fakes.wx_messages() == []


def test_unknown_template_ids_are_refused_and_nothing_is_recorded(resident: Any) -> None:
    _, client = resident
    response = client.post(
        "/api/v1/subscriptions/wechat",
        {"result": {"not-our-template": "accept", TEMPLATE: "accept"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "subscribe_template_unknown"
    assert not SubscribeConsent.objects.exists()


def test_missing_data_sends_nothing_and_keeps_the_consent(resident: Any, fakes: Any) -> None:
    user, client = resident
    _decide(client, "accept")

    result = subscribe_message_send(
        user=user, template_key="application_progress", data={"service_name": "x"}
    )

    assert (result.sent, result.reason) == (False, "missing_data")
    assert SubscribeConsent.objects.get().remaining == 1
    assert fakes.wx_messages() == []


def test_a_send_wechat_refuses_gives_the_consent_back(resident: Any, fakes: Any, settings: Any) -> None:
    # Given the template on WeChat's side has a field our configuration lacks (47003)
    user, client = resident
    _decide(client, "accept")
    fakes._post("/wechat/_control/templates", {TEMPLATE: ["thing1", "phrase2", "time3", "thing4", "thing5"]})

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.reason, result.errcode) == (False, "template_data_invalid", 47003)
    assert SubscribeConsent.objects.get().remaining == 1
    assert fakes.wx_messages() == []


def test_wechat_down_gives_the_consent_back_and_is_retryable(resident: Any, fakes: Any) -> None:
    user, client = resident
    _decide(client, "accept")
    fakes.wx_mode("error")

    result = subscribe_message_send(user=user, template_key="application_progress", data=DATA)

    assert (result.sent, result.reason, result.retryable) == (False, "provider_unavailable", True)
    assert SubscribeConsent.objects.get().remaining == 1


def test_a_user_without_wechat_gets_nothing(make_resident: Any, mock_providers: Any) -> None:
    result = subscribe_message_send(user=make_resident(), template_key="application_progress", data=DATA)
    assert (result.sent, result.reason) == (False, "no_wechat_login")


def test_residents_see_only_their_own_consents(resident: Any, wechat_login: Any) -> None:
    _, alice = resident
    _decide(alice, "accept")
    bob = bearer(APIClient(), wechat_login("bob").json()["access"])

    listing = bob.get("/api/v1/subscriptions/wechat")

    assert listing.status_code == 200
    assert listing.json()["consents"] == []
    assert {t["template_id"] for t in listing.json()["templates"]} >= {TEMPLATE}
