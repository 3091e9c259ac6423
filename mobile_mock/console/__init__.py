"""The sandbox console at `/console/`: what the fake providers hold, and buttons that make them act.

`state.py` reads the fakes' records into one JSON snapshot, `actions.py` makes a fake resident
pay / fail, a provider resend or tamper a callback, a refund complete; `app.py` serves both and
the page in `static/`. Everything goes through the fakes' own objects, so the console sees and
does exactly what their control endpoints do.
"""

from mobile_mock.console.app import ConsoleApp

__all__ = ["ConsoleApp"]
