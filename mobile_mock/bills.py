"""Bill FILES in the providers' real formats, built from the fakes' own records (PROTOCOLS.md §2, §3).

- WeChat Pay trade bill (`bill_type=ALL`): UTF-8, CRLF, line 1 the 27-column header without
  backticks, then one detail row per payment / refund with EVERY field prefixed by a backtick,
  then the summary header and one summary row (backticks); optionally gzip-compressed.
  Amounts in yuan; 手续费 with 5 decimals, negative on refund rows; 0 in the refund id columns
  of payment rows. A field holding a comma or a quote is CSV-quoted (`"`护照,加急"`).
- Alipay trade bill: a zip of two GBK CSV files: `…_业务明细.csv` (comment lines `#…` before
  and after, the 25-column header, rows whose id cells end with `\\t`, 业务类型 交易/退款, refunds
  negative, 服务费 negative when charged) with the `#交易合计`/`#退款合计` footer, and
  `…_业务明细(汇总).csv` with per-store rows and the `合计` row.

`install(providers)` (called by mobile_mock/server.py) makes the fakes serve these files from
their bill endpoints. `write_wechat_bill` / `write_alipay_bill` stream any number of rows to
a file (the 1,000,000-row benchmark uses them). Fees are 0.6 % rounded to the fen, so small
payments give the zero-fee rows real bills have.
"""

from __future__ import annotations

import csv
import gzip
import io
import secrets
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, Any

CST = timezone(timedelta(hours=8))
FEE_RATE = Decimal("0.006")

WECHAT_HEADER = (
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
    "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
    "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"
)
WECHAT_SUMMARY_HEADER = (
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
)
ALIPAY_HEADER = (
    "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
    "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
    "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注"
)
ALIPAY_SUMMARY_HEADER = (
    "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,"
    "卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）"
)
ALIPAY_DETAIL_START = (
    "#-----------------------------------------业务明细列表----------------------------------------"
)
ALIPAY_DETAIL_END = (
    "#-----------------------------------------业务明细列表结束------------------------------------"
)


def fee_fen(amount_fen: int) -> int:
    """The provider's fee for a payment of `amount_fen`: 0.6 %, rounded to the fen."""
    return int((Decimal(amount_fen) * FEE_RATE).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(fen: int, places: int = 2) -> str:
    return f"{Decimal(fen) / 100:.{places}f}"


@dataclass(frozen=True)
class BillRow:
    """One money movement as a provider's bill shows it (amounts in fen, fee in fen)."""

    kind: str  # "payment" | "refund"
    at: datetime  # when the money moved (Beijing time)
    transaction_id: str  # WeChat transaction_id / Alipay trade_no
    out_trade_no: str
    amount_fen: int  # the payment's amount, or the refund's amount (positive)
    description: str = ""
    out_refund_no: str = ""
    refund_id: str = ""
    fee_fen: int = 0  # charged on payments (positive), returned on refunds (positive here)
    trade_type: str = "JSAPI"
    openid: str = ""
    status: str = ""  # WeChat 交易状态 override (e.g. REVOKED)
    created_at: datetime | None = None


# --- WeChat Pay ----------------------------------------------------------------------------
def _wechat_fields(row: BillRow, *, appid: str, mchid: str) -> list[str]:
    when = row.at.astimezone(CST).strftime("%Y-%m-%d %H:%M:%S")
    fee = yuan(row.fee_fen, 5)
    if row.kind == "refund":
        return [
            when, appid, mchid, "0", "", row.transaction_id, row.out_trade_no, row.openid, row.trade_type,
            "REFUND", "OTHERS", "CNY", "0.00", "0.00", row.refund_id, row.out_refund_no,
            yuan(row.amount_fen), "0.00", "ORIGINAL", "SUCCESS", row.description, "",
            f"-{fee}" if row.fee_fen else "0.00000", "0.60%", "0.00", yuan(row.amount_fen), "",
        ]  # fmt: skip
    return [
        when, appid, mchid, "0", "", row.transaction_id, row.out_trade_no, row.openid, row.trade_type,
        row.status or "SUCCESS", "OTHERS", "CNY", yuan(row.amount_fen), "0.00", "0", "0", "0.00", "0.00",
        "", "", row.description, "", fee, "0.60%", yuan(row.amount_fen), "0.00", "",
    ]  # fmt: skip


def write_wechat_bill(
    out: IO[bytes], rows: Iterable[BillRow], *, appid: str, mchid: str, summary: dict[str, str] | None = None
) -> dict[str, int]:
    """Stream a WeChat Pay ALL trade bill (UTF-8, CRLF) to the binary file `out`.

    `summary` overrides summary values (to craft a bill whose totals do not add up).
    Returns the totals written (count, settle_fen, refund_fen, fee_fen).
    """
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    text.write(WECHAT_HEADER + "\r\n")
    count = settle = refund = fee = 0
    for row in rows:
        writer.writerow(["`" + f for f in _wechat_fields(row, appid=appid, mchid=mchid)])
        count += 1
        if row.kind == "refund":
            refund += row.amount_fen
            fee -= row.fee_fen
        else:
            settle += row.amount_fen
            fee += row.fee_fen
    values = {
        "总交易单数": str(count),
        "应结订单总金额": yuan(settle),
        "退款总金额": yuan(refund),
        "充值券退款总金额": "0.00",
        "手续费总金额": yuan(fee, 5),
        "订单总金额": yuan(settle),
        "申请退款总金额": yuan(refund),
    }
    values.update(summary or {})
    text.write(WECHAT_SUMMARY_HEADER + "\r\n")
    writer.writerow(["`" + v for v in values.values()])
    text.flush()
    text.detach()
    return {"count": count, "settle_fen": settle, "refund_fen": refund, "fee_fen": fee}


def wechat_bill_bytes(
    rows: Iterable[BillRow], *, appid: str, mchid: str, gzipped: bool = False, **kw: Any
) -> bytes:
    buffer = io.BytesIO()
    write_wechat_bill(buffer, rows, appid=appid, mchid=mchid, **kw)
    data = buffer.getvalue()
    return gzip.compress(data) if gzipped else data


def wechat_rows_from_fake(app: Any, bill_date: str) -> list[BillRow]:
    """Rows of `bill_date` (YYYY-MM-DD, Beijing) from the WeChat Pay fake's orders and refunds."""
    rows: list[BillRow] = []
    with app.state.lock:
        for order in app.state.orders.values():
            if not order.get("transaction_id") or not order.get("success_time", "").startswith(bill_date):
                continue
            total = order["amount"]["total"]
            rows.append(
                BillRow(
                    kind="payment",
                    at=datetime.fromisoformat(order["success_time"]),
                    transaction_id=order["transaction_id"],
                    out_trade_no=order["out_trade_no"],
                    amount_fen=total,
                    description=order["description"],
                    fee_fen=fee_fen(total),
                    trade_type=order["trade_type"],
                    openid=(order.get("payer") or {}).get("openid", ""),
                )
            )
        for refund in app.state.refunds.values():
            if refund["status"] != "SUCCESS" or not refund.get("success_time", "").startswith(bill_date):
                continue
            order = app.state.orders[refund["out_trade_no"]]
            amount = refund["amount"]["refund"]
            # The fee goes back in proportion to the refund, like WeChat does.
            returned = fee_fen(order["amount"]["total"]) * amount // order["amount"]["total"]
            rows.append(
                BillRow(
                    kind="refund",
                    at=datetime.fromisoformat(refund["success_time"]),
                    transaction_id=order["transaction_id"],
                    out_trade_no=order["out_trade_no"],
                    amount_fen=amount,
                    description=order["description"],
                    out_refund_no=refund["out_refund_no"],
                    refund_id=refund["refund_id"],
                    fee_fen=returned,
                    trade_type=order["trade_type"],
                    openid=(order.get("payer") or {}).get("openid", ""),
                )
            )
    rows.sort(key=lambda r: r.at)
    return rows


# --- Alipay --------------------------------------------------------------------------------
def _alipay_time(value: datetime) -> str:
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M:%S")


def _alipay_cells(row: BillRow) -> list[str]:
    sign = "-" if row.kind == "refund" else ""
    amount = f"{sign}{yuan(row.amount_fen)}"
    # 服务费: negative when charged (trade), positive when given back (refund).
    charged = f"-{yuan(row.fee_fen)}" if row.fee_fen else "0.00"
    fee = yuan(row.fee_fen) if row.kind == "refund" else charged
    return [
        row.transaction_id + "\t", row.out_trade_no + "\t",
        ("退款" if row.kind == "refund" else "交易") + "\t",
        row.description, _alipay_time(row.created_at or row.at), _alipay_time(row.at), "", "", "", "",
        "sbx***@sandbox.com", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
        (row.out_refund_no + "\t") if row.kind == "refund" else "", fee, "0.00", "",
    ]  # fmt: skip


def write_alipay_detail(
    out: IO[bytes],
    rows: Iterable[BillRow],
    *,
    account: str,
    bill_date: str,
    footer: dict[str, str] | None = None,
) -> dict[str, int]:
    """Stream the GBK detail CSV (业务明细) to `out`; returns the totals."""
    text = io.TextIOWrapper(out, encoding="gbk", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    day = datetime.strptime(bill_date, "%Y-%m-%d")  # noqa: DTZ007 - a calendar date
    following = day + timedelta(days=1)
    for line in (
        "#支付宝业务明细查询",
        f"#账号：[{account}]",
        f"#起始日期：[{day:%Y年%m月%d日} 00:00:00]   终止日期：[{following:%Y年%m月%d日} 00:00:00]",
        ALIPAY_DETAIL_START,
        ALIPAY_HEADER,
    ):
        text.write(line + "\r\n")
    totals = {"trades": 0, "refunds": 0, "trade_fen": 0, "refund_fen": 0, "fee_fen": 0}
    for row in rows:
        writer.writerow(_alipay_cells(row))
        if row.kind == "refund":
            totals["refunds"] += 1
            totals["refund_fen"] += row.amount_fen
            totals["fee_fen"] -= row.fee_fen
        else:
            totals["trades"] += 1
            totals["trade_fen"] += row.amount_fen
            totals["fee_fen"] += row.fee_fen
    values = {
        "trades": str(totals["trades"]),
        "trade_yuan": yuan(totals["trade_fen"]),
        "refunds": str(totals["refunds"]),
        "refund_yuan": yuan(-totals["refund_fen"]),
    }
    values.update(footer or {})
    now = datetime.now(CST)
    for line in (
        ALIPAY_DETAIL_END,
        f"#交易合计：{values['trades']}笔，商家实收共{values['trade_yuan']}元，商家优惠共0.00元",
        f"#退款合计：{values['refunds']}笔，商家实收退款共{values['refund_yuan']}元，商家优惠退款共0.00元",
        f"#导出时间：[{now:%Y年%m月%d日 %H:%M:%S}]",
    ):
        text.write(line + "\r\n")
    text.flush()
    text.detach()
    return totals


def alipay_summary_bytes(totals: dict[str, int], *, account: str, bill_date: str) -> bytes:
    """The GBK summary CSV (业务明细(汇总)): one store row and the 合计 row."""
    net = totals["trade_fen"] - totals["refund_fen"]
    fee = yuan(-totals["fee_fen"]) if totals["fee_fen"] else "0.00"
    row = [
        str(totals["trades"]), str(totals["refunds"]), yuan(net), yuan(net), "0.00", "0.00", "0.00", fee,
        "0.00", yuan(net - totals["fee_fen"]),
    ]  # fmt: skip
    lines = [
        "#支付宝业务汇总查询",
        f"#账号：[{account}]",
        f"#起始日期：[{bill_date} 00:00:00]   终止日期：[{bill_date} 23:59:59]",
        "#-----------------------------------------业务汇总列表----------------------------------------",
        ALIPAY_SUMMARY_HEADER,
        ",".join(["", "", *row]),
        ",".join(["合计", "", *row]),
        "#-----------------------------------------业务汇总列表结束------------------------------------",
        f"#导出时间：[{datetime.now(CST):%Y年%m月%d日 %H:%M:%S}]",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def write_alipay_bill(
    out: IO[bytes],
    rows: Iterable[BillRow],
    *,
    account: str,
    bill_date: str,
    footer: dict[str, str] | None = None,
    summary_totals: dict[str, int] | None = None,
) -> dict[str, int]:
    """Stream the whole zip (detail + summary) to `out`; returns the detail totals."""
    stem = f"{account}_{bill_date.replace('-', '')}"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open(f"{stem}_业务明细.csv", "w", force_zip64=True) as member:
            totals = write_alipay_detail(member, rows, account=account, bill_date=bill_date, footer=footer)
        zf.writestr(
            f"{stem}_业务明细(汇总).csv",
            alipay_summary_bytes(summary_totals or totals, account=account, bill_date=bill_date),
        )
    return totals


def alipay_bill_bytes(rows: Iterable[BillRow], *, account: str, bill_date: str, **kw: Any) -> bytes:
    buffer = io.BytesIO()
    write_alipay_bill(buffer, rows, account=account, bill_date=bill_date, **kw)
    return buffer.getvalue()


def _cst(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST)


def alipay_rows_from_fake(gateway: Any, bill_date: str) -> list[BillRow]:
    """Rows of `bill_date` from the Alipay fake's trades and refunds."""
    from mobile_mock.alipay_trade import _state

    rows: list[BillRow] = []
    with gateway.state.lock:
        state = _state(gateway)
        for trade in state["trades"].values():
            if not trade.get("gmt_payment", "").startswith(bill_date):
                continue
            total = int(Decimal(trade["total_amount"]) * 100)
            rows.append(
                BillRow(
                    kind="payment",
                    at=_cst(trade["gmt_payment"]),
                    created_at=_cst(trade["gmt_create"]),
                    transaction_id=trade["trade_no"],
                    out_trade_no=trade["out_trade_no"],
                    amount_fen=total,
                    description=trade["subject"],
                    fee_fen=fee_fen(total),
                )
            )
        for (out_trade_no, request_no), refund in state["refunds"].items():
            if not refund["gmt_refund_pay"].startswith(bill_date):
                continue
            trade = state["trades"][out_trade_no]
            total = int(Decimal(trade["total_amount"]) * 100)
            amount = int(Decimal(refund["refund_amount"]) * 100)
            rows.append(
                BillRow(
                    kind="refund",
                    at=_cst(refund["gmt_refund_pay"]),
                    created_at=_cst(trade["gmt_create"]),
                    transaction_id=trade["trade_no"],
                    out_trade_no=out_trade_no,
                    amount_fen=amount,
                    description=trade["subject"],
                    out_refund_no=request_no,
                    fee_fen=fee_fen(total) * amount // total,
                )
            )
    rows.sort(key=lambda r: r.at)
    return rows


# --- hooks into the fakes ------------------------------------------------------------------
def install(providers: Any) -> None:
    """Make the WeChat Pay and Alipay fakes serve bills in these formats (mobile_mock/server.py)."""
    wechatpay = providers.wechatpay
    state = wechatpay.state
    state.bill_not_ready: set[str] = set()  # type: ignore[misc]

    def trade_bill_text(bill_date: str) -> str:
        rows = wechat_rows_from_fake(wechatpay, bill_date)
        data = wechat_bill_bytes(rows, appid=wechatpay.keys.appid, mchid=wechatpay.keys.mchid)
        return data.decode("utf-8")

    original_route = wechatpay.route

    def route(request: Any, path: str, query: dict[str, list[str]]) -> Any:
        # Before ~10:00 the previous day's bill does not exist yet (NO_STATEMENT_EXIST).
        if path == "/v3/bill/tradebill" and query.get("bill_date", [""])[0] in state.bill_not_ready:
            return wechatpay._error(400, "NO_STATEMENT_EXIST", "账单尚未生成")
        return original_route(request, path, query)

    wechatpay.trade_bill_text = trade_bill_text
    wechatpay.route = route

    gateway = providers.alipay
    gateway.state.extra["bill_not_ready"] = set()

    def bill_url(gw: Any, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
        from mobile_mock.alipay_gateway import GatewayError
        from mobile_mock.alipay_trade import SELLER_ID, _state

        bill_date = str(biz.get("bill_date", ""))
        if bill_date in gw.state.extra["bill_not_ready"]:
            raise GatewayError("40004", "Business Failed", "isv.bill_not_exist", "账单不存在")
        seller = getattr(providers.alipay_trades.trades, "seller_id", SELLER_ID)
        data = alipay_bill_bytes(
            alipay_rows_from_fake(gw, bill_date), account=f"{seller}0156", bill_date=bill_date
        )
        token = secrets.token_urlsafe(12)
        with gw.state.lock:
            _state(gw)["bills"][token] = data
        base = gw.state.extra.get("public_base", "http://127.0.0.1")
        return {"code": "10000", "msg": "Success", "bill_download_url": f"{base}/alipay/_bills/{token}"}

    gateway.methods["alipay.data.dataservice.bill.downloadurl.query"] = bill_url


def rows_iter(n: int, *, day: str, prefix: str = "P", start: int = 0) -> Iterator[BillRow]:
    """`n` synthetic payment rows for `day` (benchmarks): out_trade_no `{prefix}{i:012d}`."""
    base = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=CST)
    for i in range(start, start + n):
        amount = 100 + (i % 50000)
        yield BillRow(
            kind="payment",
            at=base + timedelta(seconds=i % 86400),
            transaction_id=f"42{i:026d}",
            out_trade_no=f"{prefix}{i:012d}",
            amount_fen=amount,
            description="护照办理费,加急" if i % 10 == 0 else "居民身份证工本费",
            fee_fen=fee_fen(amount),
            openid="oSandbox" + f"{i:010d}",
        )
