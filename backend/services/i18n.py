"""Which guide language a request asks for, and per-field fallback to zh-Hans.

Guides are offered in more languages than the interface itself (Uyghur and Mongolian guide
texts exist while error messages come in zh-Hans and en only), so the guide language is
read from `Accept-Language` here rather than through Django's active language.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation.trans_real import parse_accept_lang_header

from backend.services.constants import BASE_LANGUAGE, GUIDE_LANGUAGES

_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-hans-cn": "zh-hans"}


def guide_language(accept_language: str | None) -> str:
    """The first language of the header that guides are written in, else zh-Hans."""
    for code, _q in parse_accept_lang_header(accept_language or ""):
        code = code.lower()
        code = _ALIASES.get(code, code)
        if code in GUIDE_LANGUAGES:
            return code
        primary = code.split("-")[0]
        if primary in GUIDE_LANGUAGES:
            return primary
        if primary == "zh" and not code.startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo")):
            return BASE_LANGUAGE
    return BASE_LANGUAGE


def tr(translations: dict[str, Any] | None, field: str, base: Any, language: str) -> Any:
    """The text of `field` in `language`, falling back to the zh-Hans base per field."""
    if language != BASE_LANGUAGE and translations:
        value = translations.get(language, {}).get(field)
        if value:
            return value
    return base


def localized(obj: dict[str, Any], fields: tuple[str, ...], language: str) -> dict[str, Any]:
    """A copy of a snapshot dict with `fields` in `language` and the translations dropped."""
    translations = obj.get("translations") or {}
    out = {k: v for k, v in obj.items() if k != "translations"}
    for field in fields:
        out[field] = tr(translations, field, obj.get(field, ""), language)
    return out


def guide_localize(guide: dict[str, Any], *, language: str, version: int) -> dict[str, Any]:
    """A published guide snapshot in one language, ready for the output serializer."""
    out = localized(guide, ("name", "conditions", "legal_basis"), language)
    out["version"] = version
    out["language"] = language
    out["region"] = localized(guide["region"], ("name",), language)
    out["department"] = localized(guide["department"], ("name",), language)
    out["co_departments"] = [localized(d, ("name",), language) for d in guide["co_departments"]]
    out["fees"] = [localized(f, ("name", "legal_basis"), language) for f in guide["fees"]]
    out["steps"] = [localized(s, ("name", "description"), language) for s in guide["steps"]]
    out["windows"] = [localized(w, ("hall", "place", "window", "hours"), language) for w in guide["windows"]]
    out["faqs"] = [localized(q, ("question", "answer"), language) for q in guide["faqs"]]
    out["materials"] = [localized(m, ("name", "notes"), language) for m in guide["materials"]]
    return out
