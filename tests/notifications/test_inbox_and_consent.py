"""The inbox API (own messages only), websocket tickets, subscribe-message consent, account merge."""

from __future__ import annotations

from typing import Any

import pytest

from notifications import delivery
from notifications.constants import MessageState
from notifications.models import Message, UserEvent, WsTicket
from notifications.services import notify, ws_ticket_redeem

pytestmark = pytest.mark.django_db


def _event(user: Any, n: int, event: str = "application.accepted") -> None:
    notify(
        event=event,
        recipient=user,
        params={"service_name": "居住证", "receipt_number": f"GA{n:04d}"},
        dedupe_key=f"app-{n}:{event}",
        subject_type="application",
        subject_id=f"app-{n}",
    )


def test_inbox_lists_own_messages_newest_first(
    resident: Any, make_resident: Any, client_for: Any, clock: Any
) -> None:
    other = make_resident()
    for n in range(3):
        clock.advance(minutes=1)
        _event(resident, n)
    _event(other, 99)
    response = client_for(resident).get("/api/v1/messages")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [m["subject_id"] for m in body["results"]] == ["app-2", "app-1", "app-0"]
    assert body["results"][0]["body"] == "您的居住证申请已受理，受理编号GA0002。"


def test_unread_count_and_mark_read(resident: Any, client_for: Any) -> None:
    for n in range(2):
        _event(resident, n)
    client = client_for(resident)
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 2}
    first = client.get("/api/v1/messages").json()["results"][0]["id"]
    response = client.post(f"/api/v1/messages/{first}/read")
    assert response.status_code == 200 and response.json()["read_at"]
    assert client.post(f"/api/v1/messages/{first}/read").status_code == 200  # idempotent
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 1}
    assert client.get("/api/v1/messages?unread=true").json()["count"] == 1
    assert client.post("/api/v1/messages/read-all").json() == {"updated": 1}
    assert client.get("/api/v1/messages/unread-count").json() == {"unread": 0}


def test_someone_elses_message_is_404_and_stays_unread(
    resident: Any, make_resident: Any, client_for: Any
) -> None:
    other = make_resident()
    _event(other, 1)
    theirs = Message.objects.get(recipient=other, channel="inbox")
    response = client_for(resident).post(f"/api/v1/messages/{theirs.pk}/read")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client_for(resident).post("/api/v1/messages/read-all").json() == {"updated": 0}
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_sms_rows_are_not_in_the_inbox(resident: Any, client_for: Any) -> None:
    _event(resident, 1, event="application.approved")
    assert Message.objects.filter(recipient=resident).count() == 2
    assert client_for(resident).get("/api/v1/messages").json()["count"] == 1


def test_inbox_needs_authentication(api: Any) -> None:
    assert api.get("/api/v1/messages").status_code == 401


def test_ws_ticket_is_one_time_and_short_lived(resident: Any, client_for: Any, clock: Any) -> None:
    response = client_for(resident).post("/api/v1/ws-ticket")
    assert response.status_code == 201
    ticket = response.json()["ticket"]
    assert response.json()["url"] == f"/ws/v1/events?ticket={ticket}"
    assert not WsTicket.objects.filter(ticket_hash=ticket).exists()  # only the hash is stored
    assert ws_ticket_redeem(ticket=ticket) == resident
    assert ws_ticket_redeem(ticket=ticket) is None
    late = client_for(resident).post("/api/v1/ws-ticket").json()["ticket"]
    clock.advance(seconds=31)
    assert ws_ticket_redeem(ticket=late) is None


# --- subscribe messages only with consent ----------------------------------------------------


@pytest.fixture
def wechat_resident(resident: Any) -> Any:
    from backend.accounts.models import Identity

    Identity.objects.create(user=resident, provider="wechat", subject="o-sandbox-openid-0001")
    return resident


def _consent(user: Any, remaining: int = 1) -> None:
    from miniprogram_bridge.models import SubscribeConsent

    SubscribeConsent.objects.create(
        user=user, template_id="zb-sandbox-application-progress", remaining=remaining, last_decision="accept"
    )


def test_without_consent_sms_and_no_subscribe_message(wechat_resident: Any) -> None:
    from miniprogram_bridge.models import SubscribeMessage

    _event(wechat_resident, 1, event="application.approved")
    channels = set(Message.objects.filter(recipient=wechat_resident).values_list("channel", flat=True))
    assert channels == {"inbox", "sms"}
    assert not SubscribeMessage.objects.exists()


def test_with_consent_a_subscribe_message_instead_of_sms(wechat_resident: Any) -> None:
    _consent(wechat_resident)
    _event(wechat_resident, 1, event="application.approved")
    channels = set(Message.objects.filter(recipient=wechat_resident).values_list("channel", flat=True))
    assert channels == {"inbox", "subscribe"}


def test_consent_spent_meanwhile_falls_back_to_sms(wechat_resident: Any, sms_fakes: Any, clock: Any) -> None:
    # given the consent was used up between routing and delivery
    from miniprogram_bridge.models import SubscribeConsent, SubscribeMessage

    _consent(wechat_resident)
    _event(wechat_resident, 1, event="application.approved")
    SubscribeConsent.objects.update(remaining=0)
    # when the outbox delivers
    delivery.outbox_sweep(now=clock.now())
    delivery.outbox_sweep(now=clock.now())
    # then no subscribe message went to WeChat, the row is dead with the reason, an SMS went out
    subscribe = Message.objects.get(recipient=wechat_resident, channel="subscribe")
    assert subscribe.state == MessageState.DEAD
    assert "no_consent" in subscribe.dead_reason
    assert not SubscribeMessage.objects.filter(status="sent").exists()
    sms = Message.objects.get(recipient=wechat_resident, channel="sms")
    assert sms.state == MessageState.SENT
    assert len(sms_fakes.app.twilio.state.inbox) == 1


# --- account merge -------------------------------------------------------------------------


def test_merge_moves_messages_and_appends_the_stream(resident: Any, make_resident: Any, clock: Any) -> None:
    from backend.accounts.merge import account_merge

    clock.advance(days=1)  # the older account is kept
    absorb = make_resident()
    _event(resident, 1)
    _event(absorb, 1)  # the same event on both: one survives
    _event(absorb, 2)
    account_merge(keep=resident, absorb=absorb, reason="test")
    assert not Message.objects.filter(recipient=absorb).exists()
    assert Message.objects.filter(recipient=resident, channel="inbox").count() == 2
    assert list(UserEvent.objects.filter(user=resident).values_list("stream_id", "dedupe_key")) == [
        (1, "app-1:application.accepted"),
        (2, "app-2:application.accepted"),
    ]
