"""Old one-time codes are deleted; fresh ones stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from backend.accounts.models import OtpCode
from backend.accounts.tasks import purge_login_data

pytestmark = pytest.mark.django_db


def test_purge_deletes_codes_older_than_a_day(request_code):
    from tests.factories import make_phone

    request_code(make_phone())
    request_code(make_phone())
    old = OtpCode.objects.first()
    OtpCode.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1, seconds=1))

    assert purge_login_data.delay().get() == 1
    assert OtpCode.objects.count() == 1
    assert not OtpCode.objects.filter(pk=old.pk).exists()
