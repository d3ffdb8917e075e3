#!/usr/bin/env bash
# Records TLS that starts after a plaintext upgrade, between openssl s_client -starttls and real
# servers from Debian on 127.0.0.1, captured with tcpdump.
#
#   record-starttls.sh DIR [PROTOCOL...]
#
# PROTOCOL is any of the ones below, all of them when none is named; each gets one connection, in
# the order given. Every server listens on 127.0.0.1, port PORT+i below the ephemeral range (PORT
# chosen at random per run), with its own self-signed EC P-256 certificate for its server name:
#   smtp      aiosmtpd (python3-aiosmtpd)   EHLO, STARTTLS (RFC 3207)
#   imap      dovecot (dovecot-imapd)       STARTTLS (RFC 9051 6.2.1)
#   pop3      dovecot (dovecot-pop3d)       STLS (RFC 2595 4)
#   ftp       vsftpd                        AUTH TLS (RFC 4217 4)
#   xmpp      prosody                       <starttls/> (RFC 6120 5)
#   postgres  postgres (postgresql)         SSLRequest (PostgreSQL protocol 55.2.10)
#   ldap      slapd                         StartTLS extended operation (RFC 4511 4.14)
# The client offers the server name (-servername, and the XMPP stream's 'to'), speaks TLS 1.2 so
# the certificate travels in the clear, then sends a little of the protocol over TLS (a command
# and the protocol's goodbye) and waits for the server to close. A run fails (exit 4) unless the
# handshake completed and the server answered over TLS.
#
# DIR gets:
#   capture.pcap     every connection, in order
#   manifest.tsv     one row per connection, in order (columns below)
#   NAME.crt.pem     the certificate each server sent, by server name
#   private/         the servers' keys; logs/ the servers' and clients' output
# manifest.tsv columns (tab-separated, a header line first):
#   order        1, 2, ... in the order the clients ran
#   protocol     as above
#   server_port  the server's TCP port
#   server_name  what the client gave to -servername (the SNI)
#   certificate  the server's certificate, a PEM file in DIR
#   server       the program that served it
#
# Needs openssl and tcpdump, the right to capture on lo (root or CAP_NET_RAW), and each named
# protocol's server; exits 3 with the reason when any is missing. As root, postgres runs as nobody
# (it refuses root). Servers keep their state in a temporary folder that is removed at the end.
# A run takes a few seconds; it is stopped after 25 s.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR [PROTOCOL...]" >&2; exit 2; }
# The whole run is bounded: it runs again under timeout(1), which stops it after 25 s; the TERM
# trap below turns that into exit 4, and the EXIT trap stops every server.
if [ -z "${RECORD_STARTTLS_BOUNDED:-}" ]; then
    RECORD_STARTTLS_BOUNDED=1 exec timeout -k 5 25 bash "$0" "$@"
fi
PATH=$PATH:/usr/sbin:/sbin
dir=$1; shift
all=(smtp imap pop3 ftp xmpp postgres ldap)
protocols=("$@")
[ ${#protocols[@]} -gt 0 ] || protocols=("${all[@]}")

declare -A server_program=([smtp]=aiosmtpd [imap]=dovecot [pop3]=dovecot [ftp]=vsftpd [xmpp]=prosody
    [postgres]=postgres [ldap]=slapd)
declare -A debian_package=([smtp]=python3-aiosmtpd [imap]=dovecot-imapd [pop3]=dovecot-pop3d [ftp]=vsftpd
    [xmpp]=prosody [postgres]=postgresql [ldap]=slapd)
for proto in "${protocols[@]}"; do
    [ -n "${server_program[$proto]:-}" ] || { echo "$0: unknown protocol $proto (one of ${all[*]})" >&2; exit 2; }
done

# --- tools ---------------------------------------------------------------------------------------

# python_with_aiosmtpd: a python3 that imports Debian's aiosmtpd (Debian's own python3 first, as a
# python3 earlier on PATH may not see Debian's modules).
python_with_aiosmtpd() {
    local python
    for python in /usr/bin/python3 "$(command -v python3 || true)"; do
        [ -x "$python" ] && "$python" -c 'import aiosmtpd' 2>/dev/null && { echo "$python"; return 0; }
    done
    return 1
}
# postgres_bin: the folder of Debian's newest PostgreSQL server programs (not on PATH).
postgres_bin() {
    local bin found=
    for bin in /usr/lib/postgresql/*/bin; do
        [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ] && found=$bin
    done
    [ -n "$found" ] && echo "$found"
}

missing=()
for tool in openssl tcpdump; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
for proto in "${protocols[@]}"; do
    case $proto in
        smtp) python=$(python_with_aiosmtpd) || missing+=("${debian_package[$proto]}") ;;
        postgres) pg_bin=$(postgres_bin) || missing+=("${debian_package[$proto]}") ;;
        *) command -v "${server_program[$proto]}" >/dev/null || missing+=("${debian_package[$proto]}") ;;
    esac
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "$0: not installed: $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
    exit 3
fi

mkdir -p "$dir/private" "$dir/logs"
dir=$(cd "$dir" && pwd)
# Server state lives apart from DIR, which may be private to its owner: servers that drop
# privileges (dovecot's login processes, postgres as nobody) must reach it.
run=$(mktemp -d "${TMPDIR:-/tmp}/record-starttls.XXXXXX")
chmod 755 "$run"

pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$run"
}
trap cleanup EXIT
trap 'echo "$0: gave up after 25 s" >&2; exit 4' TERM

# --- ports ---------------------------------------------------------------------------------------

# listening_ports: every TCP port something listens on, any address, in decimal (read from the
# kernel's tables rather than by connecting, so no probe lands in the capture).
listening_ports() {
    local f
    for f in /proc/net/tcp /proc/net/tcp6; do
        [ -r "$f" ] && awk '$4 == "0A" { sub(/.*:/, "", $2); print $2 }' "$f"
    done | while read -r hex; do
        echo $(( 16#$hex ))
    done
}
# Consecutive free ports below Linux's ephemeral range (32768-60999), so no client socket holds them.
for _ in $(seq 50); do
    port=$(( 20000 + (RANDOM % (12000 - ${#protocols[@]})) ))
    taken=$(listening_ports | awk -v lo="$port" -v hi=$(( port + ${#protocols[@]} - 1 )) \
        '$1 >= lo && $1 <= hi { print; exit }')
    [ -z "$taken" ] && break
done
declare -A server_port
i=0
for proto in "${protocols[@]}"; do
    server_port[$proto]=$(( port + i ))
    i=$(( i + 1 ))
done

# await_listener WHAT PID PORT LOG: polls for up to 10 s; exit 4 with WHAT's log if it died.
await_listener() {
    for _ in $(seq 200); do
        listening_ports | grep -x "$3" >/dev/null && return 0   # not -q: the whole list is read
        kill -0 "$2" 2>/dev/null || break
        sleep 0.05
    done
    echo "$0: $1 did not listen on port $3: $(tail -c 600 "$4")" >&2
    exit 4
}

# --- certificates --------------------------------------------------------------------------------

declare -A server_name
for proto in "${protocols[@]}"; do
    server_name[$proto]=$proto.starttls.test
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -keyout "$dir/private/${server_name[$proto]}.key.pem" -out "$dir/${server_name[$proto]}.crt.pem" \
        -subj "/CN=${server_name[$proto]}" -addext "subjectAltName=DNS:${server_name[$proto]}" 2>/dev/null
done
cert() { echo "$dir/${server_name[$1]}.crt.pem"; }
key() { echo "$dir/private/${server_name[$1]}.key.pem"; }
wants() { [[ " ${protocols[*]} " == *" $1 "* ]]; }

# --- capture -------------------------------------------------------------------------------------

tcpdump -i lo -U --immediate-mode -s 0 -w "$dir/capture.pcap" \
    "tcp and host 127.0.0.1 and portrange $port-$(( port + ${#protocols[@]} - 1 ))" 2>"$dir/logs/tcpdump.log" &
pids+=($!)
capture_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$dir/logs/tcpdump.log" 2>/dev/null && break
    kill -0 "$capture_pid" 2>/dev/null || { echo "$0: tcpdump failed: $(cat "$dir/logs/tcpdump.log")" >&2; exit 3; }
    sleep 0.05
done
grep -q "listening on" "$dir/logs/tcpdump.log" || { echo "$0: tcpdump did not start" >&2; exit 3; }

# --- servers -------------------------------------------------------------------------------------

# started PROTOCOL: the server just started in the background serves PROTOCOL alone; wait until
# it listens.
started() {
    pids+=($!)
    await_listener "${server_program[$1]}" $! "${server_port[$1]}" "$dir/logs/${server_program[$1]}.log"
}

start_smtp() {
    "$python" -m aiosmtpd --nosetuid --listen "127.0.0.1:${server_port[smtp]}" --class aiosmtpd.handlers.Sink \
        --tlscert "$(cert smtp)" --tlskey "$(key smtp)" >"$dir/logs/aiosmtpd.log" 2>&1 &
    started smtp
}

# dovecot_listener SERVICE PROTOCOL: the plaintext listener of SERVICE on PROTOCOL's port, or none.
dovecot_listener() {
    local port=0
    wants "$2" && port=${server_port[$2]}
    printf 'service %s-login {\n  inet_listener %s {\n    address = 127.0.0.1\n    port = %s\n  }\n' "$1" "$1" "$port"
    printf '  inet_listener %ss {\n    port = 0\n  }\n}\n' "$1"
}

# One dovecot for IMAP and POP3, each protocol with its own certificate.
start_dovecot() {
    local conf=$run/dovecot.conf enabled=()
    wants imap && enabled+=(imap)
    wants pop3 && enabled+=(pop3)
    mkdir -p "$run/dovecot"
    {
        echo "base_dir = $run/dovecot/run"
        echo "state_dir = $run/dovecot/state"
        echo "log_path = $dir/logs/dovecot.log"
        echo "protocols = ${enabled[*]}"
        echo "listen = 127.0.0.1"
        echo "ssl = required"
        echo "ssl_cert = <$(cert "${enabled[0]}")"
        echo "ssl_key = <$(key "${enabled[0]}")"
        echo "mail_location = maildir:$run/dovecot/mail"
        printf 'passdb {\n  driver = static\n  args = password=unused\n}\n'
        printf 'userdb {\n  driver = static\n  args = uid=%s gid=%s home=%s\n}\n' "$(id -u)" "$(id -g)" "$run/dovecot/home"
        if [ "$(id -u)" != 0 ]; then
            # Unprivileged, every dovecot process runs as this user.
            echo "default_login_user = $(id -un)"
            echo "default_internal_user = $(id -un)"
            echo "default_internal_group = $(id -gn)"
        fi
        dovecot_listener imap imap
        dovecot_listener pop3 pop3
        for proto in "${enabled[@]}"; do
            printf 'protocol %s {\n  ssl_cert = <%s\n  ssl_key = <%s\n}\n' "$proto" "$(cert "$proto")" "$(key "$proto")"
        done
    } >"$conf"
    dovecot -F -c "$conf" >>"$dir/logs/dovecot.log" 2>&1 &
    pids+=($!)
    for proto in "${enabled[@]}"; do
        await_listener dovecot $! "${server_port[$proto]}" "$dir/logs/dovecot.log"
    done
}

start_ftp() {
    mkdir -p "$run/vsftpd-empty"
    cat >"$run/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=${server_port[ftp]}
background=NO
anonymous_enable=YES
ftp_username=nobody
anon_root=$run/vsftpd-empty
no_anon_password=YES
local_enable=NO
ssl_enable=YES
ssl_ciphers=HIGH
allow_anon_ssl=YES
force_anon_logins_ssl=YES
rsa_cert_file=$(cert ftp)
rsa_private_key_file=$(key ftp)
secure_chroot_dir=$run/vsftpd-empty
xferlog_enable=NO
$( [ "$(id -u)" = 0 ] || echo run_as_launching_user=YES )
EOF
    vsftpd "$run/vsftpd.conf" >"$dir/logs/vsftpd.log" 2>&1 &
    started ftp
}

start_xmpp() {
    mkdir -p "$run/prosody"
    cat >"$run/prosody.cfg.lua" <<EOF
run_as_root = true
pidfile = "$run/prosody/prosody.pid"
data_path = "$run/prosody"
log = { { levels = { min = "info" }, to = "file", filename = "$dir/logs/prosody.log" } }
interfaces = { "127.0.0.1" }
c2s_ports = { ${server_port[xmpp]} }
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }
modules_enabled = { "tls", "saslauth", "disco", "ping" }
modules_disabled = { "s2s", "offline", "posix" }
c2s_require_encryption = true
authentication = "internal_plain"
VirtualHost "${server_name[xmpp]}"
    ssl = { certificate = "$(cert xmpp)", key = "$(key xmpp)" }
EOF
    prosody -F --config "$run/prosody.cfg.lua" >>"$dir/logs/prosody.log" 2>&1 &
    started xmpp
}

# PostgreSQL refuses to run as root: as root it runs as nobody, with a copy of its key it owns.
start_postgres() {
    local pg=$run/postgres as=()
    mkdir -p "$pg"
    cp "$(cert postgres)" "$pg/server.crt"
    cp "$(key postgres)" "$pg/server.key"
    chmod 600 "$pg/server.key"
    if [ "$(id -u)" = 0 ]; then
        chown -R nobody: "$pg"
        as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    fi
    "${as[@]}" "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust --no-sync >"$dir/logs/initdb.log" 2>&1 ||
        { echo "$0: initdb failed: $(tail -c 600 "$dir/logs/initdb.log")" >&2; exit 4; }
    "${as[@]}" "$pg_bin/postgres" -D "$pg/data" -h 127.0.0.1 -p "${server_port[postgres]}" -k '' -c fsync=off \
        -c ssl=on -c ssl_cert_file="$pg/server.crt" -c ssl_key_file="$pg/server.key" >"$dir/logs/postgres.log" 2>&1 &
    started postgres
}

start_ldap() {
    cat >"$run/slapd.conf" <<EOF
pidfile $run/slapd.pid
TLSCertificateFile $(cert ldap)
TLSCertificateKeyFile $(key ldap)
EOF
    slapd -d 256 -f "$run/slapd.conf" -h "ldap://127.0.0.1:${server_port[ldap]}/" >"$dir/logs/slapd.log" 2>&1 &
    started ldap
}

wants smtp && start_smtp
{ wants imap || wants pop3; } && start_dovecot
wants ftp && start_ftp
wants xmpp && start_xmpp
wants postgres && start_postgres
wants ldap && start_ldap

# --- clients -------------------------------------------------------------------------------------

# What each client sends over TLS (printf formats: a command, then the protocol's goodbye), and
# what shows the server answered over TLS, in the client's output or, for LDAP's binary answers,
# in the server's log.
# XMPP restarts the stream over TLS (RFC 6120 5.4.3.3) and closes it at once.
printf -v xmpp_stream "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='%s' version='1.0'>" \
    "${server_name[xmpp]:-}"
declare -A request=(
    [smtp]='EHLO client.starttls.test\r\nQUIT\r\n'
    [imap]='a1 CAPABILITY\r\na2 LOGOUT\r\n'
    [pop3]='CAPA\r\nQUIT\r\n'
    [ftp]='FEAT\r\nQUIT\r\n'
    [xmpp]="$xmpp_stream</stream:stream>"
    # StartupMessage (protocol 3.0, user and database postgres), then Terminate.
    [postgres]='\x00\x00\x00\x29\x00\x03\x00\x00user\x00postgres\x00database\x00postgres\x00\x00X\x00\x00\x00\x04'
    # WhoAmI extended request (RFC 4532), message 2, then UnbindRequest, message 3.
    [ldap]='\x30\x1e\x02\x01\x02\x77\x19\x80\x171.3.6.1.4.1.4203.1.11.3\x30\x05\x02\x01\x03\x42\x00'
)
declare -A answer=([smtp]='^221 ' [imap]='^a2 OK' [pop3]='^\+OK Logging out' [ftp]='^221 '
    [xmpp]='urn:ietf:params:xml:ns:xmpp-sasl' [postgres]='server_version' [ldap]='op=1 WHOAMI')

manifest="$dir/manifest.tsv"
printf 'order\tprotocol\tserver_port\tserver_name\tcertificate\tserver\n' >"$manifest"
order=0
for proto in "${protocols[@]}"; do
    name=${server_name[$proto]}
    log=$dir/logs/client-$proto.log
    extra=()
    [ "$proto" = xmpp ] && extra=(-xmpphost "$name")
    # A pause, so the request follows the handshake; -ign_eof: wait for the server to close.
    # shellcheck disable=SC2059  # the requests are printf formats
    { sleep 0.3; printf "${request[$proto]}"; } | timeout 8 openssl s_client -connect "127.0.0.1:${server_port[$proto]}" \
        -starttls "$proto" -servername "$name" "${extra[@]}" -tls1_2 -ign_eof >"$log" 2>&1 || true
    # s_client exits 1 when a server closes without close_notify (vsftpd does): judge by what it printed.
    if ! grep -q '^New, TLSv1.2, Cipher is ' "$log" || grep -q 'Cipher is (NONE)' "$log"; then
        echo "$0: $proto: no TLS 1.2 handshake: $(tail -c 400 "$log")" >&2
        exit 4
    fi
    said=$log
    [ "$proto" = ldap ] && said=$dir/logs/slapd.log
    grep -aqE "${answer[$proto]}" "$said" ||
        { echo "$0: $proto: no answer over TLS (${answer[$proto]}): $(tail -c 400 "$said")" >&2; exit 4; }
    order=$(( order + 1 ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$order" "$proto" "${server_port[$proto]}" "$name" "$name.crt.pem" \
        "${server_program[$proto]}" >>"$manifest"
done

# Let the last FIN/ACKs reach the capture, then stop everything (the trap's work, done now).
sleep 0.2
cleanup
trap - EXIT
