"""`manage.py demo_staff` (sandbox only) and the simulator's TOTP: the clerks `make demo` logs in as."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.certificates.models import CertificateType
from mobile_mock.simulator.totp import totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def departments() -> None:
    call_command("seed_demo")


def test_refuses_outside_debug(settings, departments, tmp_path):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_staff", output=str(tmp_path / "staff.json"))
    assert not User.objects.filter(username__startswith="demo.").exists()
    assert not (tmp_path / "staff.json").exists()


def test_written_credentials_log_in_with_password_and_totp(settings, departments, tmp_path):
    settings.DEBUG = True
    out = tmp_path / "staff.json"
    call_command("demo_staff", output=str(out))

    assert out.stat().st_mode & 0o077 == 0, "only the owner may read the credentials"
    for member in json.loads(out.read_text())["staff"]:
        code = totp(member["totp_secret"], step=member["totp_step"], digits=member["totp_digits"])
        response = APIClient().post(
            "/api/v1/auth/staff/login",
            {"username": member["username"], "password": member["password"], "otp_code": code},
            format="json",
        )
        assert response.status_code == 200, response.content
        user = User.objects.get(username=member["username"])
        assert sorted(user.departments.values_list("code", flat=True)) == member["departments"]


def test_a_second_run_replaces_password_and_secret(settings, departments, tmp_path):
    settings.DEBUG = True
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    call_command("demo_staff", output=str(first))
    call_command("demo_staff", output=str(second))

    old, new = (json.loads(p.read_text())["staff"][0] for p in (first, second))
    assert old["username"] == new["username"]
    assert old["password"] != new["password"] and old["totp_secret"] != new["totp_secret"]
    response = APIClient().post(
        "/api/v1/auth/staff/login",
        {"username": old["username"], "password": old["password"], "otp_code": totp(old["totp_secret"])},
        format="json",
    )
    assert response.status_code == 401


def test_certificate_types_link_the_demo_service(departments):
    call_command("seed_catalog")
    call_command("seed_certificate_types")
    call_command("seed_certificate_types")  # idempotent

    licence = CertificateType.objects.get(code="CN.DRIVING_LICENCE")
    assert list(licence.issued_for_services.values_list("code", flat=True)) == ["11370000JT0001"]
    assert CertificateType.objects.filter(code="CN.DRIVING_LICENCE").count() == 1
