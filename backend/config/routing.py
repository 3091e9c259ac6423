"""Websocket routes under /ws/v1/ (the event stream arrives with the notifications feature)."""

websocket_urlpatterns: list = []
