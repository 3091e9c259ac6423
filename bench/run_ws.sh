#!/usr/bin/env bash
# Benchmark of the websocket event stream (issue 6): N concurrent clients on ONE uvicorn process
# (Redis channel layer, as in production), memory per connection, and event-to-client latency
# p50/p99 for single-resident events and for a broadcast to all.
#
#   bench/run_ws.sh                  # BENCH_WS_CLIENTS=10000 by default; writes bench/RESULTS.md
#
# Needs Redis at BENCH_REDIS_URL (default db 3 of the local server). Uses its own SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
# One socket per client on each side, plus the server's: raise the open-file limit.
ulimit -n "$(ulimit -Hn)" || true
export BENCH_WS_CLIENTS=${BENCH_WS_CLIENTS:-10000}
export BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
export BENCH_DB=${BENCH_DB:-/tmp/zb_bench_ws.sqlite3}
exec .venv/bin/python bench/ws_fanout.py
