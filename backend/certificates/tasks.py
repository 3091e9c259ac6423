"""Beat tasks of certificates: load → call a service."""

from __future__ import annotations

from celery import shared_task

from backend.certificates.services import certificate_issue_missing


@shared_task(name="certificates.issue_missing")
def issue_missing() -> int:
    return certificate_issue_missing()
