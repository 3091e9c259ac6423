"""How personal data is shown: masked, in APIs and logs alike."""

from __future__ import annotations

import re

import phonenumbers


def mask_citizen_id(value: str | None) -> str | None:
    """`110105199001011234` → `110105********1234` (region code and last four stay)."""
    if not value:
        return value
    if len(value) <= 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


def mask_phone(value: str | None) -> str | None:
    """`+8613812345678` → `138****5678`; other countries keep their prefix and last four."""
    if not value:
        return value
    try:
        parsed = phonenumbers.parse(value, "CN")
        national = str(parsed.national_number)
        country = parsed.country_code
    except phonenumbers.NumberParseException:
        national, country = re.sub(r"\D", "", value), 86
    if len(national) < 7:
        return "*" * len(national)
    masked = f"{national[:3]}{'*' * (len(national) - 7)}{national[-4:]}"
    return masked if country == 86 else f"+{country} {masked}"


def mask_name(value: str | None) -> str | None:
    """`张三丰` → `张**`; `Li Lei` → `L*****`: only the first character stays."""
    if not value:
        return value
    return value[0] + "*" * (len(value) - 1)


# Defence in depth for log lines: anything shaped like an ID number or a mainland mobile.
_ID_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_PHONE_PATTERN = re.compile(r"(?<!\d)(\+?86)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")


def mask_text(text: str) -> str:
    """Mask every ID-number-like and mobile-like run in free text."""
    text = _ID_PATTERN.sub(lambda m: f"{m.group(1)}********{m.group(3)[-4:]}", text)
    return _PHONE_PATTERN.sub(lambda m: f"{m.group(2)}****{m.group(4)}", text)


def mask_value(value: object) -> object:
    """`mask_text` applied to every string inside dicts, lists and tuples."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {k: mask_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_value(v) for v in value]
    return value
