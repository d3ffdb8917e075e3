#!/usr/bin/env bash
# Shows that tlswatch capture starts without root: runs the command line of tlswatch-capture.service
# (its ExecStart, with the env file's values) as the unprivileged user nobody with only the unit's
# ambient capabilities, CAP_NET_RAW and CAP_NET_ADMIN, through setpriv (util-linux), on lo, stops it
# with SIGTERM and expects exit 0; then the same without the capabilities, and expects the one-line
# "permission denied" advice and exit 1. Runs systemd-analyze verify on the unit when it is installed.
#
#   deploy/systemd/check-unprivileged.sh [JAR]     (default deploy/target/tlswatch.jar; needs root)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=${1:-$here/../target/tlswatch.jar}
[ -f "$jar" ] || { echo "$0: $jar not found (mvn -B package -DskipTests)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "$0: run as root (it switches to nobody itself)" >&2; exit 2; }
command -v setpriv >/dev/null || { echo "$0: setpriv (util-linux) is not installed" >&2; exit 3; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"
install -m 0755 -d "$work/opt" "$work/state" "$work/tmp"
install -m 0644 "$jar" "$work/opt/tlswatch.jar"
chown nobody "$work/state" "$work/tmp"

# The unit's command line, as systemd would run it ($VAR from the env file, %% as %).
exec_start=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$here/tlswatch-capture.service" | sed 's/^ExecStart=//; s/\\$//' | tr -d '\n')
set -a; . "$here/tlswatch-capture.env"; set +a
TLSWATCH_INTERFACES="-i lo"
TLSWATCH_JAVA_OPTS="-Xmx256m"
TLSWATCH_CAPTURE_OPTS="--sensor=check --stats-interval=1"
command_line=$(echo "$exec_start" | sed "s#/opt/tlswatch/#$work/opt/#; s#/var/lib/tlswatch/#$work/state/#; s#-Djna.tmpdir=/tmp#-Djna.tmpdir=$work/tmp#; s/%%/%/g")
command_line=$(eval echo "$command_line")
echo "unit command: $command_line"

as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
caps=(--inh-caps=+net_raw,+net_admin --ambient-caps=+net_raw,+net_admin)

# 1. With the unit's two capabilities: starts, captures, stops on SIGTERM with exit 0.
"${as_nobody[@]}" "${caps[@]}" $command_line 2>"$work/with-caps.err" &
pid=$!
for _ in $(seq 200); do grep -q "reading lo" "$work/with-caps.err" 2>/dev/null && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
ping -c 3 -i 0.2 127.0.0.1 >/dev/null 2>&1 || true
sleep 1.5
grep -E "^(Uid|CapEff|CapAmb):" "/proc/$pid/status" || true   # 0x3000: CAP_NET_ADMIN and CAP_NET_RAW
kill -TERM $pid 2>/dev/null || true
status=0; wait $pid || status=$?
cat "$work/with-caps.err"
[ $status = 0 ] || { echo "FAIL: exit $status as nobody with CAP_NET_RAW+CAP_NET_ADMIN" >&2; exit 1; }
grep -q '"kind":"stats"' "$work"/state/findings-*.jsonl || { echo "FAIL: no stats document written" >&2; exit 1; }
echo "OK: started as nobody with CAP_NET_RAW+CAP_NET_ADMIN, wrote $(wc -l < "$(ls "$work"/state/findings-*.jsonl)") documents, exit 0 on SIGTERM"

# 2. Without them: one line of advice, exit 1.
status=0
"${as_nobody[@]}" $command_line 2>"$work/no-caps.err" || status=$?
cat "$work/no-caps.err"
[ $status = 1 ] && [ "$(wc -l < "$work/no-caps.err")" = 1 ] && grep -q "permission denied: run as root or grant CAP_NET_RAW and CAP_NET_ADMIN" "$work/no-caps.err" \
  || { echo "FAIL: expected one line of advice and exit 1, got exit $status" >&2; exit 1; }
echo "OK: without the capabilities: one line, exit 1"

if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$here/tlswatch-capture.service" && echo "OK: systemd-analyze verify"
else
  echo "systemd-analyze is not installed: unit not verified"
fi
