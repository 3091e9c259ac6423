"""Registers the notifications handler with the account-merge registry (when it exists)."""

from __future__ import annotations

from typing import Any


def handle_merge(*, keep: Any, absorb: Any) -> None:
    from notifications.services import messages_move

    messages_move(keep=keep, absorb=absorb)


def register() -> None:
    try:
        from backend.accounts.merge import register_merge_handler
    except ImportError:  # the registry arrives with the mini-program bridge issue
        return
    register_merge_handler("notifications", handle_merge)
