"""Create a staff account with roles and enrol its TOTP second factor.

There are no default accounts: the security administrator runs this for each person and
hands over the printed provisioning URI (scan it with any authenticator app).
"""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from backend.accounts.models import Department
from backend.accounts.services import staff_create
from backend.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Create a staff account (roles, departments) and print its TOTP provisioning URI."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", action="append", required=True, help="Repeat for several roles.")
        parser.add_argument("--department", action="append", default=[], help="Department code; repeatable.")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["password_stdin"]:
            import sys

            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
        departments = list(Department.objects.filter(code__in=options["department"]))
        missing = set(options["department"]) - {d.code for d in departments}
        if missing:
            raise CommandError(f"unknown departments: {sorted(missing)}")
        try:
            user = staff_create(
                username=options["username"],
                password=password,
                roles=set(options["role"]),
                departments=departments,
            )
        except ApplicationError as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:  # password validation
            raise CommandError("; ".join(getattr(exc, "messages", [str(exc)]))) from exc
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
        self.stdout.write(f"created staff {user.username} ({', '.join(sorted(options['role']))})")
        self.stdout.write(f"TOTP provisioning URI: {device.config_url}")
