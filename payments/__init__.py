"""Bills, payment orders, provider adapters, callbacks, refunds, ledger and reconciliation."""
