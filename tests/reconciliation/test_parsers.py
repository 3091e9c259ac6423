"""Streaming bill parsers on files made by mobile_mock/bills.py and on hand-made broken files."""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest

from mobile_mock.bills import CST, BillRow, alipay_bill_bytes, fee_fen, wechat_bill_bytes
from payments.reconciliation.parsers import AlipayBillReader, BillFormatError, WechatBillReader

DAY = "2026-11-20"
AT = datetime(2026, 11, 20, 9, 30, tzinfo=CST)


def sample_rows() -> list[BillRow]:
    return [
        BillRow("payment", AT, "4200000001", "P001", 12000, "护照办理费,加急 \"特快\"", fee_fen=fee_fen(12000)),
        BillRow("payment", AT, "4200000002", "P002", 1, "工本费", fee_fen=fee_fen(1)),  # zero fee
        BillRow(
            "refund", AT, "4200000001", "P001", 5000, "护照办理费,加急 \"特快\"",
            out_refund_no="F001", refund_id="5000000001", fee_fen=25,
        ),
    ]  # fmt: skip


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_wechat_bill_parses_backticks_bom_refunds_and_summary(gzipped: bool) -> None:
    data = wechat_bill_bytes(sample_rows(), appid="wx1", mchid="1900000109")
    data = b"\xef\xbb\xbf" + data  # a BOM, defensively stripped
    if gzipped:
        data = gzip.compress(data)
    reader = WechatBillReader(io.BytesIO(data))

    rows = list(reader.rows())

    assert reader.errors == []
    assert [(r.kind, r.out_trade_no, r.out_refund_no, r.amount_fen) for r in rows] == [
        ("payment", "P001", "", 12000),
        ("payment", "P002", "", 1),
        ("refund", "P001", "F001", 5000),
    ]
    assert rows[0].description == '护照办理费,加急 "特快"'
    assert rows[0].fee == Decimal("0.72000") and rows[1].fee == 0 and rows[2].fee == Decimal("-0.25000")
    assert rows[0].merchant_id == "1900000109" and rows[0].lineno == 2
    assert rows[0].trade_time == AT
    assert reader.expectations() == {
        "count_all": 3,
        "settle_sum": 12001,
        "refund_sum": 5000,
        "fee_sum": Decimal("0.47000"),
    }


def test_wechat_bill_lines_are_crlf_with_backtick_fields() -> None:
    text = wechat_bill_bytes(sample_rows(), appid="wx1", mchid="1900000109").decode()
    lines = text.split("\r\n")
    assert lines[0].startswith("交易时间,公众账号ID") and "`" not in lines[0]
    assert lines[1].startswith("`2026-11-20 09:30:00,`wx1,`1900000109,`0,`,")
    assert lines[4].startswith("总交易单数") and lines[5].startswith("`3,`120.01,`50.00")
    assert "\n" not in text.replace("\r\n", "")


def test_wechat_malformed_rows_are_reported_with_their_line_numbers() -> None:
    text = wechat_bill_bytes(sample_rows(), appid="wx1", mchid="1900000109").decode()
    lines = text.split("\r\n")
    lines[2] = lines[2].replace("`0.01,", "`0.0x1,", 1)  # line 3: a broken amount
    lines[3] = ",".join(lines[3].split(",")[:10])  # line 4: too few fields
    lines.insert(4, "garbage in the middle")  # line 5
    reader = WechatBillReader(io.BytesIO("\r\n".join(lines).encode()))

    rows = list(reader.rows())

    assert [r.out_trade_no for r in rows] == ["P001"]
    assert [e.line for e in reader.errors] == [3, 4, 5]
    assert "应结订单金额 '0.0x1'" in reader.errors[0].message
    assert "expected 27 fields, found 10" in reader.errors[1].message


@pytest.mark.parametrize("size", [1, 7, 300, 1 << 20], ids=["1B", "7B", "300B", "1MiB"])
@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_wechat_detail_blocks_give_the_same_lines_errors_and_summary_as_line_by_line(
    size: int, gzipped: bool
) -> None:
    rows = sample_rows() * 40
    text = wechat_bill_bytes(rows, appid="wx1", mchid="1900000109").decode()
    lines = text.split("\r\n")
    lines.insert(61, "garbage in the middle")  # line 62, inside a block of detail rows
    lines.insert(63, "")  # a blank line is skipped, not an error
    data = "\r\n".join(lines).encode()
    data = gzip.compress(data) if gzipped else data
    by_line = WechatBillReader(io.BytesIO(data))
    expected = b"".join(raw for _lineno, raw in by_line.detail_lines())
    by_block = WechatBillReader(io.BytesIO(data))

    blocks = list(by_block.detail_blocks(size))

    assert b"".join(blocks) == expected and expected.count(b"\n") == len(rows)
    assert all(block.endswith(b"\r\n") for block in blocks)
    assert by_block.errors == by_line.errors and [e.line for e in by_block.errors] == [62]
    assert by_block.summary == by_line.summary and by_block.summary["总交易单数"] == str(len(rows))
    assert by_block.summary_line == by_line.summary_line == len(lines) - 1


def test_wechat_detail_blocks_name_text_after_the_summary_and_a_missing_summary() -> None:
    text = wechat_bill_bytes(sample_rows(), appid="wx1", mchid="1900000109").decode()
    after = WechatBillReader(io.BytesIO((text + "`late,`row\r\n").encode()))
    assert b"".join(after.detail_blocks()).count(b"\n") == 3
    assert [(e.line, e.message) for e in after.errors] == [(7, "text after the summary row")]
    cut = "\r\n".join(text.split("\r\n")[:4]) + "\r\n"
    missing = WechatBillReader(io.BytesIO(cut.encode()))
    list(missing.detail_blocks())
    assert [e.line for e in missing.errors] == [4] and "summary" in missing.errors[0].message


def test_wechat_bill_without_summary_is_an_error() -> None:
    text = wechat_bill_bytes(sample_rows(), appid="wx1", mchid="1900000109").decode()
    cut = "\r\n".join(text.split("\r\n")[:4]) + "\r\n"
    reader = WechatBillReader(io.BytesIO(cut.encode()))
    list(reader.rows())
    assert any("summary" in e.message for e in reader.errors)


def test_not_a_wechat_bill_fails_on_the_header() -> None:
    with pytest.raises(BillFormatError) as caught:
        list(WechatBillReader(io.BytesIO(b"a,b,c\r\n`1,`2,`3\r\n")).rows())
    assert caught.value.errors[0].line == 1


def test_alipay_gbk_zip_parses_comments_tabs_refunds_and_summary() -> None:
    data = alipay_bill_bytes(sample_rows(), account="20880000000000010156", bill_date=DAY)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        detail = zf.read(names[0]).decode("gbk")
    assert names[0].endswith("_业务明细.csv") and names[1].endswith("_业务明细(汇总).csv")
    assert detail.startswith("#支付宝业务明细查询\r\n#账号：[20880000000000010156]")
    assert "4200000001\t,P001\t,交易\t," in detail and "-50.00" in detail and "F001\t" in detail

    reader = AlipayBillReader(io.BytesIO(data))
    rows = list(reader.rows())

    assert reader.errors == []
    assert reader.merchant_id == "2088000000000001"
    assert [(r.kind, r.out_trade_no, r.out_refund_no, r.amount_fen, r.settle_fen) for r in rows] == [
        ("payment", "P001", "", 12000, 12000),
        ("payment", "P002", "", 1, 1),
        ("refund", "P001", "F001", 5000, -5000),
    ]
    assert rows[0].fee == Decimal("0.72") and rows[1].fee == 0 and rows[2].fee == Decimal("-0.25")
    assert rows[0].description == '护照办理费,加急 "特快"'
    assert rows[0].lineno == 6
    assert reader.expectations() == {
        "count_payment": 2,
        "settle_payment": 12001,
        "count_refund": 1,
        "settle_refund": -5000,
        "settle_sum": 7001,
        "fee_sum": Decimal("0.47"),
    }


def test_alipay_malformed_row_is_reported_with_its_line() -> None:
    data = alipay_bill_bytes(sample_rows(), account="20880000000000010156", bill_date=DAY)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in source.namelist():
            content = source.read(name)
            if "汇总" not in name:
                content = content.replace("交易\t,工本费".encode("gbk"), "交易\t,工本费,多一列".encode("gbk"))
            zf.writestr(name, content)
    reader = AlipayBillReader(io.BytesIO(out.getvalue()))

    rows = list(reader.rows())

    assert [r.out_trade_no for r in rows] == ["P001", "P001"]
    assert [(e.line, e.message) for e in reader.errors] == [(7, "expected 25 fields, found 26")]


def test_alipay_not_a_zip() -> None:
    with pytest.raises(BillFormatError):
        AlipayBillReader(io.BytesIO("#支付宝业务明细查询".encode("gbk")))
