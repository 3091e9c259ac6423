"""Sandbox identity service: answers whether a name matches a citizen ID number.

Speaks the signed protocol of `backend.accounts.realname.HttpRealNameVerifier` and signs
its answers the same way. Every pair matches unless the sandbox was told otherwise:
`POST /realname/_control/mismatch {"name", "id_number"}` makes a pair fail;
`POST /realname/_control/mode {"mode": "ok" | "error" | "slow"}` simulates outages.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response


def _sign(secret: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = timestamp.encode() + b"\n" + nonce.encode() + b"\n" + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


@dataclass
class RealNameState:
    secret: str
    mismatches: set[tuple[str, str]] = field(default_factory=set)
    mode: str = "ok"
    slow_seconds: float = 10.0
    calls: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class RealNameApp:
    url_map = Map(
        [
            Rule("/realname/verify", endpoint="verify", methods=["POST"]),
            Rule("/realname/_control/mismatch", endpoint="mismatch", methods=["POST"]),
            Rule("/realname/_control/mode", endpoint="mode", methods=["POST"]),
            Rule("/realname/_control/calls", endpoint="calls", methods=["GET"]),
        ]
    )

    def __init__(self, secret: str) -> None:
        self.state = RealNameState(secret=secret)

    def handles(self, path: str) -> bool:
        return path.startswith("/realname/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        adapter = self.url_map.bind_to_environ(environ)
        endpoint, _ = adapter.match()
        response = getattr(self, f"on_{endpoint}")(request)
        return response(environ, start_response)

    def on_verify(self, request: Request) -> Response:
        body = request.get_data()
        expected = _sign(
            self.state.secret,
            request.headers.get("X-Timestamp", ""),
            request.headers.get("X-Nonce", ""),
            body,
        )
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            return Response(json.dumps({"error": "bad signature"}), status=401, mimetype="application/json")
        if abs(time.time() - int(request.headers.get("X-Timestamp", "0") or 0)) > 300:
            return Response(json.dumps({"error": "stale request"}), status=401, mimetype="application/json")
        payload = json.loads(body)
        with self.state.lock:
            self.state.calls.append({"name": payload.get("name"), "id_number": payload.get("id_number")})
            mode = self.state.mode
            mismatch = (payload.get("name"), payload.get("id_number")) in self.state.mismatches
        if mode == "error":
            return Response(
                json.dumps({"error": "upstream unavailable"}), status=503, mimetype="application/json"
            )
        if mode == "slow":
            time.sleep(self.state.slow_seconds)
        answer = json.dumps({"result": "mismatch" if mismatch else "match"}).encode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        return Response(
            answer,
            mimetype="application/json",
            headers={
                "X-Timestamp": timestamp,
                "X-Nonce": nonce,
                "X-Signature": _sign(self.state.secret, timestamp, nonce, answer),
            },
        )

    def on_mismatch(self, request: Request) -> Response:
        payload = request.get_json(force=True)
        with self.state.lock:
            self.state.mismatches.add((payload["name"], payload["id_number"]))
        return Response(status=204)

    def on_mode(self, request: Request) -> Response:
        payload = request.get_json(force=True)
        with self.state.lock:
            self.state.mode = payload["mode"]
            self.state.slow_seconds = float(payload.get("slow_seconds", self.state.slow_seconds))
        return Response(status=204)

    def on_calls(self, request: Request) -> Response:
        with self.state.lock:
            # Masked: even the sandbox does not echo whole ID numbers.
            calls = [
                {"name": c["name"], "id_number": (c["id_number"] or "")[:6] + "…"} for c in self.state.calls
            ]
        return Response(json.dumps(calls, ensure_ascii=False), mimetype="application/json")
