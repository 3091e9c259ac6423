"""Staff: two factors, lockout, idle expiry, the three separated powers, audited reads."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from backend.accounts.services import staff_create
from backend.core.errors import ApplicationError
from backend.core.models import AuditLog

pytestmark = pytest.mark.django_db


def _login(username: str, password: str, otp_code: str | None):
    body = {"username": username, "password": password}
    if otp_code is not None:
        body["otp_code"] = otp_code
    return APIClient().post("/api/v1/auth/staff/login", body, format="json")


def test_password_alone_gets_no_token(make_staff):
    clerk = make_staff("clerk")
    response = _login(clerk.username, clerk.test_password, None)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "otp_code"
    assert "access" not in response.json()


def test_password_and_totp_get_a_staff_token(make_staff, make_resident):
    clerk = make_staff("clerk")
    response = _login(clerk.username, clerk.test_password, clerk.totp_now())
    assert response.status_code == 200, response.content
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert client.get(f"/api/v1/staff/residents/{make_resident().pk}").status_code == 200


@pytest.mark.parametrize("mistake", ["wrong-password", "wrong-code", "unknown-user"], ids=lambda m: m)
def test_any_wrong_part_is_the_same_401(make_staff, mistake):
    clerk = make_staff("clerk")
    username, password, code = clerk.username, clerk.test_password, clerk.totp_now()
    if mistake == "wrong-password":
        password += "x"
    elif mistake == "wrong-code":
        code = f"{(int(code) + 1) % 10**6:06d}"
    else:
        username = "nobody-here"
    response = _login(username, password, code)
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


def test_repeated_failures_lock_the_account(make_staff, settings):
    settings.STAFF_LOCKOUT_THRESHOLD = 3
    clerk = make_staff("clerk")
    for _ in range(3):
        assert _login(clerk.username, "wrong-password-123", "000000").status_code == 401
    locked = _login(clerk.username, clerk.test_password, clerk.totp_now())
    assert locked.status_code == 429
    assert locked.json()["code"] == "account_locked"
    assert int(locked["Retry-After"]) > 0
    assert AuditLog.objects.filter(action="auth.staff_login", result="denied").exists()


def test_staff_token_without_second_factor_is_refused(make_staff):
    from backend.accounts.tokens import tokens_issue

    clerk = make_staff("clerk")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_issue(clerk, amr=['pwd'])['access']}")
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["code"] == "token_invalid"


def test_idle_staff_session_expires(make_staff, settings):
    clerk = make_staff("clerk")
    pair = _login(clerk.username, clerk.test_password, clerk.totp_now()).json()
    refresh = RefreshToken(pair["refresh"])
    lifetime = refresh["exp"] - refresh["iat"]
    assert lifetime == int(settings.STAFF_IDLE_TIMEOUT.total_seconds())
    assert pair["expires_in"] == 300


def test_auditor_reads_the_audit_log_and_nothing_else(make_staff, make_resident, client_for):
    auditor = client_for(make_staff("auditor"))
    resident = make_resident()
    listing = auditor.get("/api/v1/audit-logs")
    assert listing.status_code == 200
    assert {"count", "results"} <= listing.json().keys()
    assert auditor.get(f"/api/v1/staff/residents/{resident.pk}").status_code == 403
    # Nothing to write: the audit log endpoint has no unsafe method.
    assert auditor.delete("/api/v1/audit-logs").status_code == 405
    assert auditor.post("/api/v1/audit-logs", {}, format="json").status_code == 405


@pytest.mark.parametrize(
    "role", ["clerk", "reviewer", "supervisor", "finance", "system_admin", "security_admin"]
)
def test_only_auditors_read_the_audit_log(make_staff, client_for, role):
    assert client_for(make_staff(role)).get("/api/v1/audit-logs").status_code == 403


def test_residents_cannot_read_the_audit_log(make_resident, client_for):
    assert client_for(make_resident()).get("/api/v1/audit-logs").status_code == 403


@pytest.mark.parametrize(
    "roles",
    [{"auditor", "security_admin"}, {"system_admin", "auditor"}, {"system_admin", "security_admin"}],
    ids=lambda r: "+".join(sorted(r)),
)
def test_the_three_powers_never_share_an_account(roles):
    with pytest.raises(ApplicationError) as caught:
        staff_create(username="both", password="Correct-Horse-42-Battery", roles=roles, departments=[])
    assert caught.value.code == "separated_roles"


def test_each_staff_read_of_a_resident_is_audited(make_staff, make_resident, client_for):
    clerk = make_staff("clerk")
    resident = make_resident()
    client = client_for(clerk)
    for _ in range(2):
        assert client.get(f"/api/v1/staff/residents/{resident.pk}").status_code == 200
    rows = AuditLog.objects.filter(action="resident.read", object_id=str(resident.pk))
    assert rows.count() == 2
    assert {row.actor_id for row in rows} == {clerk.pk}


def test_staff_see_residents_masked(make_staff, make_resident, client_for):
    resident = make_resident("+8613812345678")
    body = client_for(make_staff("clerk")).get(f"/api/v1/staff/residents/{resident.pk}").json()
    assert body["phone"] == "138****5678"


def test_logins_are_audited(make_staff):
    clerk = make_staff("clerk")
    _login(clerk.username, clerk.test_password, clerk.totp_now())
    _login(clerk.username, "wrong-password-123", "000000")
    results = set(AuditLog.objects.filter(action="auth.staff_login").values_list("result", flat=True))
    assert results == {"success", "failure"}


def test_no_default_accounts_exist():
    from backend.accounts.models import User

    assert not User.objects.exists()
    assert not hasattr(User.objects, "create_superuser")
