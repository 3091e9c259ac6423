"""Validation of citizen ID numbers (GB 11643-1999) and phone numbers (E.164)."""

from __future__ import annotations

import re
from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# First two digits: province-level divisions of GB/T 2260 (83: residence permits for
# Taiwan residents).
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_LEGACY = re.compile(r"[0-9]{15}")
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
# What people type around a phone number; letters are refused, not keypad-converted.
_PHONE_CHARS = re.compile(r"\+?[0-9 ()\-]+")


def citizen_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalize_citizen_id(value: str) -> str:
    """Return the 18-character ID number (upper-case `X`) or raise ValidationError with a code.

    Codes: `id_number_legacy` (15 digits), `id_number_length`, `id_number_format`,
    `id_number_region`, `id_number_birth_date`, `id_number_future_birth`,
    `id_number_checksum`.
    """
    raw = (value or "").strip().upper()
    # ASCII digits only: str.isdigit() also admits full-width and superscript digits.
    if _LEGACY.fullmatch(raw):
        raise ValidationError(
            _("15-digit legacy ID numbers are no longer accepted; use the 18-character number."),
            code="id_number_legacy",
        )
    if len(raw) != 18:
        raise ValidationError(_("A citizen ID number has 18 characters."), code="id_number_length")
    if not _SHAPE.fullmatch(raw):
        raise ValidationError(
            _("A citizen ID number is 17 digits followed by a digit or X."), code="id_number_format"
        )
    if int(raw[:2]) not in PROVINCE_CODES or raw[2:6] == "0000":
        raise ValidationError(_("The region code of the ID number is not valid."), code="id_number_region")
    try:
        birth = date(int(raw[6:10]), int(raw[10:12]), int(raw[12:14]))
    except ValueError as exc:
        raise ValidationError(
            _("The birth date in the ID number is not a real date."), code="id_number_birth_date"
        ) from exc
    today = timezone.localdate()
    if birth > today:
        raise ValidationError(
            _("The birth date in the ID number is in the future."), code="id_number_future_birth"
        )
    if birth.year < 1880:
        raise ValidationError(
            _("The birth date in the ID number is not a real date."), code="id_number_birth_date"
        )
    if citizen_id_check_char(raw[:17]) != raw[17]:
        raise ValidationError(_("The check character of the ID number is wrong."), code="id_number_checksum")
    return raw


def normalize_phone(value: str, *, default_region: str = "CN", mobile_only: bool = True) -> str:
    """Return the number in E.164 (`+8613812345678`) or raise ValidationError with a code.

    Codes: `phone_invalid`, `phone_not_mobile` (SMS needs a mobile number).
    """
    text = (value or "").strip()
    if not _PHONE_CHARS.fullmatch(text):
        raise ValidationError(_("This is not a valid phone number."), code="phone_invalid")
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("This is not a valid phone number."), code="phone_invalid") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("This is not a valid phone number."), code="phone_invalid")
    kind = phonenumbers.number_type(parsed)
    if mobile_only and kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(_("Please use a mobile phone number."), code="phone_not_mobile")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def birth_date_of(citizen_id: str) -> date:
    return date(int(citizen_id[6:10]), int(citizen_id[10:12]), int(citizen_id[12:14]))
