#!/usr/bin/env bash
# Benchmark of the websocket event stream (issue 6): N concurrent clients on ONE uvicorn process
# (Redis channel layer, as in production), memory per connection, and event-to-client latency
# p50/p99 for single-resident events and for a broadcast to all.
#
#   bench/run_ws.sh                            # N = 2,000, 10,000, and 2,000 with channels' stock
#                                              # dispatch (A/B, bench/ws_stock_asgi.py); writes
#                                              # the `websocket` section of bench/RESULTS.md
#   BENCH_WS_CLIENTS=500 bench/run_ws.sh       # one size (`500:stock` for the A/B variant)
#   CHANNEL_LAYER_BACKEND=core bench/run_ws.sh # channels_redis RedisChannelLayer instead of pubsub
#
# Needs Redis at BENCH_REDIS_URL (default db 3 of the local server; the bench flushes that db);
# the pubsub layer needs one or two Redis connections per process, whatever N. Uses its own
# SQLite file. About 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# One socket per client on each side (both in this machine): raise the open-file limit.
ulimit -n "$(ulimit -Hn)" || true
export BENCH_WS_CLIENTS=${BENCH_WS_CLIENTS:-2000,10000,2000:stock}
export BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
export BENCH_DB=${BENCH_DB:-/tmp/zb_bench_ws.sqlite3}
export CHANNEL_LAYER_BACKEND=${CHANNEL_LAYER_BACKEND:-pubsub}
exec .venv/bin/python bench/ws_fanout.py
