# A cavos sandbox in the background, for build.sh (AOT training), smoke-test.sh and startup-benchmark.sh.
# Source it, then: start_sandbox LOG COMMAND…  runs `COMMAND… sandbox start --port <random port>` and waits
# up to 60 s for the demo token it prints. It sets sandbox_pid, sandbox_url and sandbox_token, or shows the
# log on stderr and returns 1. stop_sandbox stops it.
start_sandbox() {
  local log="$1"; shift
  local port=$(( 20000 + RANDOM % 20000 ))
  "$@" sandbox start --port "$port" > "$log" 2>&1 &
  sandbox_pid=$!
  sandbox_url="http://127.0.0.1:$port/rpc/v0_10"
  sandbox_token=""
  for _ in $(seq 1 300); do
    [ -f "$log" ] && sandbox_token="$(sed -n 's/.*CAVOS_TOKEN="\(.*\)"/\1/p' "$log" | head -1)"
    [ -n "$sandbox_token" ] && return 0
    kill -0 "$sandbox_pid" 2> /dev/null || break   # it stopped (a port in use): no token will come
    sleep 0.2
  done
  cat "$log" >&2
  return 1
}

stop_sandbox() {
  kill "${sandbox_pid:-}" 2>/dev/null || true
  wait "${sandbox_pid:-}" 2>/dev/null || true
}
