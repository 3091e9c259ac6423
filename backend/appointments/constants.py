"""Appointment states and the moves between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("booked")
    CANCELLED = "cancelled", _("cancelled")
    RESCHEDULED = "rescheduled", _("rescheduled")
    CHECKED_IN = "checked_in", _("checked in")
    NO_SHOW = "no_show", _("no show")


TRANSITIONS: frozenset[tuple[str, str]] = frozenset(
    {
        (AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED),
        (AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED),
        (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN),
        (AppointmentStatus.BOOKED, AppointmentStatus.NO_SHOW),
    }
)
# States that hold a place in the slot.
HOLDS_PLACE = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.NO_SHOW})
