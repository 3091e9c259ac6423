"""Writes of appointments: book, cancel, reschedule, check in, no-shows, reminders.

No overbooking: a place is taken with one conditional UPDATE
(`UPDATE slot SET booked = booked + 1 WHERE id = … AND booked < capacity`), which the
database serialises per row; zero rows updated means the slot is full. The check constraint
`booked <= capacity` backs it up.
"""

from __future__ import annotations

import secrets
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.appointments.constants import TRANSITIONS, AppointmentStatus
from backend.appointments.models import Appointment, Hall, HallWindow, Slot
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, Conflict


class SlotFull(Conflict):
    code = "slot_full"
    title = _("This time is fully booked. Please choose another.")


class SlotNotBookable(ApplicationError):
    status = 422
    code = "slot_not_bookable"
    title = _("This time cannot be booked.")


class AppointmentTransitionIllegal(Conflict):
    code = "appointment_transition_illegal"
    title = _("The appointment cannot be changed in its current state.")


class NoShowLimited(ApplicationError):
    status = 403
    code = "appointment_no_show_limited"
    title = _("Booking is paused after repeated missed appointments.")


def no_show_limited_until(*, resident: Any, now: datetime | None = None) -> datetime | None:
    """When the resident may book again, if repeated no-shows have paused booking.

    `APPOINTMENT_NO_SHOW_LIMIT` no-shows within `APPOINTMENT_NO_SHOW_WINDOW_DAYS` pause booking
    for `APPOINTMENT_NO_SHOW_BAN_DAYS` after the last of them.
    """
    now = now or timezone.now()
    window_start = now - timedelta(days=settings.APPOINTMENT_NO_SHOW_WINDOW_DAYS)
    missed = list(
        Appointment.objects.filter(
            resident=resident, status=AppointmentStatus.NO_SHOW, slot__starts_at__gte=window_start
        )
        .order_by("-slot__starts_at")
        .values_list("slot__starts_at", flat=True)[: settings.APPOINTMENT_NO_SHOW_LIMIT]
    )
    if len(missed) < settings.APPOINTMENT_NO_SHOW_LIMIT:
        return None
    until = missed[0] + timedelta(days=settings.APPOINTMENT_NO_SHOW_BAN_DAYS)
    return until if until > now else None


def _take_place(slot_id: int) -> None:
    taken = Slot.objects.filter(pk=slot_id, booked__lt=F("capacity")).update(booked=F("booked") + 1)
    if taken != 1:
        raise SlotFull()


def _release_place(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked__gt=0).update(booked=F("booked") - 1)


def _check_bookable(*, slot: Slot, service: Any, now: datetime) -> None:
    if slot.starts_at <= now:
        raise SlotNotBookable(_("This time has already begun."))
    if not slot.window.hall.is_active or not slot.window.services.filter(pk=service.pk).exists():
        raise SlotNotBookable(_("This window does not handle this service."))


def _new_code() -> str:
    return f"{secrets.randbelow(10**8):08d}"


@transaction.atomic
def appointment_book(*, resident: Any, slot: Slot, service: Any) -> Appointment:
    """Book a place in `slot` for `service`.

    Errors: 403 `appointment_no_show_limited`, 422 `slot_not_bookable` (past, or the window
    does not handle the service), 409 `slot_full`, 409 `appointment_duplicate` (already booked
    in this slot). Side effects: the slot's count, audit row `appointment.book`.
    """
    now = timezone.now()
    until = no_show_limited_until(resident=resident, now=now)
    if until is not None:
        raise NoShowLimited(
            _("You can book again from %(date)s.") % {"date": timezone.localtime(until).date().isoformat()},
            extra={"limited_until": until.isoformat()},
        )
    slot = Slot.objects.select_related("window__hall").get(pk=slot.pk)
    _check_bookable(slot=slot, service=service, now=now)
    _take_place(slot.pk)
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(
                resident=resident, slot=slot, service=service, checkin_code=_new_code()
            )
    except IntegrityError as exc:
        raise Conflict(
            _("You already have an appointment at this time."), code="appointment_duplicate"
        ) from exc
    audit_record(action="appointment.book", actor=resident, obj=appointment, detail={"slot": slot.pk})
    return appointment


def _locked_own(appointment_id: Any, resident: Any) -> Appointment:
    appointment = Appointment.objects.select_for_update().filter(pk=appointment_id, resident=resident).first()
    if appointment is None:
        from django.http import Http404

        raise Http404
    return appointment


def _move(appointment: Appointment, to: str, *, actor: Any, extra: dict[str, Any] | None = None) -> None:
    if (appointment.status, to) not in TRANSITIONS:
        raise AppointmentTransitionIllegal()
    from_status = appointment.status
    appointment.status = to
    fields = ["status", "changed_at"]
    if to == AppointmentStatus.CHECKED_IN:
        appointment.checked_in_at = timezone.now()
        fields.append("checked_in_at")
    appointment.save(update_fields=fields)
    audit_record(
        action=f"appointment.{to}",
        actor=actor,
        obj=appointment,
        detail={"from": from_status, "to": to, **(extra or {})},
    )


@transaction.atomic
def appointment_cancel(*, appointment_id: Any, resident: Any) -> Appointment:
    """Cancel before the slot begins; the place is freed. 409 afterwards or when not booked."""
    appointment = _locked_own(appointment_id, resident)
    if appointment.status == AppointmentStatus.BOOKED and appointment.slot.starts_at <= timezone.now():
        raise AppointmentTransitionIllegal(_("The appointment has already begun."))
    _move(appointment, AppointmentStatus.CANCELLED, actor=resident)
    _release_place(appointment.slot_id)
    return appointment


@transaction.atomic
def appointment_reschedule(*, appointment_id: Any, resident: Any, slot: Slot) -> Appointment:
    """Move a booking to another slot: the new place is taken first, then the old one freed.

    Returns the new appointment (new check-in code); the old one is `rescheduled`.
    """
    old = _locked_own(appointment_id, resident)
    if old.status != AppointmentStatus.BOOKED or old.slot.starts_at <= timezone.now():
        raise AppointmentTransitionIllegal()
    if slot.pk == old.slot_id:
        raise SlotNotBookable(_("This is already the time of the appointment."))
    _move(old, AppointmentStatus.RESCHEDULED, actor=resident, extra={"to_slot": slot.pk})
    _release_place(old.slot_id)
    new = appointment_book(resident=resident, slot=slot, service=old.service)
    old.rescheduled_to = new
    old.save(update_fields=["rescheduled_to"])
    return new


@transaction.atomic
def appointment_check_in(*, hall: Hall, code: str, staff: Any) -> Appointment:
    """Check a resident in at the hall with their code (on the day, from an hour before).

    Staff must belong to the hall's department (else 404, as for an unknown code).
    """
    from django.http import Http404

    if not staff.departments.filter(pk=hall.department_id).exists():
        raise Http404
    appointment = (
        Appointment.objects.select_for_update()
        .select_related("slot")
        .filter(checkin_code=code, slot__window__hall=hall)
        .first()
    )
    if appointment is None:
        raise Http404
    now = timezone.now()
    if not (appointment.slot.starts_at - timedelta(hours=1) <= now <= appointment.slot.ends_at):
        raise AppointmentTransitionIllegal(_("Check-in is open from an hour before the time until its end."))
    _move(appointment, AppointmentStatus.CHECKED_IN, actor=staff)
    return appointment


def appointment_mark_no_shows(*, now: datetime | None = None) -> int:
    """Booked appointments whose slot has ended become `no_show` (beat task); returns the count."""
    now = now or timezone.now()
    count = 0
    for appointment_id in Appointment.objects.filter(
        status=AppointmentStatus.BOOKED, slot__ends_at__lt=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            appointment = Appointment.objects.select_for_update().get(pk=appointment_id)
            if appointment.status == AppointmentStatus.BOOKED:
                _move(appointment, AppointmentStatus.NO_SHOW, actor=None)
                count += 1
    return count


def appointment_send_reminders(*, now: datetime | None = None) -> int:
    """Remind residents of appointments starting within `APPOINTMENT_REMINDER_HOURS` (beat task).

    One `appointment.reminder` per appointment (the dedupe key makes a second run a no-op).
    """
    from notifications.services import notify

    now = now or timezone.now()
    horizon = now + timedelta(hours=settings.APPOINTMENT_REMINDER_HOURS)
    due = Appointment.objects.filter(
        status=AppointmentStatus.BOOKED,
        reminded_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=horizon,
    ).select_related("slot__window__hall", "service", "resident")
    count = 0
    for appointment in due:
        with transaction.atomic():
            starts = timezone.localtime(appointment.slot.starts_at)
            notify(
                event="appointment.reminder",
                recipient=appointment.resident,
                params={
                    "appointment_time": f"{starts:%Y-%m-%d %H:%M}",
                    "hall_name": appointment.slot.window.hall.name,
                    "service_name": appointment.service.name,
                    "appointment_id": str(appointment.pk),
                },
                dedupe_key=f"appointment.reminder:{appointment.pk}",
                subject_type="appointment",
                subject_id=str(appointment.pk),
            )
            Appointment.objects.filter(pk=appointment.pk).update(reminded_at=now)
            count += 1
    return count


@transaction.atomic
def slots_create_for_day(
    *, window: HallWindow, day: Any, times: list[tuple[time, time]], capacity: int
) -> list[Slot]:
    """Open the day's slots of a window (Asia/Shanghai times); existing ones are kept."""
    tz = timezone.get_default_timezone()
    created = []
    for start, end in times:
        slot, _ = Slot.objects.get_or_create(
            window=window,
            starts_at=datetime.combine(day, start, tzinfo=tz),
            defaults={"day": day, "ends_at": datetime.combine(day, end, tzinfo=tz), "capacity": capacity},
        )
        created.append(slot)
    return created


def appointment_resident_merge(*, keep: Any, absorb: Any) -> None:
    """Account merge handler (interface 1): move the absorbed account's appointments.

    Where both accounts booked the same slot, the absorbed booking is cancelled and its place freed.
    """
    kept_slots = Appointment.objects.filter(resident=keep, status=AppointmentStatus.BOOKED).values("slot_id")
    for duplicate in Appointment.objects.filter(
        resident=absorb, status=AppointmentStatus.BOOKED, slot_id__in=kept_slots
    ):
        _move(duplicate, AppointmentStatus.CANCELLED, actor=None, extra={"reason": "account_merge"})
        _release_place(duplicate.slot_id)
    Appointment.objects.filter(resident=absorb).update(resident=keep)
