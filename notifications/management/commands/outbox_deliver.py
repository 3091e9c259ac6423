"""`manage.py outbox_deliver`: run the delivery loop in the foreground (what beat + workers do)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from notifications.delivery import outbox_sweep


class Command(BaseCommand):
    help = "Deliver due outbox messages in a loop (until nothing is due with --until-empty)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", type=int, default=100)
        parser.add_argument("--until-empty", action="store_true")
        parser.add_argument("--idle-sleep", type=float, default=1.0)

    def handle(self, *args: Any, batch: int, until_empty: bool, idle_sleep: float, **options: Any) -> None:
        while True:
            done = outbox_sweep(limit=batch)
            if done:
                self.stdout.write(f"delivered batch of {done}")
                continue
            if until_empty:
                return
            time.sleep(idle_sleep)
