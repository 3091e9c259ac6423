"""Test data builders."""

from __future__ import annotations

import random
from datetime import date

from backend.accounts.validators import citizen_id_check_char


def make_citizen_id(region: str = "110105", birth: date | str = "19900307", seq: str | None = None) -> str:
    """A valid 18-character citizen ID number for tests (GB 11643 check character)."""
    birth_text = birth.strftime("%Y%m%d") if isinstance(birth, date) else birth
    seq = seq or f"{random.randint(0, 999):03d}"
    first17 = f"{region}{birth_text}{seq}"
    return first17 + citizen_id_check_char(first17)


def make_phone() -> str:
    """A valid mainland mobile number in E.164, unique enough for one test run."""
    return f"+86138{random.randint(0, 99_999_999):08d}"
