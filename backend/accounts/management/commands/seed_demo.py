"""Load demo data for the embedded default: departments (idempotent; no accounts)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from backend.accounts.models import Department

DEPARTMENTS = [
    ("GA", "省公安厅", "Provincial Public Security Department"),
    ("RS", "省人力资源和社会保障厅", "Provincial Human Resources and Social Security Department"),
    ("SC", "省市场监督管理局", "Provincial Administration for Market Regulation"),
    ("JT", "省交通运输厅", "Provincial Department of Transport"),
    ("JY", "省教育厅", "Provincial Department of Education"),
    ("WS", "省卫生健康委员会", "Provincial Health Commission"),
    ("CRJ", "省出入境管理局", "Provincial Exit and Entry Administration"),
    ("CZ", "省财政厅", "Provincial Department of Finance"),
]


class Command(BaseCommand):
    help = "Load demo data (safe to run repeatedly)."

    def handle(self, *args: Any, **options: Any) -> None:
        for code, name, name_en in DEPARTMENTS:
            Department.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en})
        self.stdout.write(f"demo data: {len(DEPARTMENTS)} departments")
