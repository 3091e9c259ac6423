"""Real-name verification through the sandbox identity service over HTTP."""

from __future__ import annotations

import pytest
import requests

from backend.accounts.models import User
from backend.core.models import AuditLog
from tests.factories import make_citizen_id

pytestmark = pytest.mark.django_db


def _verify(client, name: str, citizen_id: str):
    return client.post("/api/v1/me/real-name", {"name": name, "citizen_id": citizen_id}, format="json")


def test_match_stores_encrypted_and_shows_masked(mock_providers, make_resident, client_for):
    resident = make_resident()
    citizen_id = make_citizen_id("110105", "19850612")
    response = _verify(client_for(resident), "张三丰", citizen_id)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["real_name_verified"] is True
    assert body["real_name"] == "张**"
    assert body["citizen_id"] == f"110105********{citizen_id[-4:]}"
    resident.refresh_from_db()
    assert resident.citizen_id == citizen_id
    assert AuditLog.objects.filter(action="real_name.verify", result="success", actor=resident).exists()


def test_mismatch_is_422_and_stores_nothing(mock_providers, make_resident, client_for):
    citizen_id = make_citizen_id()
    requests.post(
        f"{mock_providers.base_url}/realname/_control/mismatch",
        json={"name": "李四", "id_number": citizen_id},
        timeout=5,
    )
    resident = make_resident()
    response = _verify(client_for(resident), "李四", citizen_id)
    assert response.status_code == 422
    assert response.json()["code"] == "real_name_mismatch"
    resident.refresh_from_db()
    assert resident.citizen_id == "" and resident.real_name_verified_at is None
    assert AuditLog.objects.filter(action="real_name.verify", result="failure").exists()


def test_identity_service_down_is_503(mock_providers, make_resident, client_for):
    requests.post(f"{mock_providers.base_url}/realname/_control/mode", json={"mode": "error"}, timeout=5)
    response = _verify(client_for(make_resident()), "王五", make_citizen_id())
    assert response.status_code == 503
    assert response.json()["code"] == "real_name_unavailable"


def test_slow_identity_service_times_out_quickly(mock_providers, make_resident, client_for, settings):
    settings.REAL_NAME_TIMEOUT = 0.5
    requests.post(
        f"{mock_providers.base_url}/realname/_control/mode",
        json={"mode": "slow", "slow_seconds": 3},
        timeout=5,
    )
    response = _verify(client_for(make_resident()), "王五", make_citizen_id())
    assert response.status_code == 503


def test_forged_answer_is_not_believed(mock_providers, make_resident, client_for, settings):
    settings.REAL_NAME_APP_SECRET = "not-the-sandbox-secret"
    response = _verify(client_for(make_resident()), "王五", make_citizen_id())
    assert response.status_code == 503


def test_a_number_verified_elsewhere_is_409(mock_providers, make_resident, client_for):
    citizen_id = make_citizen_id()
    assert _verify(client_for(make_resident()), "赵六", citizen_id).status_code == 200
    second = _verify(client_for(make_resident()), "赵六", citizen_id)
    assert second.status_code == 409
    assert second.json()["code"] == "citizen_id_taken"
    assert User.objects.filter(real_name_verified_at__isnull=False).count() == 1


def test_daily_limit(mock_providers, make_resident, client_for, settings):
    settings.REAL_NAME_DAILY_LIMIT = 2
    client = client_for(make_resident())
    requests.post(f"{mock_providers.base_url}/realname/_control/mode", json={"mode": "error"}, timeout=5)
    for _ in range(2):
        assert _verify(client, "王五", make_citizen_id()).status_code == 503
    limited = _verify(client, "王五", make_citizen_id())
    assert limited.status_code == 429
    assert limited.json()["code"] == "real_name_rate_limited"


def test_staff_cannot_use_the_resident_endpoint(mock_providers, make_staff, client_for):
    assert _verify(client_for(make_staff("clerk")), "王五", make_citizen_id()).status_code == 403
