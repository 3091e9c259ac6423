"""JSON log lines with the request id; personal data masked before anything is written."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from backend.core.masking import mask_text, mask_value
from backend.core.request_context import request_id_var

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class MaskPersonalDataFilter(logging.Filter):
    """Rewrite the message and extra fields so no ID number or phone reaches a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = mask_text(message)
        record.args = ()
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD:
                setattr(record, key, mask_value(value))
        return True


def _jsonable(value: Any) -> Any:
    """Structures stay structures (masked); anything else becomes its masked text."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, int | float | bool | type(None)):
        return value
    return mask_text(str(value))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | type(None)) else _jsonable(value)
        if record.exc_info:
            entry["exc"] = mask_text(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
