"""One WSGI app that hosts every fake provider, each under its own path prefix.

Run on its own port (`python -m mobile_mock --port 8001`) or in a thread inside tests
(`serve_in_thread`). The backend's real SDKs reach it over HTTP; base URLs are settings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from mobile_mock.realname import RealNameApp


@dataclass
class MockConfig:
    realname_secret: str


class MockProviders:
    """Dispatches by path prefix to the fake providers."""

    def __init__(self, config: MockConfig) -> None:
        self.realname = RealNameApp(config.realname_secret)
        self.apps = [self.realname]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        for app in self.apps:
            if app.handles(path):
                return app(environ, start_response)
        return Response("not found", status=404)(environ, start_response)


@dataclass
class RunningMock:
    app: MockProviders
    base_url: str


@contextmanager
def serve_in_thread(config: MockConfig, host: str = "127.0.0.1", port: int = 0) -> Iterator[RunningMock]:
    """Serve the fakes on a loopback port in a background thread for the duration of the block."""
    app = MockProviders(config)
    server = make_server(host, port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="mobile-mock", daemon=True)
    thread.start()
    try:
        yield RunningMock(app=app, base_url=f"http://{host}:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=5)
