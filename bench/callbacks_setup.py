"""Set up the payment-callback benchmark: keys, N paid-to-be orders per provider, and one
signed notification per order (WeChat Pay v3: RSA-signed, AES-GCM-encrypted JSON; Alipay:
RSA2-signed form), written as request lines for wrk (`path<TAB>h1: v1|h2: v2<TAB>body`).

    python bench/callbacks_setup.py keys DIR      # generate keys into DIR (before the server starts)
    python bench/callbacks_setup.py orders DIR N  # bills, orders, notifications (server settings)
"""

from __future__ import annotations

import os
import sys
import uuid
from datetime import timedelta
from pathlib import Path


def write_keys(directory: Path) -> None:
    from mobile_mock.alipay_gateway import generate_private_key_pem, public_key_pem
    from mobile_mock.wechatpay import WechatPayKeys

    directory.mkdir(parents=True, exist_ok=True)
    wx = WechatPayKeys.generate()
    for name, value in wx.__dict__.items():
        (directory / f"wechatpay_{name}").write_text(value)
    app, fake = generate_private_key_pem(), generate_private_key_pem()
    (directory / "alipay_app_private_key").write_text(app)
    (directory / "alipay_app_public_key").write_text(public_key_pem(app))
    (directory / "alipay_private_key").write_text(fake)
    (directory / "alipay_public_key").write_text(public_key_pem(fake))


def write_orders(directory: Path, n: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from backend.accounts.models import Department, User
    from mobile_mock.alipay_gateway import GatewayApp
    from mobile_mock.alipay_trade import AlipayTrades
    from mobile_mock.wechatpay import WechatPayApp, WechatPayKeys
    from payments.models import Bill, PaymentOrder

    Department.objects.get_or_create(code="BENCH", defaults={"name": "基准部门"})
    wx_keys = WechatPayKeys(
        **{k: (directory / f"wechatpay_{k}").read_text() for k in WechatPayKeys.__dataclass_fields__}
    )
    wx = WechatPayApp(wx_keys)
    gateway = GatewayApp(
        app_id=settings.ALIPAY_PAY_APP_ID,
        app_public_key=(directory / "alipay_app_public_key").read_text(),
        private_key=(directory / "alipay_private_key").read_text(),
    )
    trades = AlipayTrades(gateway, seller_id=settings.ALIPAY_PAY_SELLER_ID)
    unusable = make_password(None)
    # One resident per order, as in life (one shared payer would serialise on its rows).
    payers = User.objects.bulk_create(
        [User(kind="resident", password=unusable, display_name=f"bench {i}") for i in range(2 * n)],
        batch_size=2000,
    )
    now = timezone.now()
    for p, (provider, channel) in enumerate((("wechatpay", "wechat_jsapi"), ("alipay", "alipay_mini"))):
        bills = [
            Bill(
                number=f"BB{provider[:2]}{i:08d}{uuid.uuid4().hex[:6]}",
                payer=payers[p * n + i],
                source_type="bench",
                source_id=f"{provider}-{i}",
                department_code="BENCH",
                description="基准测试",
                total_fen=1000 + i % 100,
            )
            for i in range(n)
        ]
        Bill.objects.bulk_create(bills, batch_size=2000)
        orders = [
            PaymentOrder(
                bill=bill,
                payer=bill.payer,
                channel=channel,
                provider=provider,
                out_trade_no=f"PB{provider[:2].upper()}{i:010d}{uuid.uuid4().hex[:8].upper()}",
                amount_fen=bill.total_fen,
                payer_openid="oBench",
                expires_at=now + timedelta(hours=1),
            )
            for i, bill in enumerate(bills)
        ]
        PaymentOrder.objects.bulk_create(orders, batch_size=2000)
        lines = []
        for i, order in enumerate(orders):
            if provider == "wechatpay":
                resource = {
                    "appid": wx_keys.appid,
                    "mchid": wx_keys.mchid,
                    "out_trade_no": order.out_trade_no,
                    "transaction_id": f"42{i:026d}",
                    "trade_type": "JSAPI",
                    "trade_state": "SUCCESS",
                    "trade_state_desc": "支付成功",
                    "bank_type": "OTHERS",
                    "attach": "",
                    "success_time": now.isoformat(timespec="seconds"),
                    "payer": {"openid": "oBench"},
                    "amount": {
                        "total": order.amount_fen,
                        "payer_total": order.amount_fen,
                        "currency": "CNY",
                        "payer_currency": "CNY",
                    },
                }
                headers, body = wx.build_notification(resource)
                path = "/api/v1/payments/callbacks/wechatpay"
            else:
                trade = {
                    "out_trade_no": order.out_trade_no,
                    "trade_no": f"2026112222001{i:015d}",
                    "total_amount": f"{order.amount_fen / 100:.2f}",
                    "subject": "基准测试",
                    "buyer_id": "2088000000000002",
                    "buyer_open_id": "",
                    "trade_status": "TRADE_SUCCESS",
                    "gmt_create": now.strftime("%Y-%m-%d %H:%M:%S"),
                    "gmt_payment": now.strftime("%Y-%m-%d %H:%M:%S"),
                    "notify_id": uuid.uuid4().hex,
                }
                body = trades.build_notification(trades.notification_fields(trade))
                headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
                path = "/api/v1/payments/callbacks/alipay"
            header_text = "|".join(f"{k}: {v}" for k, v in headers.items())
            lines.append(f"{path}\t{header_text}\t{body.decode()}")
        (directory / f"requests_{provider}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(Department.objects.get(code="BENCH").pk)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.progress_settings")
    if sys.argv[1] == "keys":
        write_keys(Path(sys.argv[2]))
    else:
        write_orders(Path(sys.argv[2]), int(sys.argv[3]))
