#!/usr/bin/env bash
# Records real TLS handshakes between openssl s_client and s_server on 127.0.0.1 with tcpdump.
#
#   record-loopback-tls.sh DIR HANDSHAKE...
#
# HANDSHAKE is VERSION/SERVER_NAME[/ALPN], VERSION one of tls1, tls1_1, tls1_2, tls1_3, or
# tls1_3hrr (TLS 1.3 where the server asks for another key share: a HelloRetryRequest), e.g.
# tls1_2/shop.example.test/http/1.1 or tls1_3/mail.example.test. Each handshake gets its own
# self-signed EC P-256 certificate for SERVER_NAME (DIR/SERVER_NAME.crt.pem, key beside it), ALPN
# offered by the client and the first protocol accepted by the server, one
# HTTP request and response over it, and DIR/capture.pcap holds them all, in order.
# Needs openssl and tcpdump, and the right to capture on lo (root or CAP_NET_RAW).
# The tests use it to make captures of their own; deploy/samples/handshakes.pcap was made by it.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR VERSION/SERVER_NAME[/ALPN]..." >&2; exit 2; }
dir=$1; shift
mkdir -p "$dir"
for tool in openssl tcpdump; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 3; }
done

# Listening ports below Linux's ephemeral range (32768-60999), so no client socket holds them.
base_port=$(( 20000 + (RANDOM % 12000) ))
last_port=$(( base_port + $# - 1 ))
tcpdump -i lo -U --immediate-mode -s 0 -w "$dir/capture.pcap" "tcp portrange $base_port-$last_port" 2>"$dir/tcpdump.log" &
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
for handshake in "$@"; do
    IFS=/ read -r version name alpn <<<"$handshake"
    server_extra=(); client_extra=()
    case "$version" in
        tls1|tls1_1|tls1_2|tls1_3) ;;
        tls1_3hrr) version=tls1_3; server_extra=(-groups P-256); client_extra=(-groups X25519:P-256) ;;
        *) echo "$0: bad version $version" >&2; exit 2 ;;
    esac
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -keyout "$dir/$name.key.pem" -out "$dir/$name.crt.pem" \
        -subj "/CN=$name" -addext "subjectAltName=DNS:$name" 2>/dev/null
    # TLS 1.0 and 1.1 need the legacy security level in OpenSSL 3.
    : >"$dir/server.log"   # a fresh log per server: ACCEPT must be this server's, not the last one's
    openssl s_server -accept "127.0.0.1:$port" -cert "$dir/$name.crt.pem" -key "$dir/$name.key.pem" \
        -www "-$version" -cipher 'DEFAULT:@SECLEVEL=0' ${alpn:+-alpn "${alpn%%,*}"} "${server_extra[@]}" \
        >"$dir/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        grep -q ACCEPT "$dir/server.log" && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    grep -q ACCEPT "$dir/server.log" || { echo "$0: s_server did not start: $(head -c 300 "$dir/server.log")" >&2; exit 4; }
    printf 'GET / HTTP/1.0\r\nHost: %s\r\n\r\n' "$name" | timeout 10 openssl s_client \
        -connect "127.0.0.1:$port" -servername "$name" "-$version" -cipher 'DEFAULT:@SECLEVEL=0' \
        ${alpn:+-alpn "$alpn"} "${client_extra[@]}" -ign_eof >"$dir/client.log" 2>&1 ||
        { echo "$0: handshake $handshake failed: $(tail -c 300 "$dir/client.log")" >&2; exit 4; }
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    server_pid=
    port=$(( port + 1 ))
done
sleep 0.2
kill -TERM "$capture_pid"; wait "$capture_pid" 2>/dev/null || true
rm -f "$dir/server.log" "$dir/client.log" "$dir/tcpdump.log"
