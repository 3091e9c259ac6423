"""notify() runs a fixed number of statements (it sits inside payment callbacks' locked
transactions), reads routes and templates from the process's snapshot, and the snapshot
follows edits: at once in this process, within NOTIFY_RULES_CACHE_SECONDS in others."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from notifications import routing
from notifications.models import EventRoute, Message, MessageTemplate, UserEvent
from notifications.services import notify, stream_append

pytestmark = pytest.mark.django_db

PARAMS = {"service_name": "居住证申领", "receipt_number": "GA2026112000001"}


def _notify(user: Any, key: str, event: str = "application.approved") -> list[Message]:
    return notify(event=event, recipient=user, params=PARAMS, dedupe_key=key, subject_id="app-1")


def test_a_new_event_costs_three_statements_whatever_the_channels(
    resident: Any, django_assert_num_queries: Any
) -> None:
    # given a warm process, a resident with a phone (inbox + SMS), and an event without a
    # subscribe-message template (that would add the consent lookup)
    routing.rules()
    # when notify joins the caller's transaction: cursor upsert, the stream entry (unless told
    # before), one bulk insert of the messages — no savepoint, no route or template query
    with transaction.atomic(), django_assert_num_queries(3):
        rows = _notify(resident, "pay-1", event="payment.succeeded")
    # then
    assert {m.channel for m in rows} == {"inbox", "sms"}
    assert Message.objects.filter(recipient=resident, dedupe_key="pay-1").count() == 2


def test_a_repeat_writes_nothing_and_the_stream_ids_stay_contiguous(resident: Any) -> None:
    first = _notify(resident, "a")
    again = _notify(resident, "a")
    _notify(resident, "b")

    assert {m.pk for m in again} == {m.pk for m in first}
    assert Message.objects.filter(recipient=resident).count() == 4  # inbox + SMS, twice
    ids = list(
        UserEvent.objects.filter(user=resident).order_by("stream_id").values_list("stream_id", "dedupe_key")
    )
    assert ids == [(1, "a"), (2, "b")]  # the repeat gave its id back


def test_stream_append_is_idempotent_and_gap_free(resident: Any) -> None:
    a = stream_append(user=resident, event="x", data={}, dedupe_key="k1")
    assert stream_append(user=resident, event="x", data={}, dedupe_key="k1").pk == a.pk
    b = stream_append(user=resident, event="x", data={}, dedupe_key="k2")
    assert (a.stream_id, b.stream_id) == (1, 2)


def test_the_snapshot_serves_repeated_renders_without_queries(django_assert_num_queries: Any) -> None:
    routing.rules()
    with django_assert_num_queries(0):
        for _ in range(3):
            routing.render(
                event="payment.succeeded", channel="sms", language="zh-hans", params={"amount_fen": 100}
            )


def test_an_edit_through_the_orm_is_seen_at_once(resident: Any) -> None:
    # given a warm snapshot
    routing.rules()
    template = MessageTemplate.objects.get(event="application.approved", channel="inbox", language="zh-hans")
    # when an administrator edits the template (the admin saves through the ORM)
    template.body = "新的正文：{service_name}"
    template.save()
    # then the next message uses the new text
    inbox = next(m for m in _notify(resident, "app-2:approved") if m.channel == "inbox")
    assert inbox.body == "新的正文：居住证申领"


def test_a_route_deleted_elsewhere_is_seen_after_the_cache_period(
    resident: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a warm snapshot in this process
    settings.NOTIFY_RULES_CACHE_SECONDS = 60
    now = [1000.0]
    monkeypatch.setattr(routing, "monotonic", lambda: now[0])
    routing.rules()
    # when another process removes the SMS for this event (no signal reaches us)
    EventRoute.objects.filter(event="application.approved").update(matters=False)
    # then this process still routes by its snapshot until the period ends, then by the table
    assert {m.channel for m in _notify(resident, "k1")} == {"inbox", "sms"}
    now[0] += 61
    assert {m.channel for m in _notify(resident, "k2")} == {"inbox"}
