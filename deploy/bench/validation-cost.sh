#!/usr/bin/env bash
# Cost of judging sessions (chain validation and the rules) on a capture where every TLS session
# carries its server's certificate chain: the corpus's TCP streams that hold a Certificate message
# (as tshark, reordering segments, finds them), copied COPIES times a day apart. Runs
# `tlswatch replay` with the chain cache (default) and with --chain-cache 0 (every chain validated
# afresh, no memory of decoded certificates or signatures either), best of three each.
#
#   deploy/bench/validation-cost.sh [COPIES] [WORKDIR]      (default 40 copies, /tmp/tlswatch-bench)
#
# Writes deploy/bench/results/validation-cost.tsv and prints it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
copies=${1:-40}
work=${2:-/tmp/tlswatch-bench}
results="$here/results"
command -v tshark >/dev/null && command -v editcap >/dev/null || { echo "$0: needs tshark and editcap" >&2; exit 2; }
base=$("$here/corpus-capture.sh" "$work")
capture="$work/certificates-x$copies.pcap"
if [ ! -f "$capture" ]; then
    streams=$(tshark -o tcp.reassemble_out_of_order:TRUE -r "$base" -Y 'tls.handshake.type == 11' \
        -T fields -e tcp.stream 2>/dev/null | sort -un | paste -sd, -)
    tshark -r "$base" -Y "tcp.stream in {$streams}" -w "$work/certificates.pcap" -F pcap 2>/dev/null
    parts=()
    for i in $(seq 1 "$copies"); do
        editcap -t "$(( i * 86400 ))" "$work/certificates.pcap" "$work/cpart-$i.pcap"
        parts+=("$work/cpart-$i.pcap")
    done
    mergecap -a -F pcap -w "$capture" "${parts[@]}"
    rm -f "$work"/cpart-*.pcap
fi
"$root/tlswatch" --version >/dev/null

measure() {   # cache size -> "sessions<TAB>chains seen<TAB>validated<TAB>best seconds"
    local best="" line
    for _ in 1 2 3; do
        line=$("$root/tlswatch" replay --chain-cache "$1" -o /dev/null "$capture" 2>&1)
        local seconds
        seconds=$(sed -n 's/^  time *\([0-9.]*\) s.*/\1/p' <<<"$line")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
    done
    local sessions chains validated
    sessions=$(sed -n 's/^  tls sessions *\([0-9,]*\) (.*server chain seen \([0-9,]*\)).*/\1/p' <<<"$line" | tr -d ,)
    chains=$(sed -n 's/^  tls sessions .*server chain seen \([0-9,]*\)).*/\1/p' <<<"$line" | tr -d ,)
    validated=$(sed -n 's/^  chains *\([0-9,]*\) validated.*/\1/p' <<<"$line" | tr -d ,)
    printf '%s\t%s\t%s\t%s\n' "$sessions" "$chains" "$validated" "$best"
}

{
    printf 'date\t%s\nmachine\t%s cores, %s\ncapture\t%s (corpus streams with a Certificate message, x%s)\n' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$(basename "$capture")" "$copies"
    printf 'chain_cache\tsessions\tsessions_with_chain\tchains_validated\tseconds\tsessions_per_second\n'
    for cache in 50000 0; do
        IFS=$'\t' read -r sessions chains validated seconds < <(measure "$cache")
        printf '%s\t%s\t%s\t%s\t%s\t%.0f\n' "$cache" "$sessions" "$chains" "$validated" "$seconds" \
            "$(awk "BEGIN{print $sessions / $seconds}")"
    done
} > "$results/validation-cost.tsv"
cat "$results/validation-cost.tsv"
