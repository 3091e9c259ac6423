"""Tencent Cloud SMS delivery receipts (状态回执): unsigned, so a secret token in the URL."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from notifications import delivery
from notifications.constants import MessageState
from notifications.models import Message
from notifications.services import notify

pytestmark = pytest.mark.django_db

TOKEN = "k7Qm2VxR9tLp4ZcB8nWf3HsJ6yDg1AeU"
CALLBACK = f"/api/v1/notifications/tencent-sms/status/{TOKEN}"


@pytest.fixture
def tencent(sms_fakes: Any, settings: Any) -> Any:
    """Tencent is the SMS backend; receipts are expected at our URL with `TOKEN`."""
    settings.SMS_BACKEND = "notifications.providers.tencent.TencentSmsBackend"
    settings.TENCENT_SMS_CALLBACK_TOKEN = TOKEN
    return sms_fakes.app.tencent_sms


@pytest.fixture
def sent_sms(make_resident: Any, tencent: Any, clock: Any) -> tuple[Message, str]:
    user = make_resident("+8613800138003")
    notify(event="application.approved", recipient=user, params={"service_name": "居住证"}, dedupe_key="a:3")
    delivery.outbox_sweep(now=clock.now())
    sms = Message.objects.get(recipient=user, channel="sms")
    assert sms.state == MessageState.SENT and sms.provider == "tencent"
    [sent] = tencent.state.inbox
    assert sms.provider_message_id == sent["serial_no"]
    return sms, sent["serial_no"]


def _post(api: Any, reports: Any, path: str = CALLBACK) -> Any:
    return api.post(path, json.dumps(reports, ensure_ascii=False), content_type="application/json")


def test_success_report_marks_delivered_and_answers_tencents_ok(
    api: Any, tencent: Any, sent_sms: Any
) -> None:
    sms, sid = sent_sms
    response = _post(api, tencent.report_for(sid))
    assert response.status_code == 200
    assert response.json() == {"result": 0, "errmsg": "OK"}
    sms.refresh_from_db()
    assert sms.state == MessageState.DELIVERED and sms.delivered_at is not None
    # the same receipt again changes nothing and is still acknowledged
    delivered_at = sms.delivered_at
    assert _post(api, tencent.report_for(sid)).json() == {"result": 0, "errmsg": "OK"}
    sms.refresh_from_db()
    assert sms.state == MessageState.DELIVERED and sms.delivered_at == delivered_at


def test_fail_report_marks_failed_with_the_carrier_code(api: Any, tencent: Any, sent_sms: Any) -> None:
    sms, sid = sent_sms
    assert _post(api, tencent.report_for(sid, delivered=False)).status_code == 200
    sms.refresh_from_db()
    assert sms.state == MessageState.FAILED
    assert "UNDELIV" in sms.last_error


def test_a_batch_applies_each_report_and_ignores_unknown_sids(
    api: Any, tencent: Any, sent_sms: Any, make_resident: Any
) -> None:
    sms, sid = sent_sms
    unknown = {**tencent.report_for(sid)[0], "sid": "2433:00000000000000000000"}
    assert _post(api, [unknown, *tencent.report_for(sid)]).status_code == 200
    sms.refresh_from_db()
    assert sms.state == MessageState.DELIVERED
    assert not Message.objects.filter(provider_message_id=unknown["sid"]).exists()


@pytest.mark.parametrize(
    ("path", "configured"),
    [
        pytest.param(CALLBACK[:-1] + "X", TOKEN, id="wrong-token"),
        pytest.param(CALLBACK[: -len(TOKEN)] + TOKEN[:8], TOKEN, id="token-prefix"),
        pytest.param(CALLBACK, "", id="no-token-configured"),
    ],
)
def test_wrong_or_unconfigured_token_is_403_and_changes_nothing(
    api: Any, tencent: Any, sent_sms: Any, settings: Any, path: str, configured: str
) -> None:
    sms, sid = sent_sms
    settings.TENCENT_SMS_CALLBACK_TOKEN = configured
    before = Message.objects.filter(pk=sms.pk).values().get()
    response = _post(api, tencent.report_for(sid), path=path)
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "callback_token_invalid"
    assert Message.objects.filter(pk=sms.pk).values().get() == before


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"sid": "x", "report_status": "SUCCESS"}, id="object-not-array"),
        pytest.param([{"sid": "x", "report_status": "DELIVERED"}], id="unknown-status"),
        pytest.param([{"report_status": "SUCCESS"}], id="no-sid"),
    ],
)
def test_malformed_report_is_400_and_changes_nothing(
    api: Any, tencent: Any, sent_sms: Any, body: Any
) -> None:
    sms, _sid = sent_sms
    response = _post(api, body)
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    sms.refresh_from_db()
    assert sms.state == MessageState.SENT


@pytest.mark.django_db(transaction=True)
def test_tencent_posts_its_receipts_to_the_live_server(
    live_server: Any, make_resident: Any, tencent: Any, clock: Any
) -> None:
    # the whole loop over HTTP: our server → Tencent fake → unsigned receipt with the token → us
    tencent.state.callback_url = live_server.url + CALLBACK
    tencent.state.undeliverable_numbers.add("+8613800138005")
    delivered = make_resident("+8613800138004")
    undelivered = make_resident("+8613800138005")
    # one message at a time: on SQLite the live server shares the test's connection
    for n, user in enumerate([delivered, undelivered]):
        notify(
            event="application.approved",
            recipient=user,
            params={"service_name": "居住证"},
            dedupe_key=f"b:{n}",
        )
        delivery.outbox_sweep(now=clock.now())
        for _ in range(100):
            if len(tencent.state.callbacks) > n:
                break
            time.sleep(0.05)
    rows = {user: Message.objects.get(recipient=user, channel="sms") for user in (delivered, undelivered)}
    assert rows[delivered].state == MessageState.DELIVERED
    assert rows[undelivered].state == MessageState.FAILED
    assert [c["body"] for c in tencent.state.callbacks] == [{"result": 0, "errmsg": "OK"}] * 2
