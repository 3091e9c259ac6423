"""The H5 demo page at `/h5/`: a small mobile web app of 查缴办 against the real backend API.

Static files beside this module (no build step). `GET /h5/config.json` tells the page where
the backend is (another origin: the backend allows it through `CORS_ALLOWED_ORIGINS`). The page
talks to the sandbox only where a phone would: it reads the fake SMS inbox (the resident's
phone) and "scans" a WeChat Pay QR code through the console.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from werkzeug.wrappers import Request, Response

from mobile_mock.console.app import serve_static

PREFIX = "/h5"
STATIC = Path(__file__).resolve().parent


class H5App:
    def __init__(self, backend_url: str) -> None:
        self.backend_url = backend_url.rstrip("/")

    def handles(self, path: str) -> bool:
        return path == PREFIX or path.startswith(f"{PREFIX}/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        name = request.path[len(PREFIX) :].lstrip("/")
        if request.path == PREFIX:
            response = Response(status=308, headers={"Location": f"{PREFIX}/"})
        elif request.method != "GET" or name.endswith(".py") or "__pycache__" in name:
            response = Response("not found", status=404)
        elif name == "config.json":
            response = Response(json.dumps({"api": self.backend_url}), mimetype="application/json")
        else:
            response = serve_static(STATIC, name, environ)
        return response(environ, start_response)
