"""Load the demo service catalog (after `seed_demo`, which creates the departments)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from backend.services.demo import load_demo_catalog


class Command(BaseCommand):
    help = "Load about twenty demo service items in zh-Hans and en (safe to run repeatedly)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"demo data: {load_demo_catalog()} service items")
