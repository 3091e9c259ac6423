"""SMS length, Twilio status callbacks (signatures), the login code through a real provider."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

from notifications import delivery
from notifications.constants import MessageState
from notifications.models import Message, MessageTemplate
from notifications.routing import render, sms_fit, sms_segments
from notifications.services import notify

pytestmark = pytest.mark.django_db

CALLBACK = "/api/v1/notifications/twilio/status"
FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("办" * 70, 1),
        ("办" * 71, 2),
        ("办" * 134, 2),
        ("办" * 135, 3),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 159 + "€", 2),  # an extension character takes two septets
        ("a" * 69 + "办", 1),  # one Chinese character makes the whole text UCS-2
        ("a" * 70 + "办", 2),
    ],
    ids=["70-cn", "71-cn", "134-cn", "135-cn", "160-gsm", "161-gsm", "gsm-ext", "mixed-70", "mixed-71"],
)
def test_sms_segments(text: str, segments: int) -> None:
    assert sms_segments(text) == segments


def test_long_sms_is_cut_to_one_segment() -> None:
    cut = sms_fit("【掌办】" + "您的申请" * 30, max_segments=1)
    assert sms_segments(cut) == 1
    assert len(cut) == 70 and cut.endswith("…")


def test_every_seeded_sms_template_fits_one_segment() -> None:
    params = {
        "service_name": "港澳台居民居住证申领",
        "receipt_number": "GA2026112000001",
        "amount_fen": 123456,
        "certificate_name": "居住证",
        "appointment_time": "11月21日 09:30",
        "hall_name": "市民服务中心",
    }
    rows = MessageTemplate.objects.filter(channel="sms")
    assert rows.count() == 24
    for row in rows:
        text = render(event=row.event, channel="sms", language=row.language, params=params).body
        assert sms_segments(text) == 1, (row, text)
        assert "…" not in text or row.language == "en", (row, text)


# --- Twilio status callbacks ---------------------------------------------------------------


@pytest.fixture
def sent_sms(make_resident: Any, sms_fakes: Any, clock: Any) -> tuple[Message, dict[str, Any]]:
    user = make_resident("+8613800138001")
    notify(event="application.approved", recipient=user, params={"service_name": "居住证"}, dedupe_key="a:1")
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=user, channel="sms")
    assert sms.state == MessageState.SENT
    return sms, sms_fakes.app.twilio.state.inbox[0]


def _post_callback(api: Any, sms_fakes: Any, sid: str, status: str, *, tamper: str = "") -> Any:
    url, params, signature = sms_fakes.app.twilio.callback_for(sid, status)
    path = url.removeprefix("https://zhangban.example.gov.cn")
    if tamper == "signature":
        signature = signature[:-4] + "AAA="
    if tamper == "params":
        params = {**params, "MessageStatus": "failed"}
    return api.post(path, urlencode(params), content_type=FORM, HTTP_X_TWILIO_SIGNATURE=signature)


def test_signed_callback_marks_delivered(api: Any, sms_fakes: Any, sent_sms: Any) -> None:
    sms, sent = sent_sms
    response = _post_callback(api, sms_fakes, sent["sid"], "delivered")
    assert response.status_code == 204
    sms.refresh_from_db()
    assert sms.state == MessageState.DELIVERED
    assert sms.delivered_at is not None
    # the same callback again changes nothing
    assert _post_callback(api, sms_fakes, sent["sid"], "delivered").status_code == 204


def test_signed_undelivered_callback_marks_failed(api: Any, sms_fakes: Any, sent_sms: Any) -> None:
    sms, sent = sent_sms
    assert _post_callback(api, sms_fakes, sent["sid"], "undelivered").status_code == 204
    sms.refresh_from_db()
    assert sms.state == MessageState.FAILED
    assert "30003" in sms.last_error


@pytest.mark.parametrize("tamper", ["signature", "params"])
def test_callback_with_a_bad_signature_is_403_and_changes_nothing(
    api: Any, sms_fakes: Any, sent_sms: Any, tamper: str
) -> None:
    sms, sent = sent_sms
    before = Message.objects.filter(pk=sms.pk).values().get()
    response = _post_callback(api, sms_fakes, sent["sid"], "delivered", tamper=tamper)
    assert response.status_code == 403
    assert response.json()["code"] == "signature_invalid"
    assert Message.objects.filter(pk=sms.pk).values().get() == before


def test_callback_without_signature_is_403(api: Any, sms_fakes: Any, sent_sms: Any) -> None:
    sms, sent = sent_sms
    response = api.post(
        CALLBACK, urlencode({"MessageSid": sent["sid"], "MessageStatus": "delivered"}), content_type=FORM
    )
    assert response.status_code == 403
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT


@pytest.mark.django_db(transaction=True)
def test_twilio_posts_its_callbacks_to_the_live_server(
    live_server: Any, make_resident: Any, sms_fakes: Any, settings: Any, clock: Any
) -> None:
    # the whole loop over HTTP: our server → Twilio fake → signed callbacks → our server
    import time

    settings.NOTIFY_PUBLIC_BASE_URL = live_server.url
    sms_fakes.app.twilio.state.auto_callbacks = True
    user = make_resident("+8613800138002")
    notify(event="application.approved", recipient=user, params={"service_name": "居住证"}, dedupe_key="a:2")
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=user, channel="sms")
    for _ in range(100):
        sms.refresh_from_db()
        if sms.state == MessageState.DELIVERED:
            break
        time.sleep(0.05)
    assert sms.state == MessageState.DELIVERED
    assert {c["answer"] for c in sms_fakes.app.twilio.state.callbacks} == {204}


# --- the login code keeps going out directly ------------------------------------------------


def test_login_code_goes_out_through_twilio_at_once(request_code: Any, sms_fakes: Any, clock: Any) -> None:
    # even inside the quiet hours: the code is needed now and lives 5 minutes
    from datetime import datetime

    from tests.notifications.conftest import SHANGHAI

    clock.set(datetime(2026, 11, 20, 23, 30, tzinfo=SHANGHAI))
    response, _code = request_code("+8613800138009")
    assert response.status_code == 202
    [sent] = sms_fakes.app.twilio.state.inbox
    assert sent["to"] == "+8613800138009"
    assert "验证码" in sent["body"]
    assert not Message.objects.exists()  # the code never sits in the outbox table
