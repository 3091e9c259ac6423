"""A delivery worker really killed (SIGKILL) in the middle of a batch; a new one finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import connection

from notifications import services
from notifications.constants import MessageState
from notifications.models import DeliveryAttempt, Message, UserEvent
from notifications.services import notify

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
RESIDENTS, EVENTS_EACH = 8, 5


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _worker(sms_fakes: Any) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "backend.config.settings"),
        "DATABASE_URL": _database_url(),
        "SMS_BACKEND": "notifications.providers.twilio.TwilioSmsBackend",
        "TWILIO_ACCOUNT_SID": django_settings.TWILIO_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": django_settings.TWILIO_AUTH_TOKEN,
        "TWILIO_API_BASE_URL": django_settings.TWILIO_API_BASE_URL,
        "NOTIFY_LEASE_SECONDS": "1",
        "NOTIFY_SMS_PER_USER_HOUR": "1000",
        "RATE_LIMIT_KEY_PREFIX": django_settings.RATE_LIMIT_KEY_PREFIX,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "outbox_deliver", "--batch", "100", "--until-empty"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_killed_worker_loses_nothing_and_doubles_nothing_of_ours(
    make_resident: Any, sms_fakes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given 40 urgent notices (SMS at any hour) waiting in the outbox, their delivery tasks
    # lost by the broker, so only the workers' sweeps deliver them
    monkeypatch.setattr(services, "_enqueue_delivery", lambda ids: None)
    twilio = sms_fakes.app.twilio.state
    twilio.delay_seconds = 0.05
    residents = [make_resident(f"+86138001380{n:02d}") for n in range(RESIDENTS)]
    for user in residents:
        for n in range(EVENTS_EACH):
            notify(
                event="appointment.reminder",
                recipient=user,
                params={
                    "appointment_time": f"09:{n:02d}",
                    "hall_name": "市民中心",
                    "service_name": f"事项{n}",
                },
                dedupe_key=f"appt-{user.pk}-{n}",
            )
    total = RESIDENTS * EVENTS_EACH
    # when a worker is killed with SIGKILL in the middle of its batch
    first = _worker(sms_fakes)
    deadline = time.monotonic() + 30
    while len(twilio.inbox) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL
    sent_before_kill = len(twilio.inbox)
    assert 0 < sent_before_kill < total  # it really died mid-batch
    # and a new worker starts after the dead one's lease ran out
    time.sleep(1.5)
    second = _worker(sms_fakes)
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr.decode()[-2000:]
    # then every message was handed to the provider and is recorded as sent
    sms = Message.objects.filter(channel="sms")
    assert sms.count() == total
    assert set(sms.values_list("state", flat=True)) == {MessageState.SENT}
    per_text = Counter((m["to"], m["body"]) for m in twilio.inbox)
    assert len(per_text) == total
    # at most the one SMS in flight at the kill went to the provider twice (at-least-once there),
    # and only if its attempt is the one the dead worker lost
    doubled = [key for key, count in per_text.items() if count > 1]
    assert len(doubled) <= 1
    lost = DeliveryAttempt.objects.filter(outcome="lost").count()
    assert lost <= 1
    assert len(doubled) <= lost
    # our own channels are written with the cause, never by a worker: exactly once each
    assert Message.objects.filter(channel="inbox").count() == total
    for user in residents:
        ids = list(UserEvent.objects.filter(user=user).values_list("stream_id", flat=True))
        assert ids == list(range(1, EVENTS_EACH + 1))
