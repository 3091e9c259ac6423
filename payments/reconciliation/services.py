"""Reconciliation's write side: store bill files, run a day, resolve difference cases.

    bill_file_store(provider=…, bill_date=…, stream=…, source=…) -> BillFile
    reconciliation_run(bill_file=…, staff=None) -> ReconciliationRun   (raises ReconciliationFailed)
    case_requery / case_refund / case_write_off(case_id=…, staff=…, …) -> DifferenceCase

Payments' own writers do every money state change (`order_sync` → `order_apply_paid`,
`refund_sync`, `refund_create`): reconciliation never touches orders, refunds or the ledger
itself. Provider calls happen outside our transactions.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from datetime import date
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _t

from backend.core.audit import audit_record
from payments.models import LedgerEntry, PaymentOrder, Refund
from payments.reconciliation import engine, errors, fees, matching
from payments.reconciliation.constants import (
    MATCHED,
    CaseCategory,
    CaseResolution,
    CaseState,
    LineKind,
    RunState,
)
from payments.reconciliation.models import BillFile, CaseAction, DailyFee, DifferenceCase, ReconciliationRun
from payments.reconciliation.parsers import BillFormatError, LineError, reader_for

logger = logging.getLogger(__name__)
CHUNK = 1 << 20


# --- raw bill files -----------------------------------------------------------------------------
def bill_file_store(
    *,
    provider: str,
    bill_date: date,
    stream: IO[bytes],
    source: str,
    uploaded_by: Any = None,
    original_name: str = "",
    merchant_id: str = "",
) -> BillFile:
    """Keep a bill exactly as received, named by its SHA-256; the same bytes twice are one row.

    Streams through a temporary file (never the whole file in memory). Side effects: the
    file in storage, the row, audit `reconciliation.bill_file.store`.
    """
    digest = hashlib.sha256()
    size = 0
    with tempfile.TemporaryFile() as spool:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            spool.write(chunk)
            size += len(chunk)
        if size == 0:
            raise errors.BillFileInvalid(_t("The bill file is empty."))
        sha256 = digest.hexdigest()
        existing = BillFile.objects.filter(sha256=sha256).first()
        if existing is not None:
            return existing
        spool.seek(0)
        name = f"reconciliation/bills/{provider}/{bill_date:%Y%m%d}-{sha256}"
        if not default_storage.exists(name):
            name = default_storage.save(name, File(spool))
    with transaction.atomic():
        bill_file, created = BillFile.objects.get_or_create(
            sha256=sha256,
            defaults={
                "provider": provider,
                "merchant_id": merchant_id,
                "bill_date": bill_date,
                "source": source,
                "size": size,
                "storage_name": name,
                "original_name": original_name[:200],
                "uploaded_by": uploaded_by if getattr(uploaded_by, "pk", None) else None,
            },
        )
        if created:
            audit_record(
                action="reconciliation.bill_file.store",
                actor=uploaded_by,
                obj=bill_file,
                detail={
                    "provider": provider,
                    "bill_date": str(bill_date),
                    "sha256": sha256,
                    "source": source,
                },
            )
    return bill_file


def bill_file_open(bill_file: BillFile, *, check: bool = True) -> IO[bytes]:
    """The stored bytes, checked against the SHA-256 recorded when they arrived (streamed).

    `check=False`: the caller checks them as it reads them (`DigestingStream`).
    """
    try:
        path = default_storage.path(bill_file.storage_name)
    except NotImplementedError:
        handle: IO[bytes] = default_storage.open(bill_file.storage_name, "rb")
    else:
        handle = open(path, "rb")  # noqa: SIM115 - the caller closes it
    if check:
        try:
            _check_whole(handle, bill_file.sha256)
        except errors.ReconciliationFailed:
            handle.close()
            raise
    return handle


def _sha256_refused() -> errors.ReconciliationFailed:
    return errors.ReconciliationFailed(_t("The stored bill file no longer matches its SHA-256."))


def _check_whole(handle: IO[bytes], sha256: str) -> None:
    """Read the whole file for its digest, then rewind it for the reader."""
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise _sha256_refused()
    handle.seek(0)


class DigestingStream:
    """A stored WeChat bill read once: its SHA-256 computed from the bytes as staging reads them.

    Saves the separate read of the whole file before staging. Staging happens inside the run's
    transaction, and `verify` runs before anything of the staged lines is used — also when
    staging failed, so that a file changed since it arrived is reported as that, not as
    malformed lines.
    """

    def __init__(self, handle: IO[bytes], sha256: str) -> None:
        self._handle = handle
        self._sha256 = sha256
        self._digest = hashlib.sha256()

    def peek(self, size: int = 0) -> bytes:
        return self._handle.peek(size)  # type: ignore[attr-defined]

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._digest.update(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._handle.readline(size)
        self._digest.update(data)
        return data

    def __iter__(self) -> DigestingStream:
        return self

    def __next__(self) -> bytes:
        if line := self.readline():
            return line
        raise StopIteration

    def verify(self) -> None:
        """Read what staging left unread; raise ReconciliationFailed when the digest differs."""
        while self.read(CHUNK):
            pass
        if self._digest.hexdigest() != self._sha256:
            raise _sha256_refused()


def _bill_stream(bill_file: BillFile, handle: IO[bytes]) -> tuple[IO[bytes], DigestingStream | None]:
    """The stream to stage from, and its digest check when it is folded into the read."""
    if bill_file.provider == "wechatpay" and hasattr(handle, "peek"):
        stream = DigestingStream(handle, bill_file.sha256)
        return stream, stream  # type: ignore[return-value]
    _check_whole(handle, bill_file.sha256)  # Alipay's zip is read by seeking: checked first
    return handle, None


# --- runs -----------------------------------------------------------------------------------------
def _use_copy() -> bool:
    return connection.vendor == "postgresql"


def _lock_day(run: ReconciliationRun) -> None:
    """Serialise runs of the same provider and day (the beat job and a staff re-run may meet)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))",
                [f"reconciliation:{run.provider}:{run.bill_date}"],
            )


def _fail(run: ReconciliationRun, message: str, line_errors: list[LineError] | None = None) -> None:
    ReconciliationRun.objects.filter(pk=run.pk).update(
        state=RunState.FAILED,
        finished_at=timezone.now(),
        failure=message[:2000],
        errors=[e.as_dict() for e in (line_errors or [])],
    )
    audit_record(
        action="reconciliation.run.failed",
        actor=run.started_by,
        obj=run,
        detail={"failure": message[:500], "lines": [e.line for e in (line_errors or [])][:50]},
    )
    logger.error("reconciliation %s %s %s failed: %s", run.provider, run.bill_date, run.pk, message)


def reconciliation_run(
    *, bill_file: BillFile, staff: Any = None, method: str | None = None
) -> ReconciliationRun:
    """Reconcile one bill file: stage its lines, check its totals, classify, update the cases.

    Fails LOUDLY (run `failed` with the reasons and line numbers, error log, audit row, and
    `ReconciliationFailed` raised) when a line is malformed or the rows do not add up to the
    bill's own summary; nothing is staged or classified then. Re-running a day makes a new run
    whose results replace the old ones; cases keep the decisions already taken.
    After commit, `provider_only` payments of orders we know are recovered through payments.
    `method` forces "copy" or "python" (tests compare them on PostgreSQL).
    """
    method = method or ("copy" if _use_copy() else "python")
    run = ReconciliationRun.objects.create(
        provider=bill_file.provider,
        merchant_id=bill_file.merchant_id,
        bill_date=bill_file.bill_date,
        bill_file=bill_file,
        started_by=staff if getattr(staff, "pk", None) else None,
        method=method,
    )
    try:
        with bill_file_open(bill_file, check=False) as handle:
            stream, digesting = _bill_stream(bill_file, handle)
            reader = reader_for(bill_file.provider, stream)
            with transaction.atomic():
                _lock_day(run)
                engine.tables_begin(run.pk)
                try:
                    stage = (engine.stage_copy if method == "copy" else engine.stage_python)(reader)
                finally:
                    if digesting is not None:
                        digesting.verify()
                if stage.errors:
                    raise BillFormatError(stage.errors)
                expected = reader.expectations()
                if reader.errors:
                    raise BillFormatError(reader.errors)
                started = time.perf_counter()
                result = matching.match(
                    stage, provider=run.provider, bill_date=run.bill_date, merchant=reader.merchant_id
                )
                stage.seconds["match"] = time.perf_counter() - started
                staged = engine.aggregates(result.groups)
                problems = engine.summary_differences(expected, staged)
                merchants = {m for m in result.merchant_ids if m}
                if len(merchants) > 1:
                    problems.append(f"the bill holds more than one merchant: {sorted(merchants)}")
                if problems:
                    raise engine.StagingFailed(
                        "totals do not match the bill's summary: " + "; ".join(problems)
                    )
                merchant = next(iter(merchants), "") or bill_file.merchant_id
                _finish(run, merchant=merchant, stage=stage, result=result, expected=expected, staged=staged)
    except BillFormatError as exc:
        _fail(run, _t("Malformed bill lines."), exc.errors)
        raise errors.ReconciliationFailed(
            _t("The bill has malformed lines."),
            extra={"run_id": str(run.pk), "lines": [e.as_dict() for e in exc.errors[:50]]},
        ) from exc
    except errors.ReconciliationFailed as exc:  # the stored file no longer matches its SHA-256
        _fail(run, str(exc.detail))
        raise
    except engine.StagingFailed as exc:
        line_errors: list[LineError] = []
        if "totals do not match" not in str(exc):
            with bill_file_open(bill_file) as handle:
                line_errors = engine.locate_errors(reader_for(bill_file.provider, handle))
        _fail(run, str(exc), line_errors)
        raise errors.ReconciliationFailed(
            str(exc)[:300], extra={"run_id": str(run.pk), "lines": [e.as_dict() for e in line_errors[:50]]}
        ) from exc
    run.refresh_from_db()
    case_auto_recover(run=run)
    run.refresh_from_db()
    return run


def _finish(
    run: ReconciliationRun,
    *,
    merchant: str,
    stage: engine.StageResult,
    result: matching.Match,
    expected: dict[str, Any],
    staged: dict[str, Any],
) -> None:
    # The fee split (reports only) is its own statement after the match, timed on its own.
    started = time.perf_counter()
    split = fees.fees_split(
        stage,
        provider=run.provider,
        bill_date=run.bill_date,
        line_fees=staged["fee_sum"],
        merchant=merchant,
        pending=bool(result.pending),
    )
    fees.fees_store(split, run=run)
    stage.seconds["fees"] = time.perf_counter() - started
    started = time.perf_counter()
    engine.tables_drop()
    run.merchant_id = merchant
    run.state = RunState.SUCCEEDED
    run.finished_at = timezone.now()
    run.line_count = result.line_count
    run.counts = result.counts
    run.totals = {
        "bill": {k: str(v) for k, v in expected.items()},
        "rows": {k: str(v) for k, v in staged.items()},
        "channels": engine.channel_totals(result.groups),
        "seconds": {},
    }
    run.save(update_fields=["merchant_id", "state", "finished_at", "line_count", "counts", "totals"])
    # Only the latest run of a day counts in the reports.
    DailyFee.objects.filter(provider=run.provider, bill_date=run.bill_date).exclude(run=run).delete()
    _cases_update(run, result.differences)
    stage.seconds["store"] = time.perf_counter() - started
    run.totals["seconds"] = {k: round(v, 3) for k, v in stage.seconds.items()}
    ReconciliationRun.objects.filter(pk=run.pk).update(totals=run.totals)
    audit_record(
        action="reconciliation.run.succeeded",
        actor=run.started_by,
        obj=run,
        detail={"lines": result.line_count, "counts": result.counts},
    )


def _case_values(run: ReconciliationRun, diff: dict[str, Any]) -> dict[str, Any]:
    refund = diff["kind"] == LineKind.REFUND
    local_fen = diff["refund_fen"] if refund else diff["ledger_fen"]
    return {
        "category": diff["category"],
        "out_trade_no": diff["out_trade_no"] or "",
        "transaction_id": diff["transaction_id"] or "",
        "provider_amount_fen": diff["provider_fen"],
        "local_amount_fen": local_fen,
        "provider_status": diff["provider_status"] or "",
        "local_state": (diff["refund_state"] if refund else diff["order_state"]) or "",
        "order_id": diff["order_id"],
        "refund_id": diff["refund_id"],
        "last_run": run,
    }


def _cases_update(run: ReconciliationRun, differences: list[dict[str, Any]]) -> None:
    """Upsert one case per difference; open cases that no longer differ are cleared.

    Resolved cases keep their resolution (a decision taken is never undone by a re-run).
    """
    seen: set[tuple[str, str]] = set()
    for diff in differences:
        reference = diff["out_refund_no"] if diff["kind"] == LineKind.REFUND else diff["out_trade_no"]
        key = (diff["kind"], reference or diff["transaction_id"] or "")
        seen.add(key)
        values = _case_values(run, diff)
        case = DifferenceCase.objects.filter(
            provider=run.provider,
            merchant_id=run.merchant_id,
            bill_date=run.bill_date,
            kind=key[0],
            reference=key[1],
        ).first()
        if case is None:
            case = DifferenceCase.objects.create(
                provider=run.provider,
                merchant_id=run.merchant_id,
                bill_date=run.bill_date,
                kind=key[0],
                reference=key[1],
                first_run=run,
                **values,
            )
            CaseAction.objects.create(case=case, action="opened", outcome={"run": str(run.pk)})
            continue
        fields = list(values)
        for name, value in values.items():
            setattr(case, name, value)
        if case.state == CaseState.CLEARED:
            case.state = CaseState.OPEN
            fields.append("state")
            CaseAction.objects.create(case=case, action="reopened", outcome={"run": str(run.pk)})
        case.save(update_fields=[*fields, "updated_at"])
    stale = DifferenceCase.objects.filter(
        provider=run.provider, merchant_id=run.merchant_id, bill_date=run.bill_date, state=CaseState.OPEN
    ).exclude(last_run=run)
    for case in stale:
        if (case.kind, case.reference) in seen:
            continue
        case.state = CaseState.CLEARED
        case.last_run = run
        case.save(update_fields=["state", "last_run", "updated_at"])
        CaseAction.objects.create(case=case, action="cleared", outcome={"run": str(run.pk)})
    # Resolved cases that were seen again point at the latest run; their decision stays.


# --- resolution -------------------------------------------------------------------------------------
def _difference_settled(case: DifferenceCase) -> bool:
    """Whether our ledger now agrees with what the provider's bill said for this case."""
    if case.kind == LineKind.PAYMENT:
        if case.order_id is None or case.provider_amount_fen is None:
            return False
        entry = LedgerEntry.objects.filter(order_id=case.order_id, kind="payment").first()
        return entry is not None and entry.amount_fen == case.provider_amount_fen
    if case.refund_id is None or case.provider_amount_fen is None:
        return False
    refund = Refund.objects.filter(pk=case.refund_id).first()
    return (
        refund is not None and refund.state == "succeeded" and refund.amount_fen == case.provider_amount_fen
    )


def _record_action(
    case: DifferenceCase, *, action: str, actor: Any, note: str = "", outcome: dict[str, Any] | None = None
) -> None:
    CaseAction.objects.create(
        case=case, action=action, actor=actor if getattr(actor, "pk", None) else None, note=note,
        outcome=outcome or {},
    )  # fmt: skip
    audit_record(
        action=f"reconciliation.case.{action}",
        actor=actor,
        obj=case,
        detail={"category": case.category, "reference": case.reference, **(outcome or {})},
    )


def _resolve(
    case_id: Any, *, resolution: str, actor: Any, action: str, note: str, outcome: dict[str, Any]
) -> DifferenceCase:
    with transaction.atomic():
        case = DifferenceCase.objects.select_for_update().get(pk=case_id)
        if case.state != CaseState.OPEN:
            raise errors.CaseNotOpen()
        case.state = CaseState.RESOLVED
        case.resolution = resolution
        case.note = note
        case.resolved_by = actor if getattr(actor, "pk", None) else None
        case.resolved_at = timezone.now()
        case.save(update_fields=["state", "resolution", "note", "resolved_by", "resolved_at", "updated_at"])
        _record_action(case, action=action, actor=actor, note=note, outcome=outcome)
    return case


def _open_case(case_id: Any) -> DifferenceCase:
    case = DifferenceCase.objects.get(pk=case_id)
    if case.state != CaseState.OPEN:
        raise errors.CaseNotOpen()
    return case


def case_requery(*, case_id: Any, staff: Any) -> DifferenceCase:
    """Ask the provider again and apply its answer through payments (missed-callback recovery).

    A payment case re-queries its order (`payments.services.order_sync`: a paid trade is applied
    once by `order_apply_paid`); a refund case re-queries its refund (`refund_sync`). When our
    ledger then agrees with the bill the case is resolved as `recovered`; otherwise it stays
    open with the answer recorded. Every attempt is audited.
    Errors: `case_not_open`, `case_action_not_allowed` (no order/refund of ours to query).
    """
    from payments import services as payment_services

    case = _open_case(case_id)
    if case.kind == LineKind.PAYMENT and case.order_id is not None:
        state = payment_services.order_sync(order_id=case.order_id)
    elif case.kind == LineKind.REFUND and case.refund_id is not None:
        state = payment_services.refund_sync(refund_id=case.refund_id)
    else:
        raise errors.CaseActionNotAllowed(
            _t("There is no order or refund of ours to query for this difference.")
        )
    outcome = {"state_after_query": str(state)}
    if _difference_settled(case):
        return _resolve(
            case.pk,
            resolution=CaseResolution.RECOVERED,
            actor=staff,
            action="requery",
            note="",
            outcome=outcome,
        )
    with transaction.atomic():
        _record_action(case, action="requery", actor=staff, outcome={**outcome, "settled": False})
    return case


def case_refund(*, case_id: Any, staff: Any, amount_fen: int, note: str) -> DifferenceCase:
    """Pay money back for a difference (e.g. an amount charged twice or too much) via payments.

    Uses `payments.services.refund_create` on the case's bill (never more than was paid), then
    resolves the case as `refunded`. Errors: `case_not_open`, `case_action_not_allowed` (no
    bill of ours), and payments' own `refund_not_allowed` / `refund_exceeds_paid`.
    """
    from payments import services as payment_services

    case = _open_case(case_id)
    order = (
        PaymentOrder.objects.filter(pk=case.order_id).select_related("bill").first()
        if case.order_id
        else None
    )
    if order is None:
        raise errors.CaseActionNotAllowed(_t("Only a difference on one of our bills can be refunded here."))
    refund = payment_services.refund_create(
        bill=order.bill, amount_fen=amount_fen, reason=note or "对账差错退款", staff=staff
    )
    return _resolve(
        case.pk,
        resolution=CaseResolution.REFUNDED,
        actor=staff,
        action="refund",
        note=note,
        outcome={"refund": str(refund.pk), "amount_fen": amount_fen, "refund_state": refund.state},
    )


def case_write_off(*, case_id: Any, staff: Any, note: str) -> DifferenceCase:
    """Accept a difference with a written reason (核销). Errors: `case_not_open`."""
    _open_case(case_id)
    return _resolve(
        case_id, resolution=CaseResolution.WRITTEN_OFF, actor=staff, action="write_off", note=note, outcome={}
    )


def case_auto_recover(*, run: ReconciliationRun) -> int:
    """After a run: open `provider_only` payments of orders we know are recovered automatically.

    The provider is asked once per order (payments' `order_sync`, the same path as the active
    query for a lost callback); a provider error leaves the case open for staff. Returns how
    many cases were recovered.
    """
    from payments import services as payment_services
    from payments.providers.base import ProviderError

    recovered = 0
    cases = DifferenceCase.objects.filter(
        last_run=run,
        state=CaseState.OPEN,
        category=CaseCategory.PROVIDER_ONLY,
        kind=LineKind.PAYMENT,
        order__isnull=False,
    )
    for case in cases:
        try:
            state = payment_services.order_sync(order_id=case.order_id)
        except ProviderError as exc:
            with transaction.atomic():
                _record_action(case, action="auto_recover", actor=None, outcome={"error": str(exc)[:200]})
            continue
        if _difference_settled(case):
            _resolve(
                case.pk,
                resolution=CaseResolution.RECOVERED,
                actor=None,
                action="auto_recover",
                note=_t("Recovered automatically: the provider confirmed the payment."),
                outcome={"state_after_query": str(state)},
            )
            recovered += 1
        else:
            with transaction.atomic():
                _record_action(
                    case, action="auto_recover", actor=None, outcome={"state_after_query": str(state)}
                )
    return recovered


def run_for_day(*, provider: str, bill_date: date) -> ReconciliationRun | None:
    """The latest successful run of a provider's day (None when there is none)."""
    return (
        ReconciliationRun.objects.filter(provider=provider, bill_date=bill_date, state=RunState.SUCCEEDED)
        .order_by("-started_at")
        .first()
    )


__all__ = [
    "MATCHED",
    "bill_file_store",
    "case_auto_recover",
    "case_refund",
    "case_requery",
    "case_write_off",
    "reconciliation_run",
]
