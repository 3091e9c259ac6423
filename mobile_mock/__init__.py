"""The sandbox: fake provider servers speaking the real protocols. Never imported by production code."""
