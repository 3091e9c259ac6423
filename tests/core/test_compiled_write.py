"""row_insert / rows_insert / row_update: the rows `create()` and `save(update_fields=…)` write."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.signals import pre_save
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import Department, User
from backend.core.compiled_lookup import CompiledLookup
from backend.core.compiled_write import row_insert, row_update, rows_insert
from backend.core.models import AuditLog
from payments.models import LedgerEntry, PaymentOrder
from payments.services import BillItemSpec, bill_create
from tests.factories import make_citizen_id

pytestmark = pytest.mark.django_db

_GENERATED = {"id", "at", "created_at", "updated_at"}


def make_bill(payer: Any = None) -> Any:
    return bill_create(
        payer=payer,
        items=[BillItemSpec(code="FEE-1", name="工本费", amount_fen=2000)],
        source_type="test_fee",
        source_id=uuid.uuid4().hex,
        department_code="GA01",
        description="工本费",
    )


def make_order(bill: Any) -> PaymentOrder:
    return PaymentOrder.objects.create(
        bill=bill,
        payer=bill.payer,
        channel="sandbox",
        provider="sandbox",
        out_trade_no=f"PT{uuid.uuid4().hex[:20].upper()}",
        amount_fen=bill.total_fen,
        expires_at=timezone.now() + timedelta(minutes=30),
    )


def _fields(instance: Any) -> dict[str, Any]:
    """Every column as the database gives it back, apart from keys and clock readings."""
    fresh = type(instance)._default_manager.get(pk=instance.pk)
    return {f.attname: getattr(fresh, f.attname) for f in type(instance)._meta.concrete_fields} | {
        name: None for name in _GENERATED
    }


def test_insert_writes_the_row_create_writes(make_resident: Any) -> None:
    # Given values of every awkward kind: a UUID key by default, JSON, a foreign key, auto_now_add
    actor = make_resident()
    values = {
        "action": "bill.paid",
        "actor": actor,
        "actor_kind": "resident",
        "object_type": "payments.bill",
        "object_id": "b1",
        "detail": {"amount_fen": 1000, "note": '缴费 "quoted"', "list": [1, None]},
        "ip": "203.0.113.9",
    }
    # When one row is written each way
    before = timezone.now()
    compiled = row_insert(AuditLog, **values)
    orm = AuditLog.objects.create(**values)
    # Then the rows are the same, and the instance is a saved one with its key and clock set
    assert _fields(compiled) == _fields(orm)
    assert AuditLog.objects.get(pk=compiled.pk).detail == values["detail"]
    assert compiled.at >= before and compiled._state.adding is False and compiled._state.db == "default"


def test_a_database_generated_key_comes_back(make_resident: Any) -> None:
    bill = make_bill(payer=make_resident())
    order = make_order(bill)
    entry = row_insert(
        LedgerEntry,
        bill=bill,
        order=order,
        kind="payment",
        amount_fen=bill.total_fen,
        channel=order.channel,
        provider=order.provider,
        provider_ref="4200000001",
    )
    assert isinstance(entry.pk, int)
    assert LedgerEntry.objects.get(pk=entry.pk).provider_ref == "4200000001"


def test_many_rows_are_one_statement_with_every_key_set(make_resident: Any) -> None:
    actor = make_resident()
    rows = [AuditLog(action=f"a{i}", actor=actor, actor_kind="resident", detail={"i": i}) for i in range(3)]
    with CaptureQueriesContext(connection) as queries:
        rows_insert(rows)
    assert len(queries.captured_queries) == 1
    assert [AuditLog.objects.get(pk=row.pk).detail for row in rows] == [{"i": 0}, {"i": 1}, {"i": 2}]


def test_update_writes_what_save_with_update_fields_writes(make_resident: Any) -> None:
    # Given two identical users, one changed each way, with encrypted columns among the fields
    first, second = make_resident(), make_resident()
    citizen_id = make_citizen_id()
    for user in (first, second):
        user.real_name, user.citizen_id, user.display_name = "李四", citizen_id, "new"
    # When only some fields are written
    row_update(first, ["real_name", "citizen_id"])
    second.save(update_fields=["real_name", "citizen_id"])
    # Then both rows read back alike (decrypted) and the field left out is untouched
    for user in (first, second):
        fresh = User.objects.get(pk=user.pk)
        assert (fresh.real_name, fresh.citizen_id) == ("李四", citizen_id)
        assert fresh.display_name != "new"


def test_update_applies_auto_now_like_save(make_resident: Any) -> None:
    order = make_order(make_bill(payer=make_resident()))
    PaymentOrder.objects.filter(pk=order.pk).update(updated_at=timezone.now() - timedelta(days=1))
    order.state = "closed"
    row_update(order, ["state", "updated_at"])
    fresh = PaymentOrder.objects.get(pk=order.pk)
    assert fresh.state == "closed"
    assert timezone.now() - fresh.updated_at < timedelta(minutes=1)


def test_update_of_a_missing_row_fails_as_save_does(make_resident: Any) -> None:
    user = make_resident()
    User.objects.filter(pk=user.pk).delete()
    user.display_name = "gone"
    with pytest.raises(DatabaseError, match="did not affect any rows"):
        row_update(user, ["display_name"])


def test_receivers_and_expressions_go_through_the_orm(db: Any) -> None:
    # A model with a pre_save receiver still gets its signal; an F() still works.
    seen: list[str] = []

    def receiver(sender: Any, instance: Department, **kwargs: Any) -> None:
        seen.append(instance.code)

    pre_save.connect(receiver, sender=Department, dispatch_uid="test-compiled-write")
    try:
        department = row_insert(Department, code="SIG", name="信号")
        department.name = "改名"
        row_update(department, ["name"])
    finally:
        pre_save.disconnect(sender=Department, dispatch_uid="test-compiled-write")
    assert seen == ["SIG", "SIG"]
    assert Department.objects.get(pk=department.pk).name == "改名"

    order = make_order(make_bill())
    order.amount_fen = F("amount_fen") + 1
    row_update(order, ["amount_fen"])
    assert PaymentOrder.objects.get(pk=order.pk).amount_fen == order.bill.total_fen + 1


@pytest.mark.django_db(transaction=True)
def test_a_locking_lookup_needs_a_transaction_and_locks(make_resident: Any) -> None:
    order = make_order(make_bill(payer=make_resident()))
    locked = CompiledLookup(PaymentOrder, "pk", lock_of=("self",))
    with pytest.raises(TransactionManagementError):
        locked.get(pk=order.pk)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        assert locked.get(pk=order.pk) == order
    (query,) = queries.captured_queries
    assert ("FOR UPDATE" in query["sql"]) is connection.features.has_select_for_update
