"""Websocket routes under /ws/v1/ (contract: openapi/asyncapi.yaml)."""

from django.urls import path

from notifications.consumers import EventStreamConsumer

websocket_urlpatterns: list = [
    path("ws/v1/events", EventStreamConsumer.as_asgi()),
]
