#!/usr/bin/env bash
# Builds the .deb, installs it as a user would (apt-get install ./file.deb), runs the installed `cavos`
# and desktop app, prints the start-up figures, then removes the package. Linux, as root, with a
# Secret Service running (see .ci/run) and Xvfb for the window. Fails when the package is 60 MB or more.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
step() { printf '\n==> %s\n' "$*"; }
fail() { echo "smoke test: $*" >&2; exit 1; }
source installer/sandbox.sh
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive

step "Build the package"
./mvnw -Pinstaller -DskipTests package
deb="$(ls target/installer/packages/cavos-desktop_*.deb)"
size=$(stat -c %s "$deb")
echo "$deb: $(( size / 1024 / 1024 )) MB"
[ "$size" -lt $(( 60 * 1024 * 1024 )) ] || fail "the package is $(( size / 1024 / 1024 )) MB, over the 60 MB budget"

step "Install it (no desktop environment here)"
if [ -d /usr/share/desktop-directories ] && [ -z "$(ls -A /usr/share/desktop-directories)" ]; then
  as_root rmdir /usr/share/desktop-directories   # as on a fresh server: the package must cope
fi
if dpkg -s cavos-desktop > /dev/null 2>&1; then as_root apt-get remove -y cavos-desktop > /dev/null; fi
as_root apt-get install -y "./$deb"
trap 'as_root apt-get remove -y cavos-desktop > /dev/null 2>&1 || true' EXIT
[ -x /usr/bin/cavos ] || fail "cavos is not on PATH after installing"
version="$(sed -n 's/^version=//p' target/classes/xyz/cavos/wallet/version.properties)"
[ "$(cavos --version)" = "cavos $version" ] || fail "cavos --version said: $(cavos --version)"
echo "cavos --version: $(cavos --version)"

step "The installed cavos against a sandbox, with the session in the keychain"
export CAVOS_HOME="$(mktemp -d)"
trap 'stop_sandbox; as_root apt-get remove -y cavos-desktop > /dev/null 2>&1 || true' EXIT
start_sandbox "$CAVOS_HOME/sandbox.log" cavos || fail "the installed cavos sandbox did not start"
printf %s "$sandbox_token" | cavos session import --network sandbox --rpc-url "$sandbox_url"
balance="$(cavos balance)"
echo "$balance"
grep -Eq '^ *STRK +1,000$' <<< "$balance" || fail "cavos balance did not show the demo wallet's 1,000 STRK"
cavos --json balance | grep -q '"status" *: *"success"' || fail "cavos --json balance did not answer success"
cavos session clear > /dev/null

step "The installed desktop app, headless, to its first frame"
exec_line="$(sed -n 's/^Exec=//p' /opt/cavos-desktop/lib/*.desktop | head -1)"
echo "menu entry runs: $exec_line"
gui="$(CAVOS_STARTUP_PROBE=exit timeout 60 xvfb-run -a "$exec_line" 2>&1)" \
  || { echo "$gui"; fail "the desktop app did not start"; }
grep -q '^first-frame-epoch-ms=' <<< "$gui" || { echo "$gui"; fail "the desktop app showed no frame"; }
echo "first frame shown"

step "Start-up figures"
stop_sandbox
xvfb-run -a installer/startup-benchmark.sh /opt/cavos-desktop

step "Remove it"
trap - EXIT
as_root apt-get remove -y cavos-desktop
[ ! -e /usr/bin/cavos ] || fail "/usr/bin/cavos is still there after removing the package"
[ ! -e /opt/cavos-desktop/bin ] || fail "/opt/cavos-desktop is still there after removing the package"
echo "installed, used and removed cleanly"
