"""DRF permissions by account kind and staff role."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission

from backend.accounts.roles import has_role


class IsResident(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.kind == "resident")


class IsStaff(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.kind == "staff")


def role_permission(*roles: str) -> type[BasePermission]:
    """A permission class admitting staff with any of `roles`."""

    class _HasRole(BasePermission):
        def has_permission(self, request: Any, view: Any) -> bool:
            return has_role(request.user, *roles)

    _HasRole.__name__ = f"HasRole_{'_'.join(str(r) for r in roles)}"
    return _HasRole
