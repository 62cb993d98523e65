#!/usr/bin/env bash
# The start-up cache of ./cavos (a JVM AOT cache): trained on CliTraining's commands against a sandbox started for
# the purpose, written beside the class path it fits. Run by the build (package phase) and by ./cavos when the cache is
# older than the jars. A cache that cannot be made is only a slower start: this says why and exits 0.
# Usage: .mvn/cavos-cache.sh JAVA CLASSPATH_FILE CACHE JVM_OPTION...
set -uo pipefail
java="$1" classpath_file="$2" cache="$3"; shift 3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../installer/sandbox.sh
source "$here/installer/sandbox.sh"
classpath="$(cat "$classpath_file")"
work="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$work"' EXIT
rm -f "$cache.failed"
failed() {   # a stamp, so that ./cavos does not try again at every start
  touch "$cache.failed"
  echo "[cavos] No start-up cache: $1. cavos works, only starts slower; the next build tries again." >&2
  exit 0
}
if ! start_sandbox "$work/sandbox.log" env CAVOS_HOME="$work/sandbox-home" "$java" "$@" -cp "$classpath" \
    xyz.cavos.wallet.app.CliLauncher; then
  failed "the training sandbox did not start (see above)"
fi
# written under another name and moved into place, so that a cavos starting meanwhile never maps half a file
partial="$cache.$$.partial"
if CAVOS_TOKEN="$sandbox_token" CAVOS_RPC_URL="$sandbox_url" "$java" "$@" -XX:AOTCacheOutput="$partial" \
    -Xlog:aot*=off,cds*=off -cp "$classpath" xyz.cavos.wallet.app.CliTraining > "$work/training.log" 2>&1 \
    && [ -s "$partial" ]; then
  mv -f "$partial" "$cache"
  # the JDK it was made with, which ./cavos uses when JAVA_HOME is not set (the cache only fits that JDK)
  printf '%s\n' "$(cd "$(dirname "$java")/.." && pwd)" > "$cache.jdk"
else
  rm -f "$partial" "$partial.config"
  cat "$work/training.log" >&2
  failed "the training run failed"
fi
exit 0
