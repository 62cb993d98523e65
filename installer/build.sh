#!/usr/bin/env bash
# Builds Cavos Desktop's native package for this operating system:
#   1. a trimmed Java runtime (jlink: the JDK modules the jars use, JavaFX controls only, no web/media),
#   2. the app image (jpackage) with two launchers: the desktop app and the `cavos` command line,
#   3. an AOT cache for each launcher, from a training run of the app image itself,
#   4. the package: .deb (and .rpm if rpmbuild is there) on Linux, .dmg on macOS, .msi on Windows.
# Run through Maven, which builds the jars first:  ./mvnw -Pinstaller package
# Output: target/installer/packages/
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jdk="${JDK_HOME:-${JAVA_HOME:?set JAVA_HOME to a JDK 25}}"
work="target/installer"
version="$(sed -n 's/^version=//p' target/classes/xyz/cavos/wallet/version.properties)"
app_version="${version%%-*}"   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0

case "$(uname -s)" in
  Linux*) os=linux; sep=":" ;;
  Darwin*) os=macos; sep=":" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; sep=";" ;;
  *) echo "installer/build.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
[ "$os" = windows ] && jdk="$(cygpath -u "$jdk")"   # Maven hands over C:\…; Git Bash runs /c/…
step() { printf '==> %s\n' "$*"; }
source installer/sandbox.sh
# A training run that hangs must fail the build, not stall it (GNU timeout where there is one).
limited() { if command -v timeout > /dev/null; then timeout 180 "$@"; else "$@"; fi; }

rm -rf "$work/input" "$work/fx" "$work/runtime" "$work/image" "$work/packages" "$work/training"
mkdir -p "$work/input" "$work/fx" "$work/packages" "$work/training"
cp "target/cavos-desktop-$version.jar" "$work/input/cavos-desktop.jar"
for jar in "$work"/jars/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-[0-9]*.[0-9]*-*.jar) cp "$jar" "$work/fx/" ;;   # the platform jars: modules for jlink
    javafx-*) ;;                                               # the empty per-module jars
    *) cp "$jar" "$work/input/" ;;
  esac
done

step "Jars the AOT cache can hold: no signatures, no class files older than Java 6 (installer/PrepareJars.java)"
"$jdk/bin/java" installer/PrepareJars.java --in-place "$work"/input/*.jar

step "JDK modules the app needs (jdeps)"
modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$work/fx" "$work"/input/*.jar)"
case ",$modules," in *,javafx.controls,*) ;; *) modules="$modules,javafx.controls" ;; esac
echo "    $modules"

step "Runtime image (jlink)"
strip_native=()
if [ "$os" = linux ] && command -v objcopy > /dev/null; then
  strip_native=(--strip-native-debug-symbols=exclude-debuginfo-files)   # libjvm.so alone sheds ~8 MB
fi
"$jdk/bin/jlink" --module-path "$work/fx" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files ${strip_native[@]+"${strip_native[@]}"} \
  --output "$work/runtime"

if [ "$os" = macos ]; then name="Cavos Desktop"; else name="cavos-desktop"; fi
common=(--name "$name" --app-version "$app_version" --vendor "Cavos Desktop"
  --description "Wallet for Cavos session keys on Starknet"
  --copyright "Cavos Desktop contributors")
icon="installer/$os/cavos-desktop.png"
[ "$os" = macos ] && icon="installer/macos/cavos-desktop.icns"
[ "$os" = windows ] && icon="installer/windows/cavos-desktop.ico"

step "App image (jpackage)"
"$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --input "$work/input" --main-jar cavos-desktop.jar --main-class xyz.cavos.wallet.app.DesktopLauncher \
  --runtime-image "$work/runtime" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
  --java-options "-XX:+UseSerialGC" --java-options "-Xms16m" --java-options "-Xmn8m" --java-options "-Xmx384m" \
  --java-options "-XX:TieredStopAtLevel=1" --java-options "-XX:+UseCompactObjectHeaders" \
  --java-options "-XX:AOTCache=\$APPDIR/cavos-desktop.aot" --java-options "-Xlog:aot*=off,cds*=off" \
  --add-launcher "cavos=installer/cavos-cli.properties" \
  --icon "$icon" --dest "$work/image"

case "$os" in
  linux) app="$work/image/$name"; appdir="$app/lib/app"; java="$app/lib/runtime/bin/java" ;;
  macos) app="$work/image/$name.app"; appdir="$app/Contents/app"; java="$app/Contents/runtime/Contents/Home/bin/java" ;;
  windows) app="$work/image/$name"; appdir="$app/app"; java="$app/runtime/bin/java.exe" ;;
esac

if [ "$os" = linux ]; then
  # The AOT cache is only used with the very jars (and runtime) it was trained with, checked by size and
  # time stamp. Give every file one time stamp now, and have dpkg-deb clamp the copies jpackage makes
  # to it (SOURCE_DATE_EPOCH), so the installed files carry the time stamps the training saw.
  stamp="$(date +%s)"
  find "$app" -exec touch -h -d "@$stamp" {} +
  export SOURCE_DATE_EPOCH="$stamp"
fi

# The class path and JVM options exactly as the launcher passes them, so the AOT cache fits the installed app.
native_appdir="$appdir"
[ "$os" = windows ] && native_appdir="$(cygpath -m "$appdir")"   # java.exe reads C:/…, not /c/…
classpath() {
  sed -n 's/^app\.classpath=//p' "$appdir/$1.cfg" | sed "s|\$APPDIR|$native_appdir|g; s|\\\\|/|g" | paste -sd "$sep" -
}
java_options() {
  sed -n 's/^java-options=//p' "$appdir/$1.cfg" | grep -v -- '-XX:AOTCache=\|-Xlog:' | sed "s|\$APPDIR|$native_appdir|g"
}

step "AOT cache for the desktop app (training: open the window, first frame, quit)"
training_home="$root/$work/training/home"
mkdir -p "$training_home"
gui_options=(); while IFS= read -r o; do gui_options+=("$o"); done < <(java_options "$name")
gui_run=("$java" "${gui_options[@]}" -cp "$(classpath "$name")" xyz.cavos.wallet.app.DesktopLauncher)
gui_display=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
  gui_display=(xvfb-run -a)
fi
# trained on a start like every one after the first: the first start, untrained, saves the settings on quitting,
# and the trained one reads them
for aot in "" -XX:AOTCacheOutput="$native_appdir/cavos-desktop.aot"; do
  CAVOS_HOME="$training_home" CAVOS_STARTUP_PROBE=exit limited ${gui_display[@]+"${gui_display[@]}"} "${gui_run[0]}" ${aot:+"$aot"} "${gui_run[@]:1}" \
    > "$work/training/gui.log" 2>&1 || { cat "$work/training/gui.log" >&2; exit 1; }
done

step "AOT cache for the command line (training: CliTraining's commands against a sandbox)"
cli_options=(); while IFS= read -r o; do cli_options+=("$o"); done < <(java_options cavos)
cli_java=("$java" "${cli_options[@]}" -cp "$(classpath cavos)")
trap stop_sandbox EXIT
start_sandbox "$work/training/sandbox.log" env CAVOS_HOME="$training_home" "${cli_java[@]}" xyz.cavos.wallet.app.CliLauncher \
  || { echo "installer/build.sh: the training sandbox did not start" >&2; exit 1; }
CAVOS_TOKEN="$sandbox_token" CAVOS_RPC_URL="$sandbox_url" limited "${cli_java[@]}" -XX:AOTCacheOutput="$native_appdir/cavos-cli.aot" \
  xyz.cavos.wallet.app.CliTraining > "$work/training/cli.log" 2>&1 \
  || { cat "$work/training/cli.log" >&2; exit 1; }
stop_sandbox
trap - EXIT

if [ "$os" = linux ]; then
  step "Direct start scripts: lib/cavos (on PATH as /usr/bin/cavos) and lib/cavos-desktop-app (the menu entry)"
  # They start the runtime the way the launchers' .cfg files say, without the jpackage launcher, which
  # asks dpkg and rpm which package owns it at every start (about 0.1 s of every command).
  direct_script() {   # $1: launcher name (its .cfg), $2: the script to write, $3: "window" for the desktop app's
    {
      echo '#!/bin/sh'
      echo "# Generated by installer/build.sh from lib/app/$1.cfg."
      echo 'here="$(readlink -f "$0")"'
      echo 'here="${here%/*}"'
      echo 'APPDIR="$here/app"'
      java_first=''
      if [ "${3-}" = window ]; then
        # the app notes when JavaFX had to draw in software (SoftwareRendering): for a week, starts skip OpenGL
        echo 'note="${CAVOS_HOME:-${XDG_CONFIG_HOME:-$HOME/.config}/cavos}/software-rendering"'
        echo 'software='
        echo 'if [ -f "$note" ] && [ -z "$(find "$note" -mtime +6 2> /dev/null)" ]; then export GDK_GL=disable; software=-Dprism.order=sw; fi'
        java_first=' ${software:+"$software"}'
      fi
      printf 'exec "$here/runtime/bin/java"%s' "$java_first"
      sed -n 's/^java-options=//p' "$appdir/$1.cfg" | while IFS= read -r o; do printf ' "%s"' "$o"; done
      printf ' -cp "%s"' "$(sed -n 's/^app\.classpath=//p' "$appdir/$1.cfg" | paste -sd: -)"
      printf ' %s "$@"\n' "$(sed -n 's/^app\.mainclass=//p' "$appdir/$1.cfg")"
    } > "$2"
    chmod 755 "$2"
    touch -h -d "@$stamp" "$2"
  }
  direct_script cavos "$app/lib/cavos"
  direct_script "$name" "$app/lib/cavos-desktop-app" window
fi

step "Package"
case "$os" in
  linux)
    deb_args=(--type deb --app-image "$app" "${common[@]}" --resource-dir installer/linux
      --linux-package-name cavos-desktop --linux-app-category finance --linux-menu-group "Office;Finance"
      --linux-shortcut --linux-package-deps libgtk-3-0 --linux-deb-maintainer "maintainers@cavos-desktop.invalid"
      --install-dir /opt --icon "$icon" --dest "$work/packages")
    DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-xz}" "$jdk/bin/jpackage" "${deb_args[@]}"
    if command -v rpmbuild > /dev/null; then
      "$jdk/bin/jpackage" --type rpm --app-image "$app" "${common[@]}" --resource-dir installer/linux \
        --linux-package-name cavos-desktop --linux-app-category Office --linux-shortcut \
        --linux-package-deps gtk3 --linux-rpm-license-type "Proprietary" --install-dir /opt --icon "$icon" --dest "$work/packages"
    fi
    ;;
  macos)
    "$jdk/bin/jpackage" --type dmg --app-image "$app" "${common[@]}" \
      --mac-package-identifier xyz.cavos.desktop --mac-package-name "Cavos Desktop" \
      --mac-app-category public.app-category.finance --icon "$icon" --dest "$work/packages"
    ;;
  windows)
    "$jdk/bin/jpackage" --type msi --app-image "$app" "${common[@]}" \
      --win-menu --win-menu-group "Cavos Desktop" --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 5b1c9f0e-3a2d-4c47-9d1e-6f0a8b2c4e71 --icon "$icon" --dest "$work/packages"
    ;;
esac
ls -l "$work/packages"
