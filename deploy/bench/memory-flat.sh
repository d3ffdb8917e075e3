#!/usr/bin/env bash
# Memory stays flat however long a replay runs: `tlswatch replay` of a realistic synthetic capture
# and of one ten times longer (FLOWS and 10 x FLOWS flows, same seed and settings), each with a GC
# log and the same heap limit; the heap after each collection (what is still live, plus garbage
# not yet collected from the old generation) must not grow with the length of the run.
#
#   deploy/bench/memory-flat.sh [FLOWS] [WORKDIR]      (default 900: about 400 MB and 4 GB; /tmp/tlswatch-bench)
#
# Writes deploy/bench/results/memory-flat.tsv (a line per capture, then the 10x run's heap after
# GC at ten points of its run) and prints it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
flows=${1:-900}
work=${2:-/tmp/tlswatch-bench}
results="$here/results"
heap=${TLSWATCH_BENCH_HEAP:-1g}
mkdir -p "$work" "$results"
roots="$work/synth-roots"

run() {   # flows -> "flows<TAB>bytes<TAB>packets<TAB>seconds<TAB>gc fields"; leaves the GC log in WORK
    local f="$work/synth-realistic-$1.pcap" log="$work/memory-flat-$1-gc.log"
    [ -f "$f" ] || "$root/tlswatch" synth -q --mix realistic --flows "$1" --write-roots "$roots" -o "$f"
    rm -f "$log"
    local summary
    summary=$(TLSWATCH_JAVA_OPTS="-XX:+UseParallelGC -Xmx$heap -Xlog:gc:file=$log:uptime" "$root/tlswatch" replay \
        -o /dev/null --progress never --extra-roots "$roots/synth-public-roots.pem" "$f" 2>&1)
    local packets seconds
    packets=$(sed -n 's/^  packets *\([0-9,]*\) .*/\1/p' <<<"$summary" | tr -d ,)
    seconds=$(sed -n 's/^  time *\([0-9.]*\) s.*/\1/p' <<<"$summary")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$(stat -c %s "$f")" "$packets" "$seconds" "$(awk -f "$here/gc-heap.awk" "$log")"
}

{
    printf '# date %s; machine %s cores, %s; ParallelGC (the launcher default), -Xmx%s\n' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$heap"
    printf 'flows\tbytes\tpackets\tseconds\tgc_pauses\tfull_gcs\tpeak_heap_before_gc_mb\tmax_heap_after_gc_mb\tmean_after_gc_first_tenth_mb\tmean_after_gc_last_tenth_mb\theap_size_mb\n'
    run "$flows"
    run "$((flows * 10))"
    printf '# the %s-flow run: heap after GC at ten points (pause number, seconds since JVM start, MB)\n' "$((flows * 10))"
    awk -v TIMELINE=10 -f "$here/gc-heap.awk" "$work/memory-flat-$((flows * 10))-gc.log" | sed 's/^/# /'
} > "$results/memory-flat.tsv"
cat "$results/memory-flat.tsv"
