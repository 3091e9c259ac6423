"""Users (residents and staff), departments, identity links and one-time codes."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q

from backend.accounts.constants import IdentityProvider, UserKind
from backend.core.fields import EncryptedTextField


class UserManager(BaseUserManager["User"]):
    """No `create_superuser`: there are no default or back-door accounts (see README)."""

    def create_resident(self, **fields: object) -> User:
        user = self.model(kind=UserKind.RESIDENT, **fields)
        user.set_unusable_password()
        user.save()
        return user


class Department(models.Model):
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=100)
    name_en = models.CharField(max_length=200, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class User(AbstractBaseUser, PermissionsMixin):
    """One person or one staff member: the "一号" that every identity links to.

    Phone and citizen ID number are stored encrypted; `*_index` hold keyed hashes so an
    account can be found by them without decrypting (see backend/core/pii.py).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=UserKind.choices, default=UserKind.RESIDENT)
    # Staff log in with a username; residents have none.
    username = models.CharField(max_length=64, unique=True, null=True, blank=True)
    display_name = models.CharField(max_length=64, blank=True)
    phone = EncryptedTextField(blank=True, default="")
    phone_index = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    real_name = EncryptedTextField(blank=True, default="")
    citizen_id = EncryptedTextField(blank=True, default="")
    citizen_id_index = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    real_name_verified_at = models.DateTimeField(null=True, blank=True)
    email = models.EmailField(blank=True)
    preferred_language = models.CharField(max_length=16, default="zh-hans")
    departments = models.ManyToManyField(Department, blank=True, related_name="staff")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May log in to the admin site.")
    date_joined = models.DateTimeField(auto_now_add=True)

    objects = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        permissions = [
            ("view_resident_data", "Can read a resident's personal data (audited)"),
            ("manage_staff", "Can create staff accounts and assign roles"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="resident") | Q(username__isnull=False), name="staff_has_username"
            ),
        ]

    def __str__(self) -> str:
        return self.username or f"resident {self.pk}"

    @property
    def is_resident(self) -> bool:
        return self.kind == UserKind.RESIDENT

    @property
    def real_name_verified(self) -> bool:
        return self.real_name_verified_at is not None


class Identity(models.Model):
    """A way to log in: `(provider, subject)` belongs to exactly one user.

    For `phone` the subject is the phone's keyed hash, never the number itself.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="identities")
    provider = models.CharField(max_length=16, choices=IdentityProvider.choices)
    subject = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="identity_unique_per_provider"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.subject[:8]}…"


class OtpCode(models.Model):
    """An SMS login code: only its keyed hash is stored; it expires and burns after 5 misses."""

    phone_index = models.CharField(max_length=64, db_index=True)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["phone_index", "created_at"])]

    def __str__(self) -> str:
        return f"otp {self.pk} ({'used' if self.consumed_at else 'open'})"
