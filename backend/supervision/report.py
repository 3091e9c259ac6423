"""The figures as one report (API and admin page share it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from backend.accounts.models import Department
from backend.services.models import ServiceItem
from backend.supervision.selectors import supervision_figures, supervision_totals


def figures_report(*, start: date, end: date, department_ids: list[int] | None) -> dict[str, Any]:
    figures = supervision_figures(start=start, end=end, department_ids=department_ids)
    departments = {d.pk: d for d in Department.objects.filter(pk__in={f.department_id for f in figures})}
    services = {
        s.pk: s for s in ServiceItem.objects.filter(pk__in={f.service_id for f in figures if f.service_id})
    }

    def named(obj: Any) -> dict[str, str] | None:
        return {"code": obj.code, "name": obj.name} if obj is not None else None

    return {
        "start": start,
        "end": end,
        "total": supervision_totals(figures).as_dict(),
        "departments": [
            {"department": named(departments[f.department_id]), "service": None, "figures": f.as_dict()}
            for f in supervision_totals(figures, by_department=True)
        ],
        "rows": [
            {
                "department": named(departments[f.department_id]),
                "service": named(services.get(f.service_id)),
                "figures": f.as_dict(),
            }
            for f in figures
        ],
    }
