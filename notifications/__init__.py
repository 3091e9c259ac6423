"""Notifications: one outbox for every message (SMS, subscribe message, e-mail, inbox, websocket)."""
