"""The case page reads the case and the user behind the token in one query, and checks that user
exactly as every other endpoint does: 401 for a bad account before any 404."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from backend.accounts.models import User

pytestmark = pytest.mark.django_db


def _url(application: Any) -> str:
    return f"/api/v1/applications/{application.pk if hasattr(application, 'pk') else application}"


def test_own_case_is_one_query(submitted, resident, client_for, django_assert_num_queries):
    application = submitted()
    client = client_for(resident)
    with django_assert_num_queries(1) as captured:
        response = client.get(_url(application))
    assert response.status_code == 200
    assert response.json()["id"] == str(application.pk)
    sql = captured[0]["sql"]
    assert "applications_application" in sql and "accounts_user" in sql


@pytest.mark.parametrize("case", ["someone_elses", "unknown", "malformed"])
def test_not_my_case_is_404_after_the_user_is_checked(
    case, submitted, make_resident, client_for, django_assert_num_queries
):
    # Given a case of another resident, an id that exists nowhere, and one that is no id at all
    application = submitted()
    target = {"someone_elses": application.pk, "unknown": uuid.uuid4(), "malformed": "not-a-uuid"}[case]
    client = client_for(make_resident())
    # When I ask for it: the join finds nothing, so my user row is read on its own
    with django_assert_num_queries(2):
        response = client.get(_url(target))
    # Then it is a plain 404, telling nothing of whose case it is
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_deactivated_owner_is_401_even_for_their_own_case(submitted, resident, client_for):
    application = submitted()
    client = client_for(resident)
    assert client.get(_url(application)).status_code == 200
    User.objects.filter(pk=resident.pk).update(is_active=False)
    response = client.get(_url(application))
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_token_of_the_wrong_kind_is_401_even_for_the_owners_case(submitted, resident):
    application = submitted()
    token = AccessToken()
    token["sub"], token["kind"], token["amr"] = str(resident.pk), "staff", ["pwd", "otp"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.get(_url(application))
    assert response.status_code == 401
    assert response.json()["code"] == "token_invalid"


def test_token_of_a_deleted_account_is_401(submitted, resident):
    application = submitted()
    token = AccessToken()
    token["sub"], token["kind"], token["amr"] = str(uuid.uuid4()), "resident", ["sms"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get(_url(application)).status_code == 401


def test_staff_get_403_on_the_resident_page(submitted, make_clerk, client_for):
    application = submitted()
    clerk = make_clerk(application.department.code)
    assert client_for(clerk).get(_url(application)).status_code == 403


def test_no_token_is_401(submitted):
    application = submitted()
    response = APIClient().get(_url(application))
    assert response.status_code == 401
