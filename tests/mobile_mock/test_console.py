"""The sandbox console: its state shows the fakes' records, its actions make the fakes act."""

from __future__ import annotations

import time

import pytest
import requests


@pytest.fixture
def fakes(mock_providers):
    """The running fakes, with WeChat Pay's notifications recorded instead of POSTed."""
    sent: list[tuple[str, bytes]] = []

    def record(url: str, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        sent.append((url, body))
        return (200, "")

    mock_providers.app.wechatpay.state.sender = record
    return mock_providers, sent


def _order(app, no: str, amount: int = 1000) -> None:
    with app.wechatpay.state.lock:
        app.wechatpay.state.orders[no] = {
            "appid": app.wechatpay.keys.appid,
            "mchid": app.wechatpay.keys.mchid,
            "out_trade_no": no,
            "description": "驾驶证工本费",
            "notify_url": "http://127.0.0.1:9/api/v1/payments/callbacks/wechatpay",
            "trade_type": "NATIVE",
            "trade_state": "NOTPAY",
            "trade_state_desc": "未支付",
            "amount": {"total": amount, "currency": "CNY"},
            "payer": {},
            "prepay_id": "",
            "code_url": "weixin://wxpay/bizpayurl?pr=x",
            "time_expire": "",
            "created": time.time(),
        }


def test_the_page_and_its_state_are_served(fakes):
    running, _ = fakes
    _order(running.app, "P1")

    page = requests.get(f"{running.base_url}/console/", timeout=5)
    state = requests.get(f"{running.base_url}/console/api/state", timeout=5).json()

    assert page.status_code == 200 and "console.js" in page.text
    assert [o["out_trade_no"] for o in state["wechatpay"]["orders"]] == ["P1"]
    assert state["wechatpay"]["orders"][0]["trade_state"] == "NOTPAY"
    assert set(state) == {"wechatpay", "alipay", "sms", "wechat"}


@pytest.mark.parametrize(("mode", "copies"), [("normal", 1), ("duplicate", 2), ("never", 0)], ids=str)
def test_pay_sends_the_callbacks_the_mode_asks_for(fakes, mode, copies):
    running, sent = fakes
    _order(running.app, "P2")

    answer = requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/pay",
        json={"out_trade_no": "P2", "mode": mode},
        timeout=5,
    )

    assert answer.status_code == 200
    assert answer.json()["trade_state"] == "SUCCESS"
    assert len(sent) == copies
    assert [c["status"] for c in answer.json()["callbacks"]] == [200] * copies


def test_a_tampered_callback_no_longer_matches_its_signature(fakes):
    running, sent = fakes
    _order(running.app, "P3")

    requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/pay",
        json={"out_trade_no": "P3", "mode": "tampered"},
        timeout=5,
    )
    _, honest_body = running.app.wechatpay.build_notification({"x": 1})

    assert len(sent) == 1
    assert b'"resource_type" ' in sent[0][1]  # changed after signing
    assert b'"resource_type" ' not in honest_body


def test_fail_marks_the_order_payerror_and_sends_nothing(fakes):
    running, sent = fakes
    _order(running.app, "P4")

    answer = requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/fail", json={"out_trade_no": "P4"}, timeout=5
    )
    again = requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/fail", json={"out_trade_no": "P4"}, timeout=5
    )

    assert answer.status_code == 200
    assert running.app.wechatpay.state.orders["P4"]["trade_state"] == "PAYERROR"
    assert sent == []
    assert again.status_code == 400 and "PAYERROR" in again.json()["error"]


def test_unknown_orders_and_actions_are_refused_without_side_effects(fakes):
    running, sent = fakes

    unknown_order = requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/pay", json={"out_trade_no": "nope"}, timeout=5
    )
    bad_mode = requests.post(
        f"{running.base_url}/console/api/actions/sms/mode",
        json={"provider": "twilio", "mode": "explode"},
        timeout=5,
    )
    unknown_action = requests.post(
        f"{running.base_url}/console/api/actions/wechatpay/steal", json={}, timeout=5
    )

    assert unknown_order.status_code == 400
    assert bad_mode.status_code == 400 and running.app.twilio.state.mode == "ok"
    assert unknown_action.status_code == 404
    assert sent == []


def test_sms_mode_switches_the_fake(fakes):
    running, _ = fakes

    answer = requests.post(
        f"{running.base_url}/console/api/actions/sms/mode",
        json={"provider": "tencent", "mode": "error"},
        timeout=5,
    )

    assert answer.status_code == 200
    assert running.app.tencent_sms.state.mode == "error"
    state = requests.get(f"{running.base_url}/console/api/state", timeout=5).json()
    assert state["sms"]["tencent"]["mode"] == "error"


def test_the_h5_page_knows_the_backend_and_serves_no_python(fakes):
    running, _ = fakes

    config = requests.get(f"{running.base_url}/h5/config.json", timeout=5).json()
    page = requests.get(f"{running.base_url}/h5/", timeout=5)
    source = requests.get(f"{running.base_url}/h5/__init__.py", timeout=5)
    escape = requests.get(f"{running.base_url}/h5/../server.py", timeout=5)

    assert config == {"api": "http://127.0.0.1:8000"}
    assert page.status_code == 200 and "app.js" in page.text
    assert source.status_code == 404
    assert escape.status_code == 404
