"""Booking, cancelling, rescheduling, check-in, reminders, no-show limits, and no overbooking."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import time, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from backend.appointments import services
from backend.appointments.models import Appointment, Hall, HallWindow, Slot
from backend.core.models import AuditLog
from notifications.models import Message
from tests.factories.results import make_department, make_service


def _hall(service, *, department=None):
    department = department or service.department
    hall = Hall.objects.create(
        code=f"h{Hall.objects.count() + 1}", name="济南市政务服务中心", department=department
    )
    window = HallWindow.objects.create(hall=hall, code="3", name="3号窗口")
    window.services.add(service)
    return hall, window


def _slot(window, *, in_hours=48, capacity=5):
    start = (timezone.now() + timedelta(hours=in_hours)).replace(second=0, microsecond=0)
    return Slot.objects.create(
        window=window,
        day=timezone.localtime(start).date(),
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
        capacity=capacity,
    )


@pytest.fixture
def desk(db):
    service = make_service()
    hall, window = _hall(service)
    return service, hall, window


@pytest.mark.django_db
def test_book_list_cancel_and_others_get_404(desk, make_resident, client_for):
    service, _, window = desk
    slot = _slot(window, capacity=1)
    resident, other = make_resident(), make_resident()
    client = client_for(resident)

    slots = client.get(f"/api/v1/appointments/slots?service={service.code}&date={slot.day}").json()
    assert [s["id"] for s in slots] == [slot.pk]
    booked = client.post("/api/v1/appointments", {"slot": slot.pk, "service": service.code}, format="json")
    assert booked.status_code == 201, booked.content
    appointment_id = booked.json()["id"]
    assert len(booked.json()["checkin_code"]) == 8
    # Full now: not offered, and a second resident is refused.
    assert client.get(f"/api/v1/appointments/slots?service={service.code}&date={slot.day}").json() == []
    refused = client_for(other).post(
        "/api/v1/appointments", {"slot": slot.pk, "service": service.code}, format="json"
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "slot_full"

    assert client_for(other).get(f"/api/v1/appointments/{appointment_id}").status_code == 404
    assert client_for(other).post(f"/api/v1/appointments/{appointment_id}/cancel").status_code == 404
    assert client.get("/api/v1/appointments").json()["count"] == 1

    cancelled = client.post(f"/api/v1/appointments/{appointment_id}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert Slot.objects.get(pk=slot.pk).booked == 0
    assert client.post(f"/api/v1/appointments/{appointment_id}/cancel").status_code == 409
    assert Slot.objects.get(pk=slot.pk).booked == 0  # a refused cancel frees nothing


@pytest.mark.django_db
def test_a_window_that_does_not_handle_the_service_is_refused(desk, make_resident):
    _, _, window = desk
    other_service = make_service()
    slot = _slot(window)
    with pytest.raises(services.SlotNotBookable):
        services.appointment_book(resident=make_resident(), slot=slot, service=other_service)
    assert Slot.objects.get(pk=slot.pk).booked == 0


@pytest.mark.django_db
def test_reschedule_moves_the_place(desk, make_resident, client_for):
    service, _, window = desk
    first, second = _slot(window, in_hours=48), _slot(window, in_hours=72)
    resident = make_resident()
    old = services.appointment_book(resident=resident, slot=first, service=service)
    response = client_for(resident).post(
        f"/api/v1/appointments/{old.pk}/reschedule", {"slot": second.pk}, format="json"
    )
    assert response.status_code == 201, response.content
    assert Appointment.objects.get(pk=old.pk).status == "rescheduled"
    assert (Slot.objects.get(pk=first.pk).booked, Slot.objects.get(pk=second.pk).booked) == (0, 1)
    assert response.json()["checkin_code"] != old.checkin_code


@pytest.mark.django_db
def test_reschedule_to_a_full_slot_changes_nothing(desk, make_resident):
    service, _, window = desk
    first, full = _slot(window, in_hours=48), _slot(window, in_hours=72, capacity=1)
    resident = make_resident()
    services.appointment_book(resident=make_resident(), slot=full, service=service)
    old = services.appointment_book(resident=resident, slot=first, service=service)
    with pytest.raises(services.SlotFull):
        services.appointment_reschedule(appointment_id=old.pk, resident=resident, slot=full)
    assert Appointment.objects.get(pk=old.pk).status == "booked"
    assert Slot.objects.get(pk=first.pk).booked == 1


@pytest.mark.django_db
def test_check_in_by_hall_staff_only(desk, make_resident, make_staff, client_for):
    service, hall, window = desk
    slot = _slot(window, in_hours=0.5)
    appointment = services.appointment_book(resident=make_resident(), slot=slot, service=service)
    outsider = make_staff("clerk")
    outsider.departments.add(make_department())
    clerk = make_staff("clerk")
    clerk.departments.add(hall.department)
    body = {"hall": hall.code, "code": appointment.checkin_code}

    assert client_for(outsider).post("/api/v1/appointments/check-in", body, format="json").status_code == 404
    assert Appointment.objects.get(pk=appointment.pk).status == "booked"
    response = client_for(clerk).post("/api/v1/appointments/check-in", body, format="json")
    assert response.status_code == 200, response.content
    assert Appointment.objects.get(pk=appointment.pk).status == "checked_in"
    assert client_for(clerk).post("/api/v1/appointments/check-in", body, format="json").status_code == 409


@pytest.mark.django_db
def test_reminders_once_through_notifications(desk, make_resident):
    service, _, window = desk
    soon, later = _slot(window, in_hours=5), _slot(window, in_hours=60)
    resident = make_resident()
    reminded = services.appointment_book(resident=resident, slot=soon, service=service)
    services.appointment_book(resident=resident, slot=later, service=service)

    assert services.appointment_send_reminders() == 1
    assert services.appointment_send_reminders() == 0
    messages = Message.objects.filter(event="appointment.reminder", recipient=resident)
    assert messages.exists()
    assert {m.dedupe_key for m in messages} == {f"appointment.reminder:{reminded.pk}"}
    assert messages.first().params["hall_name"] == "济南市政务服务中心"


@pytest.mark.django_db
def test_repeated_no_shows_pause_booking(desk, make_resident, settings):
    service, _, window = desk
    settings.APPOINTMENT_NO_SHOW_LIMIT = 2
    resident = make_resident()
    for hours in (-30, -20):
        past = _slot(window, in_hours=hours)
        Appointment.objects.create(
            resident=resident, slot=past, service=service, checkin_code=f"{hours:+08d}"
        )
        Slot.objects.filter(pk=past.pk).update(booked=1)
    assert services.appointment_mark_no_shows() == 2
    assert AuditLog.objects.filter(action="appointment.no_show").count() == 2

    future = _slot(window)
    with pytest.raises(services.NoShowLimited):
        services.appointment_book(resident=resident, slot=future, service=service)
    assert Slot.objects.get(pk=future.pk).booked == 0
    # Someone else is not affected; and after the ban period the resident may book again.
    services.appointment_book(resident=make_resident(), slot=future, service=service)
    later = timezone.now() + timedelta(days=settings.APPOINTMENT_NO_SHOW_BAN_DAYS + 1)
    assert services.no_show_limited_until(resident=resident, now=later) is None


@pytest.mark.django_db
def test_slots_for_a_day(desk):
    _, _, window = desk
    day = timezone.localdate() + timedelta(days=3)
    made = services.slots_create_for_day(
        window=window, day=day, times=[(time(9), time(9, 30)), (time(9, 30), time(10))], capacity=4
    )
    again = services.slots_create_for_day(window=window, day=day, times=[(time(9), time(9, 30))], capacity=4)
    assert len(made) == 2 and again[0].pk == made[0].pk
    assert timezone.localtime(made[0].starts_at).hour == 9


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_hundred_concurrent_bookings_for_five_places(make_resident):
    service = make_service()
    _, window = _hall(service)
    slot = _slot(window, capacity=5)
    residents = [make_resident() for _ in range(100)]
    # 25 threads at a time (PostgreSQL allows 100 connections in all), released together in waves.
    workers = 25
    barrier = threading.Barrier(workers)

    def book(resident):
        try:
            barrier.wait()
            services.appointment_book(resident=resident, slot=slot, service=service)
            return "ok"
        except services.SlotFull:
            return "full"
        except Exception as exc:  # anything else is a failure of the test
            return f"error {exc!r}"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(book, residents))

    assert sorted(set(outcomes)) == ["full", "ok"], outcomes
    assert outcomes.count("ok") == 5
    assert Slot.objects.get(pk=slot.pk).booked == 5
    assert Appointment.objects.filter(slot=slot, status="booked").count() == 5


@pytest.mark.django_db
def test_account_merge_moves_appointments_and_frees_a_doubled_place(desk, make_resident):
    from backend.accounts.merge import account_merge, merge_survivor

    service, _, window = desk
    shared, own = _slot(window, in_hours=48), _slot(window, in_hours=72)
    a, b = make_resident(), make_resident()
    keep, absorb = merge_survivor(a, b)
    services.appointment_book(resident=keep, slot=shared, service=service)
    doubled = services.appointment_book(resident=absorb, slot=shared, service=service)
    moved = services.appointment_book(resident=absorb, slot=own, service=service)

    account_merge(keep=keep, absorb=absorb, reason="test")

    assert Appointment.objects.get(pk=doubled.pk).status == "cancelled"
    assert Slot.objects.get(pk=shared.pk).booked == 1
    assert Appointment.objects.get(pk=moved.pk).resident == keep
    assert not Appointment.objects.filter(resident=absorb).exclude(status="cancelled").exists()
