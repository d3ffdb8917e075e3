#!/usr/bin/env bash
# Records real TLS interception on loopback: curl clients, openssl s_server origins, and two
# sslsplit proxies that forge the origins' leaves on the fly, captured with tcpdump.
#
#   record-interception.sh DIR
#
# The lab, every address on lo (all of 127.0.0.0/8 is local on Linux), every port one PORT
# below the ephemeral range, chosen at random per run:
#   client   127.0.10.1            curl, bound there with --interface
#   qaznet   127.0.20.1 PORT+i     sslsplit signing with DIR/qaznet-ca.pem (C=KZ, CN=Qaznet Trust
#                                  Network: a look-alike of Kazakhstan's interception root, made
#                                  here with its own key), for site i
#   corp     127.0.20.2 PORT+i     sslsplit signing with DIR/corp-ca.pem (an enterprise TLS
#                                  inspection CA)
#   origins  127.0.30.1 PORT       openssl s_server -www for www.example.org (site 0)
#            127.0.30.2 PORT       ... and for shop.example.org (site 1); each sends its leaf and
#                                  DIR/public-intermediate-ca.pem, issued under
#                                  DIR/public-root-ca.pem, which stands for a publicly trusted root
# A proxy listens on one port per site, as a NAT rule per original destination would hand the
# connections over, and forwards them to that site's origin (sslsplit's "ssl" mode, static target).
#
# DIR gets:
#   client-side.pcap   what a sensor beside the clients sees: client<->proxy and client<->origin
#   upstream.pcap      what a sensor between the proxies and the origins sees: proxy<->origin
#   manifest.tsv       one row per client connection, in order (columns below)
#   *-ca.pem           the CA certificates; origin-SERVER_NAME.pem the origins' leaves
#   forged-PROXY/      what sslsplit forged (-w): ORIGINAL_SHA1-FORGED_SHA1.crt, and the leaf key
#   logs/              sslsplit's connection logs (PROXY-connect.log) and the servers' output
#   private/           the keys that signed (tests never need them)
#
# manifest.tsv columns (tab-separated, a header line first):
#   order               1, 2, ... in the order the clients ran
#   client_port         the client's TCP port, as curl reported it (%{local_port})
#   server_name         the SNI and Host the client asked for
#   path                direct (client to origin) or proxied
#   proxy               qaznet, corp, or - when direct
#   client_trusts       the one CA the client trusted: public, qaznet or corp
#   tls                 1.2 (the client allowed at most TLS 1.2) or 1.3 (at least TLS 1.3)
#   client_exit         curl's exit status: 0 accepted (HTTP 200 came back), 60 refused the
#                       server's certificate
#   truth               intercepted-by-PROXY (the client accepted a forged chain), clean (the
#                       origin's own chain), or rejected (a forged chain the client refused)
#   certificate_visible yes when the chain travels in the clear (TLS 1.2); no under TLS 1.3, where
#                       a passive sensor can only call the session not observable
#   server_port         the port curl connected to (the origin's, or the proxy's for that site):
#                       the kernel may give one client port to connections to different servers
#
# Needs openssl, sslsplit, curl and tcpdump, and the right to capture on lo (root or CAP_NET_RAW);
# exits 3 with the reason when any is missing. As root sslsplit drops to nobody once its sockets
# and files are open. A run takes a few seconds; it is stopped after 20 s.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
# The whole run is bounded: it runs again under timeout(1), which stops it after 20 s; the TERM
# trap below turns that into exit 4, and the EXIT trap stops the lab.
if [ -z "${RECORD_INTERCEPTION_BOUNDED:-}" ]; then
    RECORD_INTERCEPTION_BOUNDED=1 exec timeout -k 5 20 bash "$0" "$@"
fi
dir=$1
for tool in openssl sslsplit curl tcpdump; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 3; }
done
mkdir -p "$dir/private" "$dir/logs"
dir=$(cd "$dir" && pwd)

sites=(www.example.org shop.example.org)
proxies=(qaznet corp)
client_ip=127.0.10.1
declare -A origin_ip=([www.example.org]=127.0.30.1 [shop.example.org]=127.0.30.2)
declare -A proxy_ip=([qaznet]=127.0.20.1 [corp]=127.0.20.2)
declare -A site_index=([www.example.org]=0 [shop.example.org]=1)
declare -A ca_file=([public]=public-root-ca.pem [qaznet]=qaznet-ca.pem [corp]=corp-ca.pem)

# listeners: the local address of every listening TCP socket, hex as in /proc/net/tcp (reading
# the kernel's table rather than connecting, so no probe lands in a capture).
listeners() {
    local files=() f
    for f in /proc/net/tcp /proc/net/tcp6; do
        [ -r "$f" ] && files+=("$f")
    done
    awk '$4 == "0A" { print $2 }' "${files[@]}"
}
# taken PORT: something listens on PORT, on any address.
taken() {
    listeners | grep ":$(printf '%04X' "$1")\$" >/dev/null
}
# listening IP PORT: something listens on IPv4 address IP, port PORT.
listening() {
    local a b c d
    IFS=. read -r a b c d <<<"$1"
    listeners | grep -x "$(printf '%02X%02X%02X%02X:%04X' "$d" "$c" "$b" "$a" "$2")" >/dev/null
}
# Below Linux's ephemeral range (32768-60999), so no client socket holds them, and free.
for _ in $(seq 50); do
    port=$(( 20000 + (RANDOM % 12000) ))
    taken "$port" || taken $(( port + 1 )) || break
done

pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'echo "$0: gave up after 20 s" >&2; exit 4' TERM

# --- certificates --------------------------------------------------------------------------------

new_key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/private/$1.key" 2>/dev/null
}

# root_ca NAME SUBJECT: a self-signed CA certificate, DIR/NAME.pem.
root_ca() {
    new_key "$1"
    openssl req -x509 -new -key "$dir/private/$1.key" -days 3650 -subj "$2" -sha256 \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" -out "$dir/$1.pem"
}

# issue NAME SUBJECT ISSUER EXTENSION...: DIR/NAME.pem signed with DIR/ISSUER.pem's key.
issue() {
    local name=$1 subject=$2 issuer=$3
    shift 3
    new_key "$name"
    openssl req -new -key "$dir/private/$name.key" -subj "$subject" -out "$dir/private/$name.csr"
    openssl x509 -req -in "$dir/private/$name.csr" -CA "$dir/$issuer.pem" -CAkey "$dir/private/$issuer.key" \
        -days 825 -sha256 -out "$dir/$name.pem" 2>/dev/null \
        -extfile <(printf '%s\n' "$@" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid")
}

root_ca public-root-ca "/C=US/O=Lab Trust Services/CN=Lab Trust Root R1"
issue public-intermediate-ca "/C=US/O=Lab Trust Services/CN=Lab Trust TLS CA 1" public-root-ca \
    "basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign"
for name in "${sites[@]}"; do
    issue "origin-$name" "/CN=$name" public-intermediate-ca "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" "subjectAltName=DNS:$name"
done
root_ca qaznet-ca "/C=KZ/CN=Qaznet Trust Network"
root_ca corp-ca "/O=Example Corp/CN=Example Corp TLS Inspection CA"

# --- capture -------------------------------------------------------------------------------------

# capture FILE FILTER: tcpdump on lo into DIR/FILE, returning once it listens.
capture() {
    local log="$dir/logs/tcpdump-$1.log"
    tcpdump -i lo -U --immediate-mode -s 0 -w "$dir/$1" "$2" 2>"$log" &
    pids+=($!)
    local pid=$!
    for _ in $(seq 100); do
        grep -q "listening on" "$log" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || { echo "$0: tcpdump failed: $(cat "$log")" >&2; exit 3; }
        sleep 0.05
    done
    echo "$0: tcpdump did not start: $(cat "$log")" >&2
    exit 3
}

capture client-side.pcap "tcp and host $client_ip and portrange $port-$(( port + ${#sites[@]} - 1 ))"
capture upstream.pcap "tcp and net 127.0.30.0/24 and port $port and not host $client_ip"

# --- servers -------------------------------------------------------------------------------------

# await_listener WHAT PID IP PORT LOG: polls for up to 10 s; exit 4 with WHAT's log if it died.
await_listener() {
    for _ in $(seq 200); do
        listening "$3" "$4" && return 0
        kill -0 "$2" 2>/dev/null || break
        sleep 0.05
    done
    echo "$0: $1 did not listen on $3:$4: $(head -c 600 "$5")" >&2
    exit 4
}

for name in "${sites[@]}"; do
    openssl s_server -accept "${origin_ip[$name]}:$port" -www -cert "$dir/origin-$name.pem" \
        -key "$dir/private/origin-$name.key" -cert_chain "$dir/public-intermediate-ca.pem" \
        >"$dir/logs/origin-$name.log" 2>&1 &
    pids+=($!)
    await_listener "openssl s_server" $! "${origin_ip[$name]}" "$port" "$dir/logs/origin-$name.log"
done

for proxy in "${proxies[@]}"; do
    specs=()
    for name in "${sites[@]}"; do
        specs+=(ssl "${proxy_ip[$proxy]}" $(( port + site_index[$name] )) "${origin_ip[$name]}" "$port")
    done
    mkdir -p "$dir/forged-$proxy"
    sslsplit -k "$dir/private/$proxy-ca.key" -c "$dir/$proxy-ca.pem" \
        -l "$dir/logs/$proxy-connect.log" -w "$dir/forged-$proxy" "${specs[@]}" \
        >"$dir/logs/$proxy-sslsplit.log" 2>&1 &
    pids+=($!)
    for name in "${sites[@]}"; do
        await_listener sslsplit $! "${proxy_ip[$proxy]}" $(( port + site_index[$name] )) \
            "$dir/logs/$proxy-sslsplit.log"
    done
done

# --- clients -------------------------------------------------------------------------------------

manifest="$dir/manifest.tsv"
printf 'order\tclient_port\tserver_name\tpath\tproxy\tclient_trusts\ttls\tclient_exit\ttruth\tcertificate_visible\tserver_port\n' >"$manifest"
order=0

# connect SERVER_NAME PROXY|direct CLIENT_TRUSTS TLS EXPECTED_EXIT: one curl, one manifest row.
connect() {
    local name=$1 via=$2 trusts=$3 tls=$4 expected_exit=$5
    local ip=${origin_ip[$name]} to_port=$port path=direct proxy=-
    if [ "$via" != direct ]; then
        ip=${proxy_ip[$via]} to_port=$(( port + site_index[$name] )) path=proxied proxy=$via
    fi
    local tls_options=(--tls-max 1.2)
    [ "$tls" = 1.3 ] && tls_options=(--tlsv1.3)
    local written status=0
    written=$(curl -sS --max-time 5 --interface "$client_ip" --cacert "$dir/${ca_file[$trusts]}" \
        "${tls_options[@]}" --resolve "$name:$to_port:$ip" -o /dev/null -w '%{local_port} %{http_code}' \
        "https://$name:$to_port/" 2>"$dir/logs/curl.log") || status=$?
    local client_port=${written%% *} http_code=${written##* }
    if [ "$status" != "$expected_exit" ] || { [ "$status" = 0 ] && [ "$http_code" != 200 ]; }; then
        echo "$0: curl to $name via $via (trusting $trusts, TLS $tls) exited $status, HTTP $http_code;" \
            "expected exit $expected_exit: $(head -c 400 "$dir/logs/curl.log")" >&2
        exit 4
    fi
    local truth=clean visible=yes
    if [ "$path" = proxied ]; then
        truth=rejected
        [ "$status" = 0 ] && truth=intercepted-by-$proxy
    fi
    [ "$tls" = 1.3 ] && visible=no
    order=$(( order + 1 ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$order" "$client_port" "$name" "$path" "$proxy" \
        "$trusts" "$tls" "$status" "$truth" "$visible" "$to_port" >>"$manifest"
}

connect www.example.org qaznet qaznet 1.2 0
connect shop.example.org qaznet qaznet 1.2 0
connect www.example.org direct public 1.2 0
connect www.example.org qaznet public 1.2 60
connect shop.example.org qaznet qaznet 1.3 0
connect shop.example.org direct public 1.3 0
connect www.example.org qaznet public 1.3 60
connect www.example.org corp corp 1.2 0

# Let the last FIN/ACKs reach the capture, then stop everything (the trap's work, done now).
sleep 0.2
cleanup
trap - EXIT
rm -f "$dir/logs/curl.log" "$dir"/logs/tcpdump-*.log
