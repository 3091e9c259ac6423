"""`python -m mobile_mock --port 8001`: serve the fake providers on loopback."""

from __future__ import annotations

import argparse
import os

from werkzeug.serving import run_simple

from mobile_mock.server import MockConfig, MockProviders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    config = MockConfig(realname_secret=os.environ["REAL_NAME_APP_SECRET"])
    run_simple(args.host, args.port, MockProviders(config), threaded=True)


if __name__ == "__main__":
    main()
