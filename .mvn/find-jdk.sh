# shellcheck shell=sh
# Finds a JDK 25 or newer. Sourced (POSIX sh) by ./mvnw, ./cavos and .ci/run; mvnw.cmd does the same
# for Windows in PowerShell.
#
#   find_jdk25          sets JDK25_HOME and JDK25_VERSION, or returns 1 when there is no JDK 25+
#   use_jdk25 TAG [-q]  runs find_jdk25 and exports JAVA_HOME=$JDK25_HOME. When that is not the
#                       JAVA_HOME it was given, it says so in one line on stderr ("[TAG] Using JDK ...",
#                       left out with -q). When there is none, it prints one line saying so on stderr
#                       and returns 1.
#
# Where it looks, in this order:
#   1. $JAVA_HOME, when it is a JDK 25+: used as it is;
#   2. the `java` on PATH, when it belongs to a JDK 25+;
#   3. the highest version among the usual install folders: Linux /usr/lib/jvm/* (Debian, Ubuntu,
#      Fedora, Arch), /usr/lib64/jvm/*, /usr/java/*, /opt/java/*; SDKMAN ($SDKMAN_DIR or ~/.sdkman,
#      candidates/java/*); IntelliJ's ~/.jdks/*; macOS /usr/libexec/java_home -v 25+,
#      /Library/Java/JavaVirtualMachines/*/Contents/Home (also under ~), Homebrew's openjdk; Windows
#      under Git Bash, MSYS or Cygwin: C:\Program Files\{Java,Eclipse Adoptium,Microsoft,Zulu,...}\*.
#      On a tie the first one found wins; the folders are listed in name order.
# MVNW_JDK_SEARCH_PATH, a colon-separated list of folders, replaces the folders of step 3 (and
# java_home). Each folder is either a JDK itself or holds JDKs (DIR/* or DIR/*/Contents/Home).
#
# A folder is a JDK when it has bin/javac and a `release` file; the version is its JAVA_VERSION line,
# so no JVM is started to find it.
#
# Plain POSIX sh (dash, bash, zsh in sh mode), safe under `set -euf`: globbing is switched on only
# while the folders are listed. Helper variables start with _jdk_.

# _jdk_probe DIR: when DIR is a JDK with a release file, sets _jdk_ver (as written, e.g. 25.0.3),
# _jdk_major and _jdk_key (a number that orders versions) and returns 0; returns 1 otherwise.
_jdk_probe() {
  _jdk_ver='' _jdk_major=0 _jdk_key=0
  [ -n "$1" ] && [ -f "$1/release" ] && [ -r "$1/release" ] || return 1
  [ -x "$1/bin/javac" ] || [ -x "$1/bin/javac.exe" ] || return 1
  while IFS= read -r _jdk_line || [ -n "$_jdk_line" ]; do
    case $_jdk_line in
    JAVA_VERSION=*)
      _jdk_ver=${_jdk_line#JAVA_VERSION=}
      _jdk_ver=${_jdk_ver#\"}
      _jdk_ver=${_jdk_ver%%[!0-9.]*}
      break
      ;;
    esac
  done <"$1/release"
  [ -n "$_jdk_ver" ] || return 1
  # major.minor.security, each read as decimal (leading zeros dropped) and missing parts as 0
  _jdk_rest=$_jdk_ver _jdk_key=0 _jdk_i=0
  while [ "$_jdk_i" -lt 3 ]; do
    _jdk_part=${_jdk_rest%%.*}
    case $_jdk_rest in *.*) _jdk_rest=${_jdk_rest#*.} ;; *) _jdk_rest= ;; esac
    while :; do case $_jdk_part in 0?*) _jdk_part=${_jdk_part#0} ;; *) break ;; esac; done
    case $_jdk_part in '' | ????*) _jdk_part=0 ;; esac
    [ "$_jdk_i" -ne 0 ] || _jdk_major=$_jdk_part
    _jdk_key=$((_jdk_key * 1000 + _jdk_part))
    _jdk_i=$((_jdk_i + 1))
  done
  return 0
}

# _jdk_consider DIR: keeps DIR in JDK25_HOME when it is a JDK 25+ newer than the one kept so far.
_jdk_consider() {
  if _jdk_probe "$1" && [ "$_jdk_major" -ge 25 ] && [ "$_jdk_key" -gt "$_jdk_best_key" ]; then
    JDK25_HOME=$1 JDK25_VERSION=$_jdk_ver _jdk_best_key=$_jdk_key
  fi
}

# _jdk_scan DIR: considers DIR, DIR/* and DIR/*/Contents/Home.
_jdk_scan() {
  [ -d "$1" ] || return 0
  _jdk_consider "$1"
  for _jdk_dir in "$1"/*; do
    [ -d "$_jdk_dir" ] || continue
    _jdk_consider "$_jdk_dir"
    [ ! -d "$_jdk_dir/Contents/Home" ] || _jdk_consider "$_jdk_dir/Contents/Home"
  done
}

# _jdk_java_on_path: sets _jdk_dir to the home of the `java` on PATH (symbolic links followed),
# or returns 1.
_jdk_java_on_path() {
  _jdk_dir=$(command -v java 2>/dev/null) || return 1
  case $_jdk_dir in /*) ;; *) return 1 ;; esac
  _jdk_i=0
  while [ -L "$_jdk_dir" ] && [ "$_jdk_i" -lt 20 ]; do
    _jdk_link=$(readlink "$_jdk_dir") || return 1
    case $_jdk_link in /*) _jdk_dir=$_jdk_link ;; *) _jdk_dir=${_jdk_dir%/*}/$_jdk_link ;; esac
    _jdk_i=$((_jdk_i + 1))
  done
  case $_jdk_dir in
  */bin/java) _jdk_dir=${_jdk_dir%/bin/java} ;;
  */bin/java.exe) _jdk_dir=${_jdk_dir%/bin/java.exe} ;;
  *) return 1 ;;
  esac
}

find_jdk25() {
  JDK25_HOME='' JDK25_VERSION='' _jdk_best_key=0
  if [ -n "${JAVA_HOME-}" ]; then
    _jdk_consider "$JAVA_HOME"
    [ -z "$JDK25_HOME" ] || return 0
  fi
  if _jdk_java_on_path; then
    _jdk_consider "$_jdk_dir"
    [ -z "$JDK25_HOME" ] || return 0
  fi

  case $- in *f*) _jdk_noglob=1 ;; *) _jdk_noglob= ;; esac
  set +f
  if [ -n "${MVNW_JDK_SEARCH_PATH-}" ]; then
    _jdk_list=$MVNW_JDK_SEARCH_PATH:
    while [ -n "$_jdk_list" ]; do
      [ -z "${_jdk_list%%:*}" ] || _jdk_scan "${_jdk_list%%:*}"
      _jdk_list=${_jdk_list#*:}
    done
  else
    for _jdk_root in /usr/lib/jvm /usr/lib64/jvm /usr/java /opt/java; do
      _jdk_scan "$_jdk_root"
    done
    [ -z "${SDKMAN_DIR-}" ] || _jdk_scan "$SDKMAN_DIR/candidates/java"
    if [ -n "${HOME-}" ]; then
      [ "${SDKMAN_DIR-}" = "$HOME/.sdkman" ] || _jdk_scan "$HOME/.sdkman/candidates/java"
      _jdk_scan "$HOME/.jdks"
    fi
    if [ -x /usr/libexec/java_home ]; then
      _jdk_dir=$(/usr/libexec/java_home -v 25+ 2>/dev/null) || _jdk_dir=
      [ -z "$_jdk_dir" ] || _jdk_consider "$_jdk_dir"
    fi
    _jdk_scan /Library/Java/JavaVirtualMachines
    [ -z "${HOME-}" ] || _jdk_scan "$HOME/Library/Java/JavaVirtualMachines"
    for _jdk_root in /opt/homebrew/opt /usr/local/opt; do
      for _jdk_dir in "$_jdk_root"/openjdk*/libexec/openjdk.jdk/Contents/Home; do
        _jdk_consider "$_jdk_dir"
      done
    done
    for _jdk_pf in "/c/Program Files" "/cygdrive/c/Program Files"; do
      [ -d "$_jdk_pf" ] || continue
      for _jdk_root in Java "Eclipse Adoptium" "Eclipse Foundation" Microsoft Zulu "Amazon Corretto" \
        BellSoft Semeru OpenJDK; do
        _jdk_scan "$_jdk_pf/$_jdk_root"
      done
    done
  fi
  [ -z "$_jdk_noglob" ] || set -f

  [ -n "$JDK25_HOME" ]
}

# _jdk_describe_java_home: sets _jdk_why to what JAVA_HOME is, for the messages.
_jdk_describe_java_home() {
  if [ -z "${JAVA_HOME-}" ]; then
    _jdk_why="JAVA_HOME is unset"
  elif _jdk_probe "$JAVA_HOME"; then
    _jdk_why="JAVA_HOME is JDK $_jdk_ver"
  else
    _jdk_why="JAVA_HOME is not a JDK"
  fi
}

use_jdk25() {
  if find_jdk25; then
    if [ "$JDK25_HOME" != "${JAVA_HOME-}" ]; then
      if [ "${2-}" != -q ]; then
        _jdk_describe_java_home
        printf '[%s] Using JDK %s at %s (%s)\n' "$1" "$JDK25_VERSION" "$JDK25_HOME" "$_jdk_why" >&2
      fi
      JAVA_HOME=$JDK25_HOME
      export JAVA_HOME
    fi
    return 0
  fi
  _jdk_describe_java_home
  printf '[%s] Cavos Desktop needs a JDK 25 or newer and found none (%s; none on PATH or in the usual folders): install one (e.g. Temurin 25) and set JAVA_HOME to it.\n' \
    "$1" "$_jdk_why" >&2
  return 1
}
