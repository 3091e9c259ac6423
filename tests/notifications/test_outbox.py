"""The outbox: written with the cause, delivered after commit, retried, given up on, held at night."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import transaction

from notifications import delivery
from notifications.constants import MessageState
from notifications.models import DeliveryAttempt, Message, UserEvent
from notifications.services import notify
from tests.notifications.conftest import SHANGHAI

pytestmark = pytest.mark.django_db

PARAMS = {"service_name": "居住证申领", "receipt_number": "GA2026112000001"}


def _notify(
    user: Any, event: str = "application.approved", key: str = "app-1:approved", **params: Any
) -> list:
    return notify(
        event=event,
        recipient=user,
        params={**PARAMS, **params},
        dedupe_key=key,
        subject_type="application",
        subject_id="app-1",
    )


def _sweep_until_quiet(clock: Any, rounds: int = 20) -> None:
    """Run the sweeper the way beat does, moving the clock past every backoff."""
    for _ in range(rounds):
        delivery.outbox_sweep(now=clock.advance(hours=2))


# --- written with the cause ----------------------------------------------------------------


def test_rows_commit_with_the_state_change(resident: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given a domain change and its notice in one transaction
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        resident.display_name = "张三"
        resident.save(update_fields=["display_name"])
        rows = _notify(resident)
    # then both are there, and delivery + live push wait for the commit
    assert {m.channel for m in rows} == {"inbox", "sms"}
    assert Message.objects.filter(recipient=resident).count() == 2
    assert UserEvent.objects.filter(user=resident).count() == 1
    assert len(callbacks) == 2  # the delivery task of the SMS, the websocket push


def test_rows_roll_back_with_the_state_change(resident: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given a domain change that fails after notify() was called
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        resident.display_name = "李四"
        resident.save(update_fields=["display_name"])
        _notify(resident)
        raise RuntimeError("the domain change failed")
    # then no message, no stream entry, nothing scheduled, and the change itself is gone
    resident.refresh_from_db()
    assert resident.display_name == ""
    assert not Message.objects.filter(recipient=resident).exists()
    assert not UserEvent.objects.filter(user=resident).exists()
    assert callbacks == []


def test_same_event_twice_is_one_message_per_channel(resident: Any) -> None:
    first = _notify(resident)
    second = _notify(resident)
    assert [m.pk for m in first] == [m.pk for m in second]
    assert Message.objects.filter(recipient=resident).count() == 2
    assert UserEvent.objects.filter(user=resident).count() == 1


def test_stream_ids_grow_by_one_per_user(resident: Any, make_resident: Any) -> None:
    other = make_resident()
    for n in range(3):
        _notify(resident, key=f"a{n}")
    _notify(other, key="b0")
    assert list(UserEvent.objects.filter(user=resident).values_list("stream_id", flat=True)) == [1, 2, 3]
    assert list(UserEvent.objects.filter(user=other).values_list("stream_id", flat=True)) == [1]


# --- routing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "channels"),
    [
        ("application.approved", {"inbox", "sms"}),
        ("application.submitted", {"inbox"}),
        ("application.withdrawn", {"inbox"}),
        ("payment.succeeded", {"inbox", "sms"}),
    ],
    ids=["matters-sms", "minor-inbox-only", "withdrawn-inbox-only", "payment-sms"],
)
def test_routing_by_event(resident: Any, event: str, channels: set[str]) -> None:
    rows = _notify(resident, event=event, key=event)
    assert {m.channel for m in rows} == channels


def test_email_when_the_route_wants_it_and_an_address_exists(resident: Any) -> None:
    resident.email = "zhang@example.cn"
    resident.save(update_fields=["email"])
    assert {m.channel for m in _notify(resident, event="certificate.issued", certificate_name="居住证")} == {
        "inbox",
        "sms",
        "email",
    }
    assert {m.channel for m in _notify(resident, event="payment.succeeded", key="p", amount_fen=1250)} == {
        "inbox",
        "sms",
    }


def test_text_in_the_residents_language_with_money_in_yuan(resident: Any) -> None:
    resident.preferred_language = "en"
    resident.save(update_fields=["preferred_language"])
    inbox = next(
        m for m in _notify(resident, event="payment.succeeded", amount_fen=1250) if m.channel == "inbox"
    )
    assert inbox.title == "Payment received"
    assert inbox.body == "We received your payment of CNY 12.50."


# --- delivery, retries, dead --------------------------------------------------------------


def test_sms_goes_out_after_commit_through_twilio(
    resident: Any, sms_fakes: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _notify(resident)
    sms = Message.objects.get(recipient=resident, channel="sms")
    sent = sms_fakes.app.twilio.state.inbox
    assert [m["to"] for m in sent] == ["+8613800138000"]
    assert sent[0]["body"] == "【掌办】您的居住证申领申请已审核通过。"
    assert sent[0]["num_segments"] == "1"
    assert sms.state == MessageState.SENT
    assert sms.provider_message_id == sent[0]["sid"]
    assert sent[0]["status_callback"].endswith(f"/api/v1/notifications/twilio/status?m={sms.pk}")


def test_provider_failing_three_times_then_delivered_once(
    resident: Any, sms_fakes: Any, clock: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given Twilio answers 500 to the next three sends
    sms_fakes.app.twilio.state.fail_next = 3
    with django_capture_on_commit_callbacks(execute=True):
        _notify(resident)
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.PENDING and sms.attempts == 1
    # when the sweeper runs past each backoff
    _sweep_until_quiet(clock)
    # then the fourth attempt got through, and the provider has it exactly once
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT
    assert sms.attempts == 4
    assert len(sms_fakes.app.twilio.state.inbox) == 1
    outcomes = list(DeliveryAttempt.objects.filter(message=sms).values_list("outcome", flat=True))
    assert outcomes == ["retry", "retry", "retry", "sent"]
    assert "20500" in DeliveryAttempt.objects.get(message=sms, number=1).error


def test_provider_always_failing_ends_dead_with_the_reason(
    resident: Any, sms_fakes: Any, clock: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sms_fakes.app.twilio.state.mode = "error"
    with django_capture_on_commit_callbacks(execute=True):
        _notify(resident)
    _sweep_until_quiet(clock)
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.DEAD
    assert sms.attempts == settings.NOTIFY_MAX_ATTEMPTS
    assert sms.dead_reason.startswith(
        f"gave up after {settings.NOTIFY_MAX_ATTEMPTS} attempts: twilio 500 20500"
    )
    assert sms_fakes.app.twilio.state.inbox == []
    # a dead row is never tried again
    delivery.outbox_sweep(now=clock.advance(days=3))
    sms.refresh_from_db()
    assert sms.attempts == settings.NOTIFY_MAX_ATTEMPTS


def test_invalid_number_is_dead_at_once(
    resident: Any, sms_fakes: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sms_fakes.app.twilio.state.invalid_numbers.add("+8613800138000")
    with django_capture_on_commit_callbacks(execute=True):
        _notify(resident)
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.DEAD
    assert sms.attempts == 1
    assert "21211" in sms.dead_reason and sms.dead_reason.startswith("permanent error")


def test_provider_timeout_is_retried(resident: Any, sms_fakes: Any, clock: Any) -> None:
    sms_fakes.app.twilio.state.mode = "timeout"
    _notify(resident)
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.PENDING
    assert "unreachable" in sms.last_error
    sms_fakes.app.twilio.state.mode = "ok"
    _sweep_until_quiet(clock, rounds=2)
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT


def test_backoff_is_exponential_with_jitter(settings: Any) -> None:
    settings.NOTIFY_BACKOFF_BASE_SECONDS = 10
    settings.NOTIFY_BACKOFF_MAX_SECONDS = 10_000
    for attempt, ceiling in [(1, 10), (2, 20), (3, 40), (4, 80)]:
        delays = {delivery.backoff_seconds(attempt) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered
    settings.NOTIFY_BACKOFF_MAX_SECONDS = 60
    assert delivery.backoff_seconds(20) <= 60


def test_lost_worker_lease_is_taken_over(resident: Any, sms_fakes: Any, clock: Any) -> None:
    # given a row a worker claimed and then died with
    _notify(resident)
    sms = Message.objects.get(recipient=resident, channel="sms")
    claimed = delivery._claim(sms.pk, clock.now())
    assert claimed is not None
    # when the sweeper runs before the lease ends, nothing happens; after it, the row goes out
    delivery.outbox_sweep(now=clock.advance(seconds=10))
    assert sms_fakes.app.twilio.state.inbox == []
    delivery.outbox_sweep(now=clock.advance(minutes=10))
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT
    assert list(DeliveryAttempt.objects.filter(message=sms).values_list("outcome", flat=True)) == [
        "lost",
        "sent",
    ]


# --- China SMS provider (Tencent Cloud, TC3 signatures) ------------------------------------


def test_tencent_sms_with_registered_template_and_sign(
    resident: Any, sms_fakes: Any, settings: Any, clock: Any
) -> None:
    settings.SMS_BACKEND = "notifications.providers.tencent.TencentSmsBackend"
    _notify(resident, event="payment.succeeded", key="pay-1", amount_fen=8800)
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.SENT, sms.last_error
    [sent] = sms_fakes.app.tencent_sms.state.inbox
    assert sent["phone"] == "+8613800138000"
    assert sent["sign_name"] == "掌办"
    assert sent["params"] == ["88.00"]
    assert sms.provider_message_id == sent["serial_no"]


def test_tencent_refuses_a_wrong_signature(resident: Any, sms_fakes: Any, settings: Any, clock: Any) -> None:
    settings.SMS_BACKEND = "notifications.providers.tencent.TencentSmsBackend"
    settings.TENCENT_SMS_SECRET_KEY = "not-the-key"
    _notify(resident)
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.DEAD
    assert "AuthFailure.SignatureFailure" in sms.dead_reason
    assert sms_fakes.app.tencent_sms.state.inbox == []


def test_tencent_gateway_errors_are_retried(resident: Any, sms_fakes: Any, settings: Any, clock: Any) -> None:
    settings.SMS_BACKEND = "notifications.providers.tencent.TencentSmsBackend"
    sms_fakes.app.tencent_sms.state.fail_next = 2
    _notify(resident)
    _sweep_until_quiet(clock, rounds=5)
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.SENT
    assert sms.attempts == 3
    assert len(sms_fakes.app.tencent_sms.state.inbox) == 1


# --- quiet hours, rate limit --------------------------------------------------------------


def test_quiet_hours_hold_sms_until_eight(resident: Any, sms_fakes: Any, clock: Any) -> None:
    # given an approval at 23:30 Shanghai time
    clock.set(datetime(2026, 11, 20, 23, 30, tzinfo=SHANGHAI))
    _notify(resident)
    sms = Message.objects.get(recipient=resident, channel="sms")
    morning = datetime(2026, 11, 21, 8, 0, tzinfo=SHANGHAI)
    assert sms.held_until == morning
    # when the sweeper runs through the night, nothing goes out
    delivery.outbox_sweep(now=clock.advance(hours=4))
    delivery.outbox_sweep(now=datetime(2026, 11, 21, 7, 59, tzinfo=SHANGHAI))
    assert sms_fakes.app.twilio.state.inbox == []
    # but the inbox and the stream have it at once
    assert Message.objects.get(recipient=resident, channel="inbox").state == MessageState.DELIVERED
    # then at 08:00 it is sent
    clock.set(morning)
    delivery.outbox_sweep(now=morning)
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT
    assert len(sms_fakes.app.twilio.state.inbox) == 1


def test_what_cannot_wait_goes_out_at_night(resident: Any, sms_fakes: Any, clock: Any) -> None:
    clock.set(datetime(2026, 11, 20, 23, 30, tzinfo=SHANGHAI))
    notify(
        event="appointment.reminder",
        recipient=resident,
        params={"appointment_time": "08:30", "hall_name": "市民中心", "service_name": "居住证"},
        dedupe_key="appt-1:reminder",
    )
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.held_until is None
    delivery.outbox_sweep(now=clock.now())
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT


def test_a_retry_that_lands_in_quiet_hours_waits_for_the_morning(
    resident: Any, sms_fakes: Any, clock: Any
) -> None:
    clock.set(datetime(2026, 11, 20, 21, 59, tzinfo=SHANGHAI))
    sms_fakes.app.twilio.state.fail_next = 1
    _notify(resident)
    delivery.outbox_sweep(now=clock.now())
    night = clock.set(datetime(2026, 11, 20, 22, 30, tzinfo=SHANGHAI))
    delivery.outbox_sweep(now=night)
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.PENDING
    assert sms.next_attempt_at == datetime(2026, 11, 21, 8, 0, tzinfo=SHANGHAI)
    assert sms_fakes.app.twilio.state.inbox == []


def test_sms_held_by_the_rate_limit_keep_their_order(
    resident: Any, sms_fakes: Any, settings: Any, clock: Any
) -> None:
    """A newer SMS does not overtake an older one that waits for the per-user limit, even when
    it is tried first after the window has passed."""
    settings.NOTIFY_SMS_PER_USER_HOUR = 1
    settings.RATE_LIMIT_REDIS_URL = ""  # the database counters follow the test clock
    _notify(resident, key="app-1:accepted")
    delivery.outbox_sweep(now=clock.now())
    clock.set(clock.now() + timedelta(minutes=1))
    _notify(resident, key="app-1:approved")
    delivery.outbox_sweep(now=clock.now())
    waiting = Message.objects.get(recipient=resident, channel="sms", dedupe_key="app-1:approved")
    assert waiting.state == MessageState.PENDING  # over the limit until the window ends

    clock.set(waiting.next_attempt_at + timedelta(seconds=30))
    later = clock.now()
    newest = next(m for m in _notify(resident, key="app-1:completed") if m.channel == "sms")
    assert delivery.message_deliver(message_id=newest.pk, now=later) is None  # goes after the older one
    clock.set(later + timedelta(seconds=10))
    delivery.outbox_sweep(now=clock.now())

    states = dict(
        Message.objects.filter(recipient=resident, channel="sms").values_list("dedupe_key", "state")
    )
    assert states == {
        "app-1:accepted": MessageState.SENT,
        "app-1:approved": MessageState.SENT,
        "app-1:completed": MessageState.PENDING,
    }


def test_per_user_sms_rate_limit_delays_the_rest(
    resident: Any, sms_fakes: Any, settings: Any, clock: Any
) -> None:
    settings.NOTIFY_SMS_PER_USER_HOUR = 2
    for n in range(3):
        _notify(resident, key=f"app-{n}")
    delivery.outbox_sweep(now=clock.now())
    states = sorted(Message.objects.filter(recipient=resident, channel="sms").values_list("state", flat=True))
    assert states == ["pending", "sent", "sent"]
    assert len(sms_fakes.app.twilio.state.inbox) == 2
    waiting = Message.objects.get(recipient=resident, channel="sms", state="pending")
    assert waiting.attempts == 0
    assert waiting.next_attempt_at > clock.now() + timedelta(minutes=1)
