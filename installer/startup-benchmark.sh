#!/usr/bin/env bash
# Start-up figures of the installed package (Linux): the desktop app's time from launch to its first
# frame, with and without the AOT cache, and the wall time of `cavos --version` and `cavos balance`
# against a local sandbox. Medians of 5 runs after one warm-up. Needs a display (run under xvfb-run).
# Usage: installer/startup-benchmark.sh [/opt/cavos-desktop]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sandbox.sh"
app="${1:-/opt/cavos-desktop}"
runs=5
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
export CAVOS_HOME="$(mktemp -d)"

first_frame() {   # prints ms from launch to first frame for the command given; a run that hangs is stopped
  local start out
  start=$(now_ms)
  out="$(CAVOS_STARTUP_PROBE=exit timeout --kill-after=5 60 "$@" 2>/dev/null || true)"
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
# what the menu entry (lib/cavos-desktop-app) starts, less the AOT cache
gui_without_aot=("$app/lib/runtime/bin/java")
while IFS= read -r o; do
  [[ "$o" == -XX:AOTCache=* ]] || gui_without_aot+=("${o//\$APPDIR/$appdir}")
done < <(sed -n 's/^java-options=//p' "$appdir/cavos-desktop.cfg")
gui_without_aot+=(-cp "$(sed -n 's/^app\.classpath=//p' "$appdir/cavos-desktop.cfg" | sed "s|\$APPDIR|$appdir|g" | paste -sd: -)"
  xyz.cavos.wallet.app.DesktopLauncher)

echo "Start-up, $(nproc) cores, $(sed -n 's/^JAVA_VERSION=//p' "$app/lib/runtime/release" | tr -d '"'), medians of $runs"
measure "desktop app, first frame (menu entry, AOT cache)" first_frame "$app/lib/cavos-desktop-app"
measure "desktop app, first frame (jpackage launcher)" first_frame "$app/bin/cavos-desktop"
measure "desktop app, first frame (menu entry, no AOT cache)" first_frame "${gui_without_aot[@]}"

cavos="$(command -v cavos || echo "$app/lib/cavos")"
trap stop_sandbox EXIT
start_sandbox "$CAVOS_HOME/sandbox.log" "$cavos" || { echo "startup-benchmark: the sandbox did not start" >&2; exit 1; }
export CAVOS_TOKEN="$sandbox_token" CAVOS_RPC_URL="$sandbox_url" CAVOS_NETWORK=sandbox
measure "cavos --version" wall "$cavos" --version
measure "cavos balance (sandbox)" wall "$cavos" balance
measure "cavos balance (sandbox, bin/cavos launcher)" wall "$app/bin/cavos" balance
