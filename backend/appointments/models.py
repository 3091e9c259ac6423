"""Appointments for the physical service hall (预约办事): halls, windows, daily slots, bookings.

A slot's `booked` count is only ever changed by a conditional UPDATE (`booked < capacity`),
so concurrent bookings can never overfill it (see services.appointment_book).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from backend.accounts.models import Department
from backend.appointments.constants import AppointmentStatus


class Hall(models.Model):
    """A government service hall (政务服务大厅)."""

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    street = models.CharField(max_length=300, blank=True, help_text="Where the hall is (public).")
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="halls",
        help_text="Runs the hall; its staff check in.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class HallWindow(models.Model):
    """A window of a hall and the service items it handles."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="windows")
    code = models.CharField(max_length=16)
    name = models.CharField(max_length=100)
    services = models.ManyToManyField("services.ServiceItem", blank=True, related_name="hall_windows")

    class Meta:
        ordering = ["hall", "code"]
        constraints = [models.UniqueConstraint(fields=["hall", "code"], name="window_code_unique_per_hall")]

    def __str__(self) -> str:
        return f"{self.hall} {self.name}"


class Slot(models.Model):
    """A bookable time of one window on one day, with a capacity."""

    window = models.ForeignKey(HallWindow, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    booked = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_at", "window"]
        indexes = [models.Index(fields=["day", "window"], name="slot_day_window")]
        constraints = [
            models.UniqueConstraint(fields=["window", "starts_at"], name="slot_unique_per_window_time"),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="slot_never_overbooked"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.window} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.booked)


class Appointment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="appointments")
    service = models.ForeignKey("services.ServiceItem", on_delete=models.PROTECT, related_name="appointments")
    status = models.CharField(
        max_length=16, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    checkin_code = models.CharField(
        max_length=12, unique=True, help_text="Shown at the window (QR or digits)."
    )
    rescheduled_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["resident", "status"], name="appt_resident_status"),
            models.Index(fields=["status", "slot"], name="appt_status_slot"),
        ]
        constraints = [
            # One live booking per resident and slot.
            models.UniqueConstraint(
                fields=["resident", "slot"], condition=Q(status="booked"), name="appointment_once_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pk} {self.status}"
