"""Bearer tokens: the user row is read on every request, so a change to the account acts at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from rest_framework.request import Request
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from backend.accounts.authentication import BearerAuthentication
from backend.accounts.models import User
from backend.accounts.tokens import tokens_issue

pytestmark = pytest.mark.django_db


def _client(token: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _token(**claims: Any) -> AccessToken:
    token = AccessToken()
    for name, value in claims.items():
        token[name] = value
    return token


def test_valid_token_is_one_query_for_the_user(make_resident, django_assert_num_queries):
    resident = make_resident()
    raw = tokens_issue(resident, amr=["sms"])["access"]
    request = Request(RequestFactory().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}"))
    with django_assert_num_queries(1) as captured:
        user, token = BearerAuthentication().authenticate(request)
    assert user == resident and token["sub"] == str(resident.pk)
    assert user.phone == resident.phone  # a whole row: personal data decrypted, no deferred load
    assert "accounts_user" in captured[0]["sql"]


def test_deactivated_account_is_refused_with_a_token_issued_before(make_resident, client_for):
    # Given a resident holding a valid access token
    resident = make_resident()
    client = client_for(resident)
    assert client.get("/api/v1/me").status_code == 200
    # When the account is deactivated (a merge, an administrator)
    User.objects.filter(pk=resident.pk).update(is_active=False)
    # Then the very next request is refused, not when the token expires
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "00000000-0000-4000-8000-000000000000", "kind": "resident", "amr": ["sms"]},
        {"sub": "not-a-uuid", "kind": "resident", "amr": ["sms"]},
        {"kind": "resident", "amr": ["sms"]},
    ],
    ids=["unknown-user", "malformed-id", "no-subject"],
)
def test_token_naming_no_user_is_401(db: Any, claims: dict[str, Any]) -> None:
    response = _client(_token(**claims)).get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_token_of_another_kind_than_the_account_is_refused(make_resident):
    resident = make_resident()
    response = _client(_token(sub=str(resident.pk), kind="staff", amr=["pwd", "otp"])).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["code"] == "token_invalid"
