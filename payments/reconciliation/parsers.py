"""Streaming readers of the providers' bill files (PROTOCOLS.md §2 "Trade bill", §3 "Bill download").

Never the whole file in memory: both readers iterate lines of a (possibly gzip / zip) stream.

- `WechatBillReader`: UTF-8 (a BOM is dropped), CRLF, optional gzip; line 1 the header, then
  detail rows whose fields all start with a backtick, then `总交易单数,…` and one summary row.
- `AlipayBillReader`: a zip holding the GBK detail file (`#` comment lines around a header and
  the rows; id cells end in `\\t`; 业务类型 交易/退款; the `#交易合计`/`#退款合计` footer) and the
  separate summary file (`合计` row).

Each reader offers two views of the same scan:
- `detail_lines()` yields the raw detail lines as UTF-8 bytes (for PostgreSQL `COPY`; nothing
  is parsed per field in Python) and records the header/summary lines it skipped;
- `rows()` parses and validates every field in Python (the SQLite path, and the locator that
  names the malformed lines when PostgreSQL refuses a cast).
Structural problems (a line that is neither detail nor summary, a missing summary) and field
problems are collected as `LineError(line, message)`; the caller fails the run with them.

Sign conventions after parsing: `amount_fen` is the row's money, positive for payments and
refunds alike; `settle_fen` is the provider's settled-amount column as printed (signed);
`fee` is in yuan, positive when charged, negative when given back (WeChat 手续费 as printed;
Alipay 服务费 negated, because Alipay prints a charged fee as negative).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import IO, Any

CST = timezone(timedelta(hours=8))
MAX_ERRORS = 100

AMOUNT_RE = re.compile(r"^-?[0-9]+(\.[0-9]{1,2})?$")
FEE_RE = re.compile(r"^-?[0-9]+(\.[0-9]{1,5})?$")
TIME_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")
NOT_DETAIL = re.compile(rb"\n[^`]")  # a line (after the first of a block) that is not a detail row
# PostgreSQL refuses the same values by casting (engine.py): a non-number raises, more decimals
# than allowed becomes NULL in a NOT NULL column; either way this reader then names the lines.

WECHAT_COLUMNS = (  # noqa: SIM905 - the header exactly as the bill prints it
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
    "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
    "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"
).split(",")
WECHAT_STATES = {"SUCCESS": "payment", "REVOKED": "payment", "REFUND": "refund"}
ALIPAY_COLUMNS = (  # noqa: SIM905 - the header exactly as the bill prints it
    "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
    "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
    "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注"
).split(",")
ALIPAY_KINDS = {"交易": "payment", "退款": "refund"}


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "message": self.message}


class BillFormatError(Exception):
    """The file is not a bill of the expected kind, or some of its lines are malformed."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("; ".join(f"line {e.line}: {e.message}" for e in errors[:5]))
        self.errors = errors


@dataclass(frozen=True)
class ParsedRow:
    lineno: int
    kind: str  # payment | refund
    status: str  # SUCCESS | REFUND | REVOKED
    trade_time: datetime
    merchant_id: str
    trade_type: str
    transaction_id: str
    out_trade_no: str
    out_refund_no: str
    refund_id: str
    amount_fen: int
    settle_fen: int
    fee: Decimal
    description: str


def fen(text: str) -> int:
    """'12.30' → 1230 (the caller checked AMOUNT_RE: at most two decimals, so exact)."""
    return int(Decimal(text) * 100)


def open_maybe_gzip(raw: IO[bytes]) -> IO[bytes]:
    """The stream itself, or a gunzipping view of it when it starts with the gzip magic."""
    if hasattr(raw, "peek"):
        magic = raw.peek(2)[:2]
    else:
        magic = raw.read(2)
        raw.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


@dataclass
class Expectations:
    """Totals the bill states about itself; the staged rows must add up to each of them."""

    values: dict[str, Any] = field(default_factory=dict)


# --- WeChat Pay --------------------------------------------------------------------------------
class WechatBillReader:
    provider = "wechatpay"
    columns = len(WECHAT_COLUMNS)

    def __init__(self, raw: IO[bytes]) -> None:
        self.stream = open_maybe_gzip(raw)
        self.errors: list[LineError] = []
        self.first_detail_line = 2
        self.summary: dict[str, str] = {}
        self.merchant_id = ""
        self._scanned = False

    def _error(self, line: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(LineError(line, message))

    def _header(self) -> None:
        """Line 1 must be the 27-column header exactly (a BOM is dropped)."""
        text = self.stream.readline().decode("utf-8", "replace").lstrip("\ufeff").strip()
        self._lineno = 1
        self._state = "detail"
        self._summary_header: list[str] = []
        if text.split(",") != WECHAT_COLUMNS:
            self._error(1, "not a WeChat Pay trade bill of type ALL (unexpected header)")
            raise BillFormatError(self.errors)

    def _line(self, lineno: int, raw: bytes) -> bool:
        """One line after the header through the state machine; True when it is a detail row."""
        if self._state == "detail":
            if raw[:1] == b"`":
                return True
            text = raw.decode("utf-8", "replace").strip()
            if not text:
                return False
            if text.startswith("总交易单数"):
                self._summary_header = text.split(",")
                self._state = "summary"
                return False
            self._error(lineno, "neither a detail row (backtick fields) nor the summary header")
        elif self._state == "summary":
            text = raw.decode("utf-8", "replace").strip()
            if not text:
                return False
            values = [v.strip().lstrip("`") for v in next(csv.reader([text]))]
            if len(values) != len(self._summary_header):
                self._error(lineno, "summary row does not match the summary header")
            self.summary = dict(zip(self._summary_header, values, strict=False))
            self.summary_line = lineno
            self._state = "done"
        elif raw.strip():
            self._error(lineno, "text after the summary row")
        return False

    def _finish(self) -> None:
        if self._state != "done":
            self._error(self._lineno, "the summary (总交易单数 …) is missing")
        self._scanned = True

    def detail_lines(self) -> Iterator[tuple[int, bytes]]:
        """(line number, raw detail line) for every detail row; header and summary are recorded."""
        self._header()
        for raw in self.stream:
            self._lineno += 1
            if self._line(self._lineno, raw):
                yield self._lineno, raw
        self._finish()

    def detail_blocks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """The detail rows in blocks of about `size` bytes of whole lines, for COPY.

        No Python work per line where a block holds detail rows only (every line starts with a
        backtick: one regular-expression scan for a line that does not tells); a block with
        anything else in it (the summary at the end, a stray line) goes through the line state
        machine, which records the summary and names the lines it refuses. Gzip is inflated
        chunk by chunk by the stream itself.
        """
        self._header()
        carry = b""
        while chunk := self.stream.read(size):
            data = carry + chunk if carry else chunk
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                carry = data
                continue
            block, carry = (data, b"") if cut == len(data) else (data[:cut], data[cut:])
            if (
                self._state == "detail"
                and block[:1] == b"`"
                and not NOT_DETAIL.search(block, 0, len(block) - 1)
            ):
                self._lineno += block.count(b"\n")
                yield block
                continue
            yield from self._slow_block(block)
        if carry:
            yield from self._slow_block(carry)
        self._finish()

    def _slow_block(self, block: bytes) -> Iterator[bytes]:
        keep: list[bytes] = []
        start = 0
        while start < len(block):
            end = block.find(b"\n", start) + 1 or len(block)
            raw = block[start:end]
            start = end
            self._lineno += 1
            if self._line(self._lineno, raw):
                keep.append(raw)
        if keep:
            yield b"".join(keep)

    def expectations(self) -> dict[str, Any]:
        """What the summary row says: count, settled total, refund total, fee total."""
        s = self.summary
        line = getattr(self, "summary_line", 0)
        out: dict[str, Any] = {}
        try:
            out["count_all"] = int(s["总交易单数"])
            out["settle_sum"] = _strict_fen(s["应结订单总金额"])
            out["refund_sum"] = _strict_fen(s["退款总金额"])
            out["fee_sum"] = _strict_fee(s["手续费总金额"])
        except (KeyError, ValueError) as exc:
            self._error(line, f"summary value missing or not a number: {exc}")
        return out

    def rows(self) -> Iterator[ParsedRow]:
        for lineno, raw in self.detail_lines():
            text = raw.decode("utf-8", "replace").rstrip("\r\n")
            fields = next(csv.reader([text]))
            if len(fields) != self.columns:
                self._error(lineno, f"expected {self.columns} fields, found {len(fields)}")
                continue
            f = [v[1:] if v.startswith("`") else v for v in fields]
            row = self._row(lineno, f)
            if row is not None:
                yield row

    def _row(self, lineno: int, f: list[str]) -> ParsedRow | None:
        kind = WECHAT_STATES.get(f[9])
        problems = []
        if kind is None:
            problems.append(f"交易状态 {f[9]!r} is not SUCCESS, REFUND or REVOKED")
        if not TIME_RE.match(f[0]):
            problems.append(f"交易时间 {f[0]!r} is not yyyy-MM-dd HH:mm:ss")
        for index in (12, 16, 24, 25):
            if not AMOUNT_RE.match(f[index]):
                problems.append(f"{WECHAT_COLUMNS[index]} {f[index]!r} is not an amount in yuan")
        if not FEE_RE.match(f[22]):
            problems.append(f"手续费 {f[22]!r} is not an amount")
        if not f[6]:
            problems.append("商户订单号 is empty")
        when = None
        if not problems:
            try:
                when = datetime.strptime(f[0], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST)
            except ValueError:
                problems.append(f"交易时间 {f[0]!r} is not a date")
        if problems or when is None or kind is None:
            self._error(lineno, "; ".join(problems))
            return None
        refund = kind == "refund"
        return ParsedRow(
            lineno=lineno,
            kind=kind,
            status=f[9],
            trade_time=when,
            merchant_id=f[2],
            trade_type=f[8],
            transaction_id=f[5],
            out_trade_no=f[6],
            out_refund_no=f[15] if refund else "",
            refund_id=f[14] if refund else "",
            amount_fen=fen(f[25]) if refund else fen(f[24]),
            settle_fen=fen(f[12]),
            fee=Decimal(f[22]),
            description=f[20],
        )


def _strict_fen(text: str) -> int:
    if not AMOUNT_RE.match(text.strip()):
        raise ValueError(text)
    return fen(text.strip())


def _strict_fee(text: str) -> Decimal:
    if not FEE_RE.match(text.strip()):
        raise ValueError(text)
    return Decimal(text.strip())


# --- Alipay ------------------------------------------------------------------------------------
TRADE_FOOTER = re.compile(r"^#交易合计：(\d+)笔，商家实收共(-?[0-9.]+)元")
REFUND_FOOTER = re.compile(r"^#退款合计：(\d+)笔，商家实收退款共(-?[0-9.]+)元")
ACCOUNT_LINE = re.compile(r"^#账号：\[(\d+)\]")


class AlipayBillReader:
    provider = "alipay"
    columns = len(ALIPAY_COLUMNS)

    def __init__(self, raw: IO[bytes]) -> None:
        self.errors: list[LineError] = []
        self.first_detail_line = 0
        self.footer: dict[str, str] = {}
        self.summary: dict[str, str] = {}
        self.merchant_id = ""
        try:
            self.zip = zipfile.ZipFile(raw)
        except zipfile.BadZipFile:
            self.errors.append(LineError(0, "not a zip archive (an Alipay bill is a zip of CSV files)"))
            raise BillFormatError(self.errors) from None
        names = self.zip.namelist()
        details = [n for n in names if n.endswith(".csv") and "汇总" not in n]
        summaries = [n for n in names if n.endswith(".csv") and "汇总" in n]
        if len(details) != 1 or len(summaries) != 1:
            self.errors.append(LineError(0, "the zip must hold one detail CSV and one summary (汇总) CSV"))
            raise BillFormatError(self.errors)
        self.detail_name, self.summary_name = details[0], summaries[0]

    def _error(self, line: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(LineError(line, message))

    def _text_lines(self, name: str) -> Iterator[tuple[int, str]]:
        with self.zip.open(name) as member:
            text = io.TextIOWrapper(member, encoding="gbk", errors="strict", newline="")
            lineno = 0
            try:
                for line in text:
                    lineno += 1
                    yield lineno, line
            except UnicodeDecodeError:
                self._error(lineno + 1, f"{name}: not GBK text")

    def detail_lines(self) -> Iterator[tuple[int, bytes]]:
        state = "head"
        for lineno, line in self._text_lines(self.detail_name):
            if line.startswith("#"):
                if state == "rows":
                    state = "foot"
                if match := ACCOUNT_LINE.match(line):
                    account = match.group(1)
                    self.merchant_id = account[:-4] if account.endswith("0156") else account
                elif match := TRADE_FOOTER.match(line):
                    self.footer["trades"], self.footer["trade_yuan"] = match.groups()
                elif match := REFUND_FOOTER.match(line):
                    self.footer["refunds"], self.footer["refund_yuan"] = match.groups()
                continue
            if not line.strip():
                continue
            if state == "head":
                if line.strip().split(",") != ALIPAY_COLUMNS:
                    self._error(lineno, "not an Alipay trade bill (unexpected column header)")
                    raise BillFormatError(self.errors)
                state = "rows"
                self.first_detail_line = lineno + 1
                continue
            if state == "rows":
                yield lineno, line.encode("utf-8")
            else:
                self._error(lineno, "a data line after the end of the detail list")
        if "trades" not in self.footer or "refunds" not in self.footer:
            self._error(0, f"{self.detail_name}: the #交易合计 / #退款合计 footer is missing")
        self._read_summary()

    def _read_summary(self) -> None:
        header: list[str] = []
        for lineno, line in self._text_lines(self.summary_name):
            if line.startswith("#") or not line.strip():
                continue
            cells = [c.strip() for c in next(csv.reader([line]))]
            if not header:
                header = cells
                continue
            if cells and cells[0] == "合计":
                self.summary = dict(zip(header, cells, strict=False))
                self.summary_line = lineno
        if not self.summary:
            self._error(0, f"{self.summary_name}: the 合计 row is missing")

    def expectations(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        try:
            out["count_payment"] = int(self.footer["trades"])
            out["settle_payment"] = _strict_fen(self.footer["trade_yuan"])
            out["count_refund"] = int(self.footer["refunds"])
            out["settle_refund"] = _strict_fen(self.footer["refund_yuan"])
        except (KeyError, ValueError) as exc:
            self._error(0, f"detail footer value missing or not a number: {exc}")
        try:
            s = self.summary
            if int(s["交易订单总笔数"]) != out.get("count_payment") or int(s["退款订单总笔数"]) != out.get(
                "count_refund"
            ):
                self._error(
                    getattr(self, "summary_line", 0), "summary file counts differ from the detail footer"
                )
            out["settle_sum"] = _strict_fen(s["商家实收（元）"])
            out["fee_sum"] = -_strict_fee(s["服务费（元）"])
        except (KeyError, ValueError) as exc:
            self._error(getattr(self, "summary_line", 0), f"summary value missing or not a number: {exc}")
        return out

    def rows(self) -> Iterator[ParsedRow]:
        for lineno, raw in self.detail_lines():
            fields = next(csv.reader([raw.decode("utf-8").rstrip("\r\n")]))
            if len(fields) != self.columns:
                self._error(lineno, f"expected {self.columns} fields, found {len(fields)}")
                continue
            row = self._row(lineno, [v.strip() for v in fields])
            if row is not None:
                yield row

    def _row(self, lineno: int, f: list[str]) -> ParsedRow | None:
        kind = ALIPAY_KINDS.get(f[2])
        problems = []
        if kind is None:
            problems.append(f"业务类型 {f[2]!r} is not 交易 or 退款")
        if not TIME_RE.match(f[5]):
            problems.append(f"完成时间 {f[5]!r} is not yyyy-MM-dd HH:mm:ss")
        for index in (11, 12):
            if not AMOUNT_RE.match(f[index]):
                problems.append(f"{ALIPAY_COLUMNS[index]} {f[index]!r} is not an amount in yuan")
        if not FEE_RE.match(f[22] or "0"):
            problems.append(f"服务费 {f[22]!r} is not an amount")
        if not f[1]:
            problems.append("商户订单号 is empty")
        if kind == "refund" and not f[21]:
            problems.append("退款批次号/请求号 is empty on a refund row")
        when = None
        if not problems:
            try:
                when = datetime.strptime(f[5], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST)
            except ValueError:
                problems.append(f"完成时间 {f[5]!r} is not a date")
        if problems or when is None or kind is None:
            self._error(lineno, "; ".join(problems))
            return None
        return ParsedRow(
            lineno=lineno,
            kind=kind,
            status="REFUND" if kind == "refund" else "SUCCESS",
            trade_time=when,
            merchant_id=self.merchant_id,
            trade_type="JSAPI",
            transaction_id=f[0],
            out_trade_no=f[1],
            out_refund_no=f[21] if kind == "refund" else "",
            refund_id="",
            amount_fen=abs(fen(f[11])),
            settle_fen=fen(f[12]),
            fee=-Decimal(f[22] or "0"),
            description=f[3],
        )


def reader_for(provider: str, raw: IO[bytes]) -> WechatBillReader | AlipayBillReader:
    if provider == "wechatpay":
        return WechatBillReader(raw)
    if provider == "alipay":
        return AlipayBillReader(raw)
    raise ValueError(f"no bill format for provider {provider!r}")
