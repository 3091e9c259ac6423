"""Search keys of a service item: names and aliases, with pinyin in full and as initials.

`身份证` gives `身份证 shenfenzheng sfz`, so a resident typing `sfz` or `shenfenzheng` on a
phone keyboard finds it. Keys are lower case; the query is lower-cased the same way and
matched with a substring `LIKE`, which a pg_trgm GIN index serves on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin


def _keys_of(text: str) -> list[str]:
    text = text.strip().lower()
    if not text:
        return []
    full = "".join(lazy_pinyin(text, errors="default")).lower().replace(" ", "")
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower().replace(" ", "")
    keys = [text]
    for key in (full, initials):
        if key and key not in keys:
            keys.append(key)
    return keys


def search_keys(names: Iterable[str]) -> str:
    """One line of `|`-separated keys for every name given."""
    parts: list[str] = []
    for name in names:
        for key in _keys_of(name):
            if key not in parts:
                parts.append(key)
    return "|".join(parts)


def normalize_query(q: str) -> str:
    """The query as it is matched: lower case, inner spaces removed (`shen fen zheng`)."""
    return "".join(q.lower().split())
