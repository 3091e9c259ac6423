"""Staff send a dead message again once its cause is fixed: audited, fresh attempts, delivered."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission

from backend.core.models import AuditLog
from notifications.constants import MessageState
from notifications.models import DeliveryAttempt, Message
from notifications.retry import message_retry_dead
from notifications.services import notify

pytestmark = pytest.mark.django_db

PARAMS = {"service_name": "居住证申领", "receipt_number": "GA2026112000001"}
CHANGELIST = "/admin/notifications/message/"


@pytest.fixture
def dead_sms(resident: Any, sms_fakes: Any, django_capture_on_commit_callbacks: Any) -> Message:
    """An SMS that died at once: Twilio refused the number (21211)."""
    sms_fakes.app.twilio.state.invalid_numbers.add(resident.phone)
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="application.approved", recipient=resident, params=PARAMS, dedupe_key="app-1:approved")
    sms = Message.objects.get(recipient=resident, channel="sms")
    assert sms.state == MessageState.DEAD and sms.attempts == 1
    return sms


@pytest.fixture(autouse=True)
def _plain_static(settings: Any) -> None:
    """Admin pages render without a collected manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _admin_client(client: Any, staff: Any, *perms: str) -> Any:
    """`client` logged in to the admin as `staff` (TOTP-verified session) with model permissions."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="notifications", codename__in=perms)
    )
    client.force_login(staff)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=staff).persistent_id
    session.save()
    return client


def test_retry_resets_the_row_audits_and_delivers(
    dead_sms: Message, sms_fakes: Any, make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given the number was fixed at the provider
    sms_fakes.app.twilio.state.invalid_numbers.clear()
    staff = make_staff("admin")
    # when staff retry the dead row
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        retried = message_retry_dead(message_id=dead_sms.pk, actor=staff)
    # then it went out again with a fresh attempt budget, once
    assert retried is not None and len(callbacks) == 1
    dead_sms.refresh_from_db()
    assert dead_sms.state == MessageState.SENT
    assert dead_sms.attempts == 1 and dead_sms.dead_reason == ""
    assert len(sms_fakes.app.twilio.state.inbox) == 1
    assert list(DeliveryAttempt.objects.filter(message=dead_sms).values_list("outcome", flat=True)) == [
        "dead",
        "sent",
    ]
    # and who did it, and what the row was before, is in the audit log
    audit = AuditLog.objects.get(action="notification.retry_dead", object_id=str(dead_sms.pk))
    assert audit.actor_id == staff.pk
    assert audit.detail["previous_attempts"] == 1
    assert "21211" in audit.detail["previous_dead_reason"]


@pytest.mark.parametrize("state", [MessageState.PENDING, MessageState.SENT, MessageState.DELIVERED])
def test_only_dead_rows_are_retried(
    dead_sms: Message, state: str, make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    Message.objects.filter(pk=dead_sms.pk).update(state=state, attempts=3)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert message_retry_dead(message_id=dead_sms.pk, actor=make_staff("admin")) is None
    dead_sms.refresh_from_db()
    assert dead_sms.state == state and dead_sms.attempts == 3
    assert callbacks == []
    assert not AuditLog.objects.filter(action="notification.retry_dead").exists()


def test_admin_action_retries_the_dead_and_skips_the_rest(
    dead_sms: Message,
    resident: Any,
    sms_fakes: Any,
    make_staff: Any,
    client: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sms_fakes.app.twilio.state.invalid_numbers.clear()
    inbox = Message.objects.get(recipient=resident, channel="inbox")
    admin = _admin_client(client, make_staff("admin"), "view_message", "change_message")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            CHANGELIST,
            {"action": "retry_dead", "_selected_action": [str(dead_sms.pk), str(inbox.pk)]},
            follow=True,
        )
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert len(shown) == 2 and all(m.rstrip(".。").endswith("1") for m in shown)  # 1 queued, 1 skipped
    dead_sms.refresh_from_db()
    inbox.refresh_from_db()
    assert dead_sms.state == MessageState.SENT
    assert inbox.state == MessageState.DELIVERED
    assert AuditLog.objects.filter(action="notification.retry_dead").count() == 1


def test_admin_action_needs_the_change_permission(dead_sms: Message, make_staff: Any, client: Any) -> None:
    admin = _admin_client(client, make_staff("admin"), "view_message")
    page = admin.get(CHANGELIST)
    assert page.status_code == 200 and b"retry_dead" not in page.content
    admin.post(CHANGELIST, {"action": "retry_dead", "_selected_action": [str(dead_sms.pk)]})
    dead_sms.refresh_from_db()
    assert dead_sms.state == MessageState.DEAD
    assert not AuditLog.objects.filter(action="notification.retry_dead").exists()


def test_operations_role_may_see_and_retry_the_outbox(make_staff: Any) -> None:
    """The system administrators' role carries the outbox permissions on a fresh database
    (roles are synced after migrate, before the notifications app's own post_migrate)."""
    from backend.accounts.constants import Role

    operator = make_staff(Role.SYSTEM_ADMIN)
    assert operator.has_perm("notifications.view_message")
    assert operator.has_perm("notifications.change_message")
    assert not make_staff(Role.CLERK).has_perm("notifications.change_message")
