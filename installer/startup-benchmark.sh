#!/usr/bin/env bash
# Start-up figures of the installed package (Linux): the desktop app's time from launch to its first
# frame, with and without the AOT cache, and the wall time of `cavos --version` and `cavos balance`
# against a local sandbox. Medians of 5 runs after one warm-up. Needs a display (run under xvfb-run).
# Usage: installer/startup-benchmark.sh [/opt/cavos-desktop]
set -euo pipefail
app="${1:-/opt/cavos-desktop}"
runs=5
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
export CAVOS_HOME="$(mktemp -d)"

first_frame() {   # prints ms from launch to first frame for the command given
  local start out
  start=$(now_ms)
  out="$(CAVOS_STARTUP_PROBE=exit "$@" 2>/dev/null)"
  echo $(( $(sed -n 's/^first-frame-epoch-ms=//p' <<< "$out") - start ))
}
measure() {       # label, then the command; prints "label: median ms (runs)"
  local label="$1"; shift
  "$@" > /dev/null 2>&1 || true
  local values=()
  for _ in $(seq $runs); do values+=("$("$@")"); done
  printf '%-44s %5s ms   (%s)\n' "$label" "$(printf '%s\n' "${values[@]}" | median)" "${values[*]}"
}
wall() {          # prints the wall time of a command in ms
  local start; start=$(now_ms); "$@" > /dev/null 2>&1; echo $(( $(now_ms) - start ))
}

appdir="$app/lib/app"
gui_direct() {    # the desktop app started by the runtime's java, with the launcher's options
  local options=() o
  while IFS= read -r o; do
    [ "${1:-}" = no-aot ] && [[ "$o" == -XX:AOTCache=* ]] && continue
    options+=("${o//\$APPDIR/$appdir}")
  done < <(sed -n 's/^java-options=//p' "$appdir/cavos-desktop.cfg")
  "$app/lib/runtime/bin/java" "${options[@]}" \
    -cp "$(sed -n 's/^app\.classpath=//p' "$appdir/cavos-desktop.cfg" | sed "s|\$APPDIR|$appdir|g" | paste -sd: -)" \
    xyz.cavos.wallet.ui.CavosApp
}

echo "Start-up, $(nproc) cores, $(sed -n 's/^JAVA_VERSION=//p' "$app/lib/runtime/release" | tr -d '"'), medians of $runs"
measure "desktop app, first frame (menu entry, AOT cache)" first_frame "$app/lib/cavos-desktop-app"
measure "desktop app, first frame (jpackage launcher)" first_frame "$app/bin/cavos-desktop"
measure "desktop app, first frame (java, AOT cache)" first_frame gui_direct
measure "desktop app, first frame (java, no AOT cache)" first_frame gui_direct no-aot

cavos="$(command -v cavos || echo "$app/lib/cavos")"
port=$(( 20000 + RANDOM % 20000 ))
"$cavos" sandbox start --port "$port" > "$CAVOS_HOME/sandbox.out" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  token="$(sed -n 's/.*CAVOS_TOKEN="\(.*\)"/\1/p' "$CAVOS_HOME/sandbox.out" | head -1)"
  [ -n "$token" ] && break
  sleep 0.2
done
export CAVOS_TOKEN="$token" CAVOS_RPC_URL="http://127.0.0.1:$port/rpc/v0_10" CAVOS_NETWORK=sandbox
measure "cavos --version" wall "$cavos" --version
measure "cavos balance (sandbox)" wall "$cavos" balance
measure "cavos balance (sandbox, bin/cavos launcher)" wall "$app/bin/cavos" balance
