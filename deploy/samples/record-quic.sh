#!/usr/bin/env bash
# Records real QUIC handshakes on 127.0.0.1 with tcpdump: ngtcp2's client and server (Debian's
# ngtcp2-client and ngtcp2-server, GnuTLS builds), one HTTP/3 request per server name.
#
#   record-quic.sh DIR SERVER_NAME...
#
# Each name gets its own server with a self-signed EC P-256 certificate (DIR/NAME.crt.pem) and one
# client connection; DIR/capture.pcap holds them all, in order. Debian 12's ngtcp2 0.12.1 client
# sends "localhost" in SNI whatever --sni says (tshark shows the same), so the names only tell the
# servers apart.
# Needs gtlsclient, gtlsserver, openssl and tcpdump, and the right to capture on lo (exit 3 if not).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR SERVER_NAME..." >&2; exit 2; }
dir=$1; shift
mkdir -p "$dir"
for tool in gtlsclient gtlsserver openssl tcpdump; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$0: $tool is not installed" >&2; exit 3; }
done
server_bin=$(command -v gtlsserver || echo /usr/sbin/gtlsserver)

base_port=$(( 20000 + (RANDOM % 12000) ))
last_port=$(( base_port + $# - 1 ))
tcpdump -i lo -U --immediate-mode -s 0 -w "$dir/capture.pcap" "udp portrange $base_port-$last_port" \
    2>"$dir/tcpdump.log" &
capture_pid=$!
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    kill "$capture_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$dir/tcpdump.log" 2>/dev/null && break
    kill -0 "$capture_pid" 2>/dev/null || { echo "$0: tcpdump failed: $(cat "$dir/tcpdump.log")" >&2; exit 3; }
    sleep 0.05
done

port=$base_port
for name in "$@"; do
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -keyout "$dir/$name.key.pem" -out "$dir/$name.crt.pem" \
        -subj "/CN=$name" -addext "subjectAltName=DNS:$name" 2>/dev/null
    "$server_bin" -q 127.0.0.1 "$port" "$dir/$name.key.pem" "$dir/$name.crt.pem" >"$dir/server.log" 2>&1 &
    server_pid=$!
    # The server listens on UDP; wait until the socket is bound (no probe datagram in the capture).
    hex_port=$(printf '%04X' "$port")
    for _ in $(seq 100); do
        grep -q ":$hex_port " /proc/net/udp && break
        sleep 0.05
    done
    timeout 10 gtlsclient -q --sni="$name" --exit-on-all-streams-close 127.0.0.1 "$port" "https://$name/" \
        >"$dir/client.log" 2>&1 || { echo "$0: QUIC handshake for $name failed: $(tail -c 300 "$dir/client.log")" >&2; exit 4; }
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    server_pid=
    port=$(( port + 1 ))
done
sleep 0.2
kill -TERM "$capture_pid"; wait "$capture_pid" 2>/dev/null || true
rm -f "$dir/server.log" "$dir/client.log" "$dir/tcpdump.log"
