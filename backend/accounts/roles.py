"""Staff roles as Django groups with a fixed set of permissions each.

The groups are (re)created after every migrate, so a fresh database has the roles but no
accounts: staff are created by the security administrator (`manage.py create_staff`).
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

from backend.accounts.constants import SEPARATED_ROLES, Role

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.CLERK: ["accounts.view_resident_data", "accounts.view_department"],
    Role.REVIEWER: ["accounts.view_resident_data", "accounts.view_department"],
    Role.SUPERVISOR: ["accounts.view_resident_data", "accounts.view_department"],
    Role.FINANCE: ["accounts.view_department"],
    Role.ADMIN: ["accounts.view_department"],
    # Operations: departments, and the notification outbox (see dead messages, send them again).
    Role.SYSTEM_ADMIN: [
        "accounts.view_department",
        "accounts.add_department",
        "accounts.change_department",
        "notifications.view_message",
        "notifications.change_message",
    ],
    Role.SECURITY_ADMIN: ["accounts.manage_staff", "accounts.view_user", "accounts.change_user"],
    Role.AUDITOR: ["core.view_auditlog"],
}


def ensure_roles(**_: Any) -> None:
    """Create one group per role and give it exactly its permissions.

    post_migrate reaches this app before the apps listed after it have their permissions, so
    create every app's permissions first (idempotent), or a fresh database would miss some.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)

    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=str(role))
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def connect_post_migrate(app_config: AppConfig) -> None:
    post_migrate.connect(ensure_roles, sender=app_config, dispatch_uid="accounts.ensure_roles")


def roles_of(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False) or getattr(user, "kind", "") != "staff":
        return set()
    cached = getattr(user, "_zb_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._zb_roles = cached
    return cached


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & {str(r) for r in roles})


def conflicting_roles(roles: set[str]) -> set[str]:
    """The separated roles in `roles` when more than one of them is present."""
    clash = roles & {str(r) for r in SEPARATED_ROLES}
    return clash if len(clash) > 1 else set()
