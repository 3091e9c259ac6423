"""WSGI front of the console: the page, its JSON state and its actions, under `/console/`.

- `GET /console/` the page (`static/index.html`, plain JS, no build step)
- `GET /console/api/state` everything the fakes hold (see `state.py`)
- `POST /console/api/actions/<provider>/<name>` JSON body → JSON answer (see `actions.py`);
  400 `{"error": …}` when the fakes cannot do it
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import NotFound
from werkzeug.utils import send_from_directory
from werkzeug.wrappers import Request, Response

from mobile_mock.console.actions import ACTIONS, ActionError
from mobile_mock.console.state import snapshot

if TYPE_CHECKING:
    from mobile_mock.server import MockProviders

PREFIX = "/console"
STATIC = Path(__file__).resolve().parent / "static"


def _json(payload: Any, status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def serve_static(directory: Path, name: str, environ: dict[str, Any]) -> Response:
    """A file of `directory` (no path escapes), never cached: the sandbox page changes as you edit it."""
    try:
        response = send_from_directory(directory, name or "index.html", environ)
    except NotFound:
        return Response("not found", status=404)
    response.headers["Cache-Control"] = "no-store"
    return response


class ConsoleApp:
    def __init__(self, providers: MockProviders) -> None:
        self.providers = providers

    def handles(self, path: str) -> bool:
        return path == PREFIX or path.startswith(f"{PREFIX}/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        path = request.path[len(PREFIX) :].lstrip("/")
        if request.path == PREFIX:
            response: Response = Response(status=308, headers={"Location": f"{PREFIX}/"})
        elif path == "api/state" and request.method == "GET":
            response = _json(snapshot(self.providers))
        elif path.startswith("api/actions/") and request.method == "POST":
            response = self.on_action(request, path[len("api/actions/") :])
        elif request.method == "GET" and not path.startswith("api/"):
            response = serve_static(STATIC, path, environ)
        else:
            response = Response("not found", status=404)
        return response(environ, start_response)

    def on_action(self, request: Request, name: str) -> Response:
        action = ACTIONS.get(name)
        if action is None:
            return _json({"error": f"unknown action {name}"}, status=404)
        body = request.get_json(force=True, silent=True) or {}
        try:
            return _json(action(self.providers, body))
        except ActionError as exc:
            return _json({"error": str(exc)}, status=400)
