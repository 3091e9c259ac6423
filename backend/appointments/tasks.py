"""Beat tasks of appointments: load → call a service."""

from __future__ import annotations

from celery import shared_task

from backend.appointments.services import appointment_mark_no_shows, appointment_send_reminders


@shared_task(name="appointments.send_reminders")
def send_reminders() -> int:
    return appointment_send_reminders()


@shared_task(name="appointments.mark_no_shows")
def mark_no_shows() -> int:
    return appointment_mark_no_shows()
