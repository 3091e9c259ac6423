"""The readable transcript of a simulator run: numbered bilingual steps, masked personal values."""

from __future__ import annotations

import sys
from typing import Any, TextIO


def mask_phone(phone: str) -> str:
    """`13812345678` → `138****5678` (the same mask the API uses)."""
    digits = phone.removeprefix("+86")
    return f"{digits[:3]}****{digits[-4:]}" if len(digits) >= 7 else "****"


def mask_id_number(number: str) -> str:
    """`110105199001011234` → `110105********1234`."""
    return f"{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}" if len(number) > 10 else "****"


def mask_name(name: str) -> str:
    """`张三丰` → `张**`."""
    return f"{name[:1]}{'*' * (len(name) - 1)}" if name else ""


def mask_secret(value: str) -> str:
    """Tokens, codes and signatures: enough to recognise, never enough to use."""
    return f"{value[:6]}…({len(value)} chars)" if len(value) > 8 else "****"


class Transcript:
    """Prints steps as `[07] 提交申请 · Submit the application` followed by indented facts."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.number = 0

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def banner(self, text: str) -> None:
        self._print(f"\n{'=' * 78}\n{text}\n{'=' * 78}")

    def step(self, zh: str, en: str) -> None:
        self.number += 1
        self._print(f"\n[{self.number:02d}] {zh} · {en}")

    def fact(self, label: str, value: Any) -> None:
        self._print(f"     {label:<22} {value}")

    def ok(self, text: str) -> None:
        self._print(f"     ✔ {text}")

    def note(self, text: str) -> None:
        self._print(f"     · {text}")

    def failed(self, text: str) -> None:
        self._print(f"     ✘ {text}")
