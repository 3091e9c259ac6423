"""Websocket Origin check: foreign browser pages are refused; clients without Origin are not."""

from __future__ import annotations

import asyncio

import pytest
from channels.testing.websocket import WebsocketCommunicator

from backend.accounts.tokens import tokens_issue

pytestmark = pytest.mark.django_db(transaction=True)


def _app():
    from backend.config.asgi import application

    return application


async def _accepted(headers: list[tuple[bytes, bytes]]) -> bool:
    communicator = WebsocketCommunicator(_app(), "/ws/v1/events", headers=headers)
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return connected


def test_a_foreign_browser_origin_is_refused(make_resident):
    token = tokens_issue(make_resident(), amr=["sms"])["access"]
    auth = (b"authorization", f"Bearer {token}".encode())
    assert not asyncio.run(_accepted([(b"origin", b"https://evil.example"), (b"host", b"127.0.0.1"), auth]))
    assert asyncio.run(_accepted([(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1"), auth]))


def test_a_native_client_without_origin_connects_with_its_token(make_resident):
    token = tokens_issue(make_resident(), amr=["sms"])["access"]
    assert asyncio.run(_accepted([(b"host", b"127.0.0.1"), (b"authorization", f"Bearer {token}".encode())]))


def test_a_cors_origin_is_accepted_with_its_exact_scheme_host_and_port(make_resident, settings):
    """The H5 page's origin (CORS_ALLOWED_ORIGINS) may open the socket; a different port of that host may not."""
    settings.ALLOWED_HOSTS = ["api.zhangban.example"]
    settings.CORS_ALLOWED_ORIGINS = ["https://h5.zhangban.example:8443"]
    token = tokens_issue(make_resident(), amr=["sms"])["access"]
    auth = (b"authorization", f"Bearer {token}".encode())
    host = (b"host", b"api.zhangban.example")

    assert asyncio.run(_accepted([(b"origin", b"https://h5.zhangban.example:8443"), host, auth]))
    assert not asyncio.run(_accepted([(b"origin", b"https://h5.zhangban.example"), host, auth]))
    assert not asyncio.run(_accepted([(b"origin", b"http://h5.zhangban.example:8443"), host, auth]))
