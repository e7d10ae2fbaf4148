#!/usr/bin/env bash
# Redis for the queue tests in CI.
#   eval "$(scripts/redis-ci.sh start)"   starts a private redis-server and prints `export REDIS_URL=…`
#   scripts/redis-ci.sh stop               stops it (by the pid it recorded) and removes its folder
# When REDIS_URL is already set (a Redis service container), `start` uses it and starts nothing.
# The server listens on 127.0.0.1 only, on a free port, and persists nothing (--save '' --appendonly no,
# its folder in the temp dir), so CI never writes dump files into the repository.
set -euo pipefail

STATE_DIR="${TMPDIR:-/tmp}/nestjs-zixflow-redis-ci"
PID_FILE="$STATE_DIR/redis.pid"

fail() {
  echo "redis-ci: $*" >&2
  exit 1
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

wait_for_pong() {
  local port=$1
  for _ in $(seq 1 100); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'PING\r\n' >&3
      if read -r -t 1 reply <&3 && [[ "$reply" == +PONG* ]]; then
        exec 3>&-
        return 0
      fi
      exec 3>&-
    fi
    sleep 0.1
  done
  return 1
}

start() {
  if [[ -n "${REDIS_URL:-}" ]]; then
    echo "redis-ci: using REDIS_URL from the environment" >&2
    printf 'export REDIS_URL=%q\n' "$REDIS_URL"
    return
  fi
  local binary="${REDIS_SERVER:-$(command -v redis-server || true)}"
  [[ -x "$binary" ]] || fail "redis-server not found; install it (Debian/Ubuntu: apt-get install -y redis-server) or set REDIS_URL"
  [[ ! -f "$PID_FILE" ]] || fail "a Redis started by this script is still recorded in $PID_FILE; run '$0 stop' first"
  mkdir -p "$STATE_DIR/data"
  local port
  port=$(free_port)
  "$binary" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$STATE_DIR/data" \
    --daemonize yes --pidfile "$PID_FILE" --logfile "$STATE_DIR/redis.log" >&2
  wait_for_pong "$port" || fail "redis-server did not answer on port $port; see $STATE_DIR/redis.log"
  echo "redis-ci: redis-server $(cat "$PID_FILE") on 127.0.0.1:$port" >&2
  printf 'export REDIS_URL=%q\n' "redis://127.0.0.1:$port"
}

stop() {
  if [[ ! -f "$PID_FILE" ]]; then
    echo "redis-ci: nothing to stop" >&2
    return
  fi
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -rf "$STATE_DIR"
  echo "redis-ci: stopped redis-server $pid" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) fail "usage: $0 start|stop" ;;
esac
