"""Create the sandbox clerks `make demo` works with, and write their credentials to a file.

There are no default accounts in a real installation (`create_staff` is the way there); this
command exists for the sandbox only and refuses to run unless DEBUG is on. Each run gives the
accounts a fresh random password and a fresh TOTP secret, written (mode 0600) as JSON to the
git-ignored file named by `--output`, so the resident simulator can log in as staff through the
public API and compute its TOTP codes.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from backend.accounts.models import Department, User
from backend.accounts.services import staff_create

# username: (roles, departments). The demo's service (driving licence renewal, 11370000JT0001)
# belongs to JT with GA co-handling: a JT clerk accepts and decides, a GA reviewer co-decides.
DEMO_STAFF: dict[str, tuple[set[str], list[str]]] = {
    "demo.jt.clerk": ({"clerk", "reviewer"}, ["JT"]),
    "demo.ga.reviewer": ({"reviewer"}, ["GA"]),
}


def _password() -> str:
    return f"Zb-{secrets.token_urlsafe(18)}"


class Command(BaseCommand):
    help = "Sandbox only (DEBUG): create the demo clerks with fresh passwords and TOTP secrets."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", required=True, help="JSON file for the credentials (git-ignored).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_staff creates accounts with known credentials: sandbox (DEBUG) only.")
        accounts = []
        with transaction.atomic():
            for username, (roles, codes) in DEMO_STAFF.items():
                departments = list(Department.objects.filter(code__in=codes))
                if len(departments) != len(codes):
                    raise CommandError(f"departments {codes} missing: run seed_demo first")
                password = _password()
                user = User.objects.filter(username=username).first()
                if user is None:
                    user = staff_create(
                        username=username, password=password, roles=roles, departments=departments
                    )
                else:
                    user.set_password(password)
                    user.save(update_fields=["password"])
                TOTPDevice.objects.filter(user=user).delete()
                device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
                accounts.append(
                    {
                        "username": username,
                        "password": password,
                        "roles": sorted(roles),
                        "departments": codes,
                        # RFC 6238 parameters of the device; the secret in the base32 of authenticator apps.
                        "totp_secret": base64.b32encode(device.bin_key).decode(),
                        "totp_step": device.step,
                        "totp_digits": device.digits,
                    }
                )
        path = Path(options["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump({"staff": accounts}, out, indent=2)
        self.stdout.write(f"demo staff: {', '.join(a['username'] for a in accounts)} → {path}")
