"""The sandbox provider of the embedded default (no keys, no network)."""

from payments.providers.sandbox.adapter import SandboxProvider

__all__ = ["SandboxProvider"]
