#!/usr/bin/env bash
# One million TCP connections open at once, in 1 GiB of heap: `tlswatch synth` writes FLOWS
# handshake-heavy flows with --concurrent-flows FLOWS --handshakes-first (every connection opens
# and finishes its TLS 1.2 handshake before the first one closes, so all FLOWS are open together,
# each past its handshake, as long-lived connections on a busy link), then `tlswatch replay
# --max-flows 1100000` runs with -Xmx1g and a GC log, and the peak heap is read from that log.
#
#   deploy/bench/million-flows.sh [FLOWS] [WORKDIR]      (default 1000000, /tmp/tlswatch-bench)
#
# Writes deploy/bench/results/million-flows.tsv and prints it. The synth itself needs more heap
# than the replay (it keeps every open flow's plan): it runs with -Xmx4g.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
flows=${1:-1000000}
work=${2:-/tmp/tlswatch-bench}
results="$here/results"
mkdir -p "$work" "$results"
capture="$work/open-flows-$flows.pcap"
roots="$work/synth-roots"
if [ ! -f "$capture" ]; then
    echo "writing $capture ..." >&2
    TLSWATCH_JAVA_OPTS="-XX:+UseParallelGC -Xmx4g" "$root/tlswatch" synth --mix handshake-heavy --flows "$flows" \
        --concurrent-flows "$flows" --handshakes-first --write-roots "$roots" -o "$capture" >&2
fi
log="$work/million-flows-gc.log"
rm -f "$log"
TLSWATCH_JAVA_OPTS="-XX:+UseParallelGC -Xmx1g -Xlog:gc:file=$log:uptime" /usr/bin/time -f '%e\t%M' -o "$work/million-flows.time" \
    "$root/tlswatch" replay -o /dev/null --progress never --max-flows 1100000 \
    --extra-roots "$roots/synth-public-roots.pem" "$capture" 2> "$work/million-flows.err"
summary=$(cat "$work/million-flows.err")
echo "$summary" >&2
IFS=$'\t' read -r pauses full peak max_after first_after last_after size < <(awk -f "$here/gc-heap.awk" "$log")
IFS=$'\t' read -r seconds rss_kb < "$work/million-flows.time"
{
    printf '# date %s; machine %s cores, %s; launcher default GC (ParallelGC), -Xmx1g\n' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)"
    printf '# capture: %s (%s bytes): handshake-heavy, --concurrent-flows %s --handshakes-first\n' \
        "$(basename "$capture")" "$(stat -c %s "$capture")" "$flows"
    grep -E '^  (packets|tcp flows|tls sessions|time) ' <<<"$summary" | sed 's/^ */# replay: /'
    printf 'open_flows\tmax_heap_mb\tgc_pauses\tfull_gcs\tpeak_heap_before_gc_mb\tmax_heap_after_gc_mb\theap_after_last_gc_mb\tpeak_rss_mb\tseconds\n'
    printf '%s\t1024\t%s\t%s\t%s\t%s\t%s\t%.0f\t%s\n' "$flows" "$pauses" "$full" "$peak" "$max_after" \
        "$(awk -v TIMELINE=1 -f "$here/gc-heap.awk" "$log" | cut -f3)" "$((rss_kb / 1024))" "$seconds"
} > "$results/million-flows.tsv"
cat "$results/million-flows.tsv"
