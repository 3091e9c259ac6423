"""Tasks of feedback: load → call a service."""

from __future__ import annotations

from celery import shared_task

from backend.feedback.services import evaluations_forward


@shared_task(name="feedback.forward_evaluations")
def forward_evaluations() -> int:
    return evaluations_forward()
