"""Alipay mini-program login: python-alipay-sdk against the fake gateway over loopback HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from backend.accounts.models import Identity, User
from miniprogram_bridge import alipay_client
from mobile_mock.alipay_gateway import GatewayApp, generate_private_key_pem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("id_kind", ["open_id", "user_id"])
def test_login_creates_one_user_and_a_new_code_finds_it_again(
    id_kind: str, alipay_login: Any, fakes: Any
) -> None:
    # Given an Alipay user (apps after the OpenID upgrade get an open_id, older ones a user_id)
    gateway = fakes.running.app.alipay
    subject = gateway.open_id_for("dave") if id_kind == "open_id" else gateway.user_id_for("dave")

    # When they log in twice with fresh my.getAuthCode codes
    first = alipay_login("dave", id_kind=id_kind)
    second = alipay_login("dave", id_kind=id_kind)

    # Then one account, linked by the Alipay id
    assert first.status_code == 200, first.content
    assert second.status_code == 200, second.content
    assert User.objects.count() == 1
    assert list(Identity.objects.values_list("provider", "subject")) == [("alipay", subject)]
    # And the SDK really went to the fake gateway, signed (the fake verified the signature)
    assert [c["method"] for c in gateway.state.calls] == ["alipay.system.oauth.token"] * 2


def test_tampered_response_signature_is_refused(alipay_login: Any, fakes: Any) -> None:
    # Given a gateway whose answers are altered after signing
    fakes.ali_mode("tamper")

    # When a user logs in
    response = alipay_login("erin")

    # Then the login is refused as an unverifiable answer, and no account exists
    assert response.status_code == 503, response.content
    assert response.json()["code"] == "alipay_response_invalid"
    assert not User.objects.exists()
    assert not Identity.objects.exists()


@pytest.mark.parametrize(
    ("setup", "status", "code"),
    [
        pytest.param("reused", 401, "alipay_code_invalid", id="reused-code"),
        pytest.param("expired", 401, "alipay_code_invalid", id="expired-code"),
        pytest.param("busy", 503, "alipay_unavailable", id="isp-busy-20000"),
        pytest.param("error", 503, "alipay_unavailable", id="gateway-5xx"),
        pytest.param("slow", 503, "alipay_unavailable", id="gateway-timeout"),
    ],
)
def test_gateway_failures_are_documented_problems_not_500(
    setup: str, status: int, code: str, api: Any, fakes: Any, settings: Any
) -> None:
    settings.ALIPAY_TIMEOUT = 0.5
    auth_code = fakes.ali_auth_code("frank")["auth_code"]
    if setup == "reused":
        assert api.post("/api/v1/auth/alipay", {"auth_code": auth_code}, format="json").status_code == 200
    elif setup == "expired":
        auth_code = fakes.ali_auth_code("frank", expires_in=-1)["auth_code"]
    else:
        fakes.ali_mode(setup, slow_seconds=3)
    users = User.objects.count()

    response = api.post("/api/v1/auth/alipay", {"auth_code": auth_code}, format="json")

    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert User.objects.count() == users


def test_a_request_signed_with_another_key_is_refused_by_the_gateway(
    alipay_login: Any, fakes: Any, settings: Any
) -> None:
    # Given the backend signs with a key the gateway does not know
    settings.ALIPAY_APP_PRIVATE_KEY = generate_private_key_pem()

    response = alipay_login("gina")

    # Then the fake refuses (isv.invalid-signature) and the backend answers 503, no account
    assert response.status_code == 503
    assert response.json()["code"] == "alipay_unavailable"
    assert not User.objects.exists()


def test_other_features_can_register_gateway_methods(mock_providers: Any) -> None:
    """The issue-5 trade methods plug into the same gateway through its method registry."""
    gateway: GatewayApp = mock_providers.app.alipay

    def trade_query(gw: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
        return {
            "code": "10000",
            "msg": "Success",
            "out_trade_no": biz["out_trade_no"],
            "trade_status": "WAIT_BUYER_PAY",
        }

    gateway.methods["alipay.trade.query"] = trade_query

    answer = alipay_client.alipay_client().api_alipay_trade_query(out_trade_no="ZB2026112100000001")

    assert answer["code"] == "10000" and answer["out_trade_no"] == "ZB2026112100000001"
