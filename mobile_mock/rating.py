"""Sandbox of the provincial rating system (省好差评系统) that Zhangban forwards ratings to.

`POST /rating/evaluations` with a JSON body and the headers `X-App-Id`, `X-Timestamp`,
`X-Nonce`, `X-Signature` = hex HMAC-SHA256(secret, timestamp "\\n" nonce "\\n" body). Answers
`{"code": 0, "id": <evaluation_id>}`; a repeated `evaluation_id` is accepted once (idempotent).
A bad signature or a timestamp more than 5 minutes off answers 401 `{"code": 40101}`.
`POST /rating/_control/mode {"mode": "ok" | "error"}` simulates an outage (503);
`GET /rating/_control/received` lists what was received.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response


@dataclass
class RatingState:
    secret: str
    mode: str = "ok"
    received: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type="application/json")


class RatingApp:
    url_map = Map(
        [
            Rule("/rating/evaluations", endpoint="evaluations", methods=["POST"]),
            Rule("/rating/_control/mode", endpoint="mode", methods=["POST"]),
            Rule("/rating/_control/received", endpoint="received", methods=["GET"]),
        ]
    )

    def __init__(self, secret: str) -> None:
        self.state = RatingState(secret=secret)

    def handles(self, path: str) -> bool:
        return path.startswith("/rating/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        endpoint, _ = self.url_map.bind_to_environ(environ).match()
        return getattr(self, f"on_{endpoint}")(request)(environ, start_response)

    def on_evaluations(self, request: Request) -> Response:
        body = request.get_data()
        timestamp = request.headers.get("X-Timestamp", "")
        nonce = request.headers.get("X-Nonce", "")
        expected = hmac.new(
            self.state.secret.encode(),
            timestamp.encode() + b"\n" + nonce.encode() + b"\n" + body,
            hashlib.sha256,
        ).hexdigest()
        with self.state.lock:
            self.state.calls += 1
            if self.state.mode == "error":
                return _json({"code": 50300, "message": "service unavailable"}, 503)
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            return _json({"code": 40101, "message": "bad signature"}, 401)
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
            return _json({"code": 40101, "message": "stale timestamp"}, 401)
        payload = json.loads(body)
        with self.state.lock:
            self.state.received.setdefault(payload["evaluation_id"], payload)
        return _json({"code": 0, "id": payload["evaluation_id"]})

    def on_mode(self, request: Request) -> Response:
        self.state.mode = json.loads(request.get_data())["mode"]
        return _json({"code": 0})

    def on_received(self, request: Request) -> Response:
        return _json({"code": 0, "received": list(self.state.received.values())})
