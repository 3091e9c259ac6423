"""Reads of appointments."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone

from backend.appointments.models import Appointment, Hall, Slot


def hall_list(*, service_code: str | None = None) -> QuerySet[Hall]:
    halls = (
        Hall.objects.filter(is_active=True).select_related("department").prefetch_related("windows__services")
    )
    if service_code:
        halls = halls.filter(windows__services__code=service_code).distinct()
    return halls


def slot_list_available(*, service_code: str, day: date, hall_code: str | None = None) -> QuerySet[Slot]:
    """Future slots of `day` at windows handling the service, with places left."""
    slots = Slot.objects.filter(
        day=day,
        window__services__code=service_code,
        window__hall__is_active=True,
        starts_at__gt=timezone.now(),
        booked__lt=F("capacity"),
    ).select_related("window__hall")
    if hall_code:
        slots = slots.filter(window__hall__code=hall_code)
    return slots.order_by("starts_at", "window__hall__code", "window__code").distinct()


def appointment_list_for_resident(*, resident: Any) -> QuerySet[Appointment]:
    return Appointment.objects.filter(resident=resident).select_related("slot__window__hall", "service")


def appointment_get_for_resident(*, resident: Any, appointment_id: Any) -> Appointment | None:
    return appointment_list_for_resident(resident=resident).filter(pk=appointment_id).first()
