"""Model fields for personal data."""

from __future__ import annotations

from typing import Any

from django.db import models

from backend.core import pii


class EncryptedTextField(models.TextField):
    """A text column holding AES-GCM ciphertext; Python sees the plaintext.

    Equality lookups on it are meaningless (every encryption differs); search through the
    blind-index column beside it instead.
    """

    description = "Encrypted text (AES-256-GCM, key id stored with the value)"

    def contribute_to_class(self, cls: type[models.Model], name: str, *args: Any, **kwargs: Any) -> None:
        super().contribute_to_class(cls, name, *args, **kwargs)
        self._context = f"{cls._meta.app_label}.{cls.__name__}.{name}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return pii.decrypt(value, context=self._context)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return pii.encrypt(value, context=self._context)

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in {"isnull"}:
            return None
        return super().get_lookup(lookup_name)
