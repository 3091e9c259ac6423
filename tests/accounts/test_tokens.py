"""JWT access/refresh: rotation, single use, logout blacklist."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(api, request_code):
    from tests.factories import make_phone

    phone = make_phone()
    _, code = request_code(phone)
    return api.post("/api/v1/auth/sms/login", {"phone": phone, "code": code}, format="json").json()


def _refresh(token: str):
    return APIClient().post("/api/v1/auth/token/refresh", {"refresh": token}, format="json")


def test_refresh_rotates_and_the_old_token_is_spent(pair):
    rotated = _refresh(pair["refresh"])
    assert rotated.status_code == 200
    assert rotated.json()["refresh"] != pair["refresh"]

    replay = _refresh(pair["refresh"])
    assert replay.status_code == 401
    assert replay.json()["code"] == "token_invalid"

    # The new one works, once.
    assert _refresh(rotated.json()["refresh"]).status_code == 200


def test_new_access_token_authenticates(pair):
    rotated = _refresh(pair["refresh"]).json()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {rotated['access']}")
    assert client.get("/api/v1/me").status_code == 200


def test_logout_blacklists_the_refresh_token(pair):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    response = client.post("/api/v1/auth/logout", {"refresh": pair["refresh"]}, format="json")
    assert response.status_code == 204
    after = _refresh(pair["refresh"])
    assert after.status_code == 401
    assert after.json()["code"] == "token_invalid"


def test_logout_refuses_someone_elses_refresh_token(pair, make_resident, client_for):
    other = client_for(make_resident())
    response = other.post("/api/v1/auth/logout", {"refresh": pair["refresh"]}, format="json")
    assert response.status_code == 401
    # The owner's token still works.
    assert _refresh(pair["refresh"]).status_code == 200


def test_garbage_and_access_tokens_are_not_refresh_tokens(pair):
    assert _refresh("not-a-jwt").json()["code"] == "token_invalid"
    assert _refresh(pair["access"]).status_code == 401


def test_bad_bearer_token_is_401_problem():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer nonsense")
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "token_invalid"
