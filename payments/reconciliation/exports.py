"""Streaming exports of the ledger (CSV, XLSX) and the PNG chart of daily totals and differences.

CSV rows are written to the response as they are read (`StreamingHttpResponse`); XLSX uses
openpyxl's write-only mode, which spools rows to a temporary file instead of building the
workbook in memory, and the file is then streamed. Amounts are integer fen; the provider fee
is in the summary report, not on ledger rows (a fee is not a ledger movement).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from payments.reconciliation.selectors import daily_series, ledger_movements

COLUMNS = (
    "at",
    "bill_number",
    "department_code",
    "channel",
    "provider",
    "kind",
    "amount_fen",
    "provider_ref",
    "out_trade_no",
    "out_refund_no",
)


def _values(row: dict[str, Any]) -> list[Any]:
    return [
        row["local_at"].isoformat(),
        row["bill__number"],
        row["bill__department_code"],
        row["channel"],
        row["provider"],
        row["kind"],
        row["amount_fen"],
        row["provider_ref"],
        row["order__out_trade_no"] or "",
        row["refund__out_refund_no"] or "",
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(*, date_from: date, date_to: date) -> Iterator[bytes]:
    """UTF-8 with BOM (spreadsheet programs then read the Chinese correctly), one row at a time."""
    writer = csv.writer(_Echo())
    yield "\ufeff".encode() + writer.writerow(COLUMNS).encode()
    for row in ledger_movements(date_from=date_from, date_to=date_to):
        yield writer.writerow(_values(row)).encode()


def xlsx_file(*, date_from: date, date_to: date) -> IO[bytes]:
    """The workbook in a temporary file (write-only mode: rows are not kept in memory)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("ledger")
    sheet.append(list(COLUMNS))
    for row in ledger_movements(date_from=date_from, date_to=date_to):
        sheet.append(_values(row))
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - handed to FileResponse, which closes it
    workbook.save(spool)
    spool.seek(0)
    return spool


def chart_png(*, date_from: date, date_to: date) -> bytes:
    """Bars of received (green) and refunded (red) per day, net as a line, differences in orange."""
    from PIL import Image, ImageDraw

    series = daily_series(date_from=date_from, date_to=date_to)
    width, height, margin = 900, 420, 50
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((margin, 10), f"Zhangban daily totals {date_from} - {date_to} (fen)", fill="black")
    draw.line((margin, height - margin, width - 20, height - margin), fill="black")
    draw.line((margin, 30, margin, height - margin), fill="black")
    if not series:
        draw.text((margin + 10, height // 2), "no movements in this range", fill="gray")
    else:
        top = max(max(d["received_fen"], d["refunded_fen"], abs(d["net_fen"]), 1) for d in series)
        most = max(max(d["differences"] for d in series), 1)
        slot = (width - margin - 30) / len(series)
        scale = (height - margin - 40) / top
        net_points = []
        for i, day in enumerate(series):
            x = margin + 5 + i * slot
            bar = max(2, slot / 3 - 2)
            base = height - margin
            draw.rectangle((x, base - day["received_fen"] * scale, x + bar, base), fill=(46, 160, 67))
            draw.rectangle(
                (x + bar, base - day["refunded_fen"] * scale, x + 2 * bar, base), fill=(207, 34, 46)
            )
            diff_height = day["differences"] / most * (height - margin - 40) / 3
            draw.rectangle((x + 2 * bar, base - diff_height, x + 3 * bar, base), fill=(240, 136, 62))
            net_points.append((x + bar, base - max(day["net_fen"], 0) * scale))
            if len(series) <= 31:
                draw.text((x, base + 5), day["date"][5:], fill="black")
        if len(net_points) > 1:
            draw.line(net_points, fill=(9, 105, 218), width=2)
    draw.text((width - 330, 10), "green received  red refunded  orange differences  blue net", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
