"""Fixtures of the applications tests: files under tmp, a fixed 'today', a service, people, cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tests.factories.cases import GOOD_FORM, department, jpeg_bytes, make_service

# Friday before the 2025 National Day holiday (Oct 1-8 off; Sun Sep 28 and Sat Oct 11 worked).
FIXED_TODAY = date(2025, 9, 26)


@pytest.fixture(autouse=True)
def _media_and_clock(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # Staff accounts are made in most tests; a fast hasher keeps the table walks quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr("backend.applications.services.today", lambda: FIXED_TODAY)


@pytest.fixture
def service(db: Any) -> Any:
    return make_service("T0001", co=())


@pytest.fixture
def resident(make_resident: Callable[..., Any]) -> Any:
    return make_resident()


@pytest.fixture
def make_clerk(make_staff: Callable[..., Any]) -> Callable[..., Any]:
    def _make(*departments: str, roles: tuple[str, ...] = ("clerk",)) -> Any:
        user = make_staff(*roles)
        user.departments.add(*[department(code) for code in departments])
        return user

    return _make


@pytest.fixture
def draft(service: Any, resident: Any) -> Callable[..., Any]:
    """A complete draft of `service` (form and photo), ready to submit."""
    from backend.applications import services

    def _make(of: Any = None, by: Any = None) -> Any:
        application = services.application_create(applicant=by or resident, service_code=(of or service).code)
        services.application_form_update(
            application_id=application.pk, applicant=by or resident, form_data=GOOD_FORM
        )
        services.material_upload(
            application_id=application.pk, applicant=by or resident, slot="photo", data=jpeg_bytes()
        )
        return application

    return _make


@pytest.fixture
def submitted(draft: Callable[..., Any], resident: Any) -> Callable[..., Any]:
    from backend.applications import services

    def _make(of: Any = None, by: Any = None) -> Any:
        application = draft(of, by)
        return services.application_submit(application_id=application.pk, applicant=by or resident)

    return _make


@pytest.fixture
def in_review(submitted: Callable[..., Any], make_clerk: Callable[..., Any]) -> Callable[..., Any]:
    """A case accepted and claimed (in review) by a clerk of its department."""
    from backend.applications import services

    def _make(of: Any = None, clerk: Any = None) -> Any:
        application = submitted(of)
        clerk = clerk or make_clerk(application.department.code)
        services.application_accept(application_id=application.pk, staff=clerk)
        return services.application_claim(application_id=application.pk, staff=clerk)

    return _make
