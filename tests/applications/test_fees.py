"""Fee stages: the bill comes from payments (interface 3); payment moves the case out of fee_due."""

from __future__ import annotations

import pytest

from backend.applications import services
from backend.applications.constants import Status
from backend.applications.models import ReviewTask
from notifications.models import Message
from payments.models import Bill
from payments.registry import bill_source
from tests.factories.cases import make_service

pytestmark = pytest.mark.django_db


def _pay(bill: Bill) -> None:
    """What payments does after a payment commits: call the source's registered `on_paid`."""
    source = bill_source(bill.source_type)
    assert source is not None, "applications registers its bill source at start-up"
    source.on_paid(bill)


def test_fee_before_acceptance(submitted, make_clerk):
    service = make_service("T0400", fee_stage="before_acceptance", fee_fen=2000)
    application = submitted(service)
    services.application_accept(application_id=application.pk, staff=make_clerk("GA"))
    application.refresh_from_db()
    assert application.status == Status.FEE_DUE
    bill = Bill.objects.get(source_type="application", source_id=str(application.pk))
    assert bill.total_fen == 2000 and bill.payer_id == application.applicant_id
    assert application.fee_bill_id == bill.id
    assert application.accepted_at is None and not ReviewTask.objects.filter(application=application).exists()
    notice = Message.objects.filter(subject_id=str(application.pk), event="application.fee_due").first()
    assert (
        notice is not None and notice.params["amount_fen"] == 2000 and notice.params["amount_yuan"] == "20.00"
    )

    _pay(bill)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.accepted_at is not None and application.deadline_on is not None
    assert ReviewTask.objects.filter(application=application).count() == 1
    # paid twice (payments retries): nothing more happens
    events = application.events.count()
    _pay(bill)
    assert application.events.count() == events


def test_fee_after_approval(in_review, make_clerk):
    service = make_service("T0401", fee_stage="after_approval", fee_fen=12000)
    application = in_review(service)
    services.task_decide(
        application_id=application.pk, staff=make_clerk("GA"), department_code="GA", approve=True
    )
    application.refresh_from_db()
    assert application.status == Status.FEE_DUE
    bill = Bill.objects.get(source_type="application", source_id=str(application.pk))
    assert bill.total_fen == 12000
    _pay(bill)
    application.refresh_from_db()
    assert application.status == Status.APPROVED


def test_no_fee_stage_makes_no_bill(submitted, make_clerk):
    application = submitted()
    services.application_accept(application_id=application.pk, staff=make_clerk("GA"))
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert not Bill.objects.filter(source_id=str(application.pk)).exists()
