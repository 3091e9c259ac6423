"""The resident simulator: walks the whole 查缴办 journey through the public API only.

It talks to the backend through the client generated from `openapi/openapi.yaml`
(`make client` → `build/zhangban_client`) and to the websocket `/ws/v1/events`; it plays the
WeChat app and the resident's phone through the fake providers' control endpoints (mint a
`wx.login` code, pay an order, read the SMS inbox). `make demo` runs it (scripts/demo.py).

Modules: `steps` (the journey, one asserted step each), `transcript` (what is printed, with
personal values masked), `events` (the websocket listener), `fakes` (the sandbox controls),
`documents` (Pillow-made photos of the materials), `totp` (staff second factor), `runner`.
"""
