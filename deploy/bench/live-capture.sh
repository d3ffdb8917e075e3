#!/usr/bin/env bash
# Measures tlswatch capture on a live interface: tcpreplay sends a synthetic capture (tlswatch synth,
# realistic mix: TLS handshakes among application data) into one end of a veth pair, tlswatch
# captures on the other end, and its final stats document says how many packets it read and how
# many were lost (kernel buffer, interface, or its own full rings). First at tcpreplay's top speed,
# then at fixed rates (--pps) to draw the drop curve; tcpdump -w /dev/null at top speed beside it.
# Needs root (veth, capture), tcpreplay and tcpdump; writes deploy/bench/results/live-capture.tsv.
#
#   deploy/bench/live-capture.sh [RATES...]     (packets/s; default 100000 200000 300000 400000 600000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=$here/../target/tlswatch.jar
results=$here/results/live-capture.tsv
rates=("$@"); [ ${#rates[@]} -gt 0 ] || rates=(100000 200000 300000 400000 600000)
[ -f "$jar" ] || (cd "$here/../.." && mvn -q -B package -DskipTests)
for tool in tcpreplay tcpdump ip; do command -v $tool >/dev/null || { echo "$0: $tool is not installed" >&2; exit 3; }; done

work=$(mktemp -d)
a=twbench0; b=twbench1
cleanup() { ip link del $a 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ip link add $a type veth peer name $b
ip link set $a mtu 9000 up; ip link set $b mtu 9000 up

java -jar "$jar" synth --flows 1500 --seed 6 -o "$work/synth.pcap" -q
packets=$(tcpdump -r "$work/synth.pcap" -nn 2>/dev/null | wc -l)
echo "capture: $packets packets ($(du -h "$work/synth.pcap" | cut -f1))"

# One run: capture on $b while tcpreplay sends at $1 (top or packets/s); prints a TSV row.
run() {
    local rate=$1 out="$work/out-$1.jsonl" err="$work/err-$1.txt" speed
    rm -f "$out"
    java -Xmx2g -jar "$jar" capture -i $b ${TLSWATCH_BENCH_OPTS:-} --stats-interval 3600 -o "$out" 2>"$err" &
    local pid=$!
    for _ in $(seq 200); do grep -q "reading" "$err" 2>/dev/null && break; sleep 0.05; done
    if [ "$rate" = top ]; then speed=(--topspeed); else speed=(--pps="$rate"); fi
    tcpreplay -i $a "${speed[@]}" --loop=3 "$work/synth.pcap" >"$work/replay-$rate.txt" 2>&1
    sleep 2
    kill -TERM $pid; wait $pid
    local sent sent_pps final
    sent=$(grep -oP 'Actual: \K[0-9]+' "$work/replay-$rate.txt")
    sent_pps=$(grep -oP 'Rated: [0-9.]+ Bps, [0-9.]+ Mbps, \K[0-9.]+' "$work/replay-$rate.txt")
    final=$(grep '"final":true' "$out" | tail -1)
    python3 - "$rate" "$sent" "$sent_pps" "$final" <<'PY'
import json, sys
rate, sent, pps, doc = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
c = doc["tlswatch"]["capture"]
lost = c["kernel_dropped"] + c["interface_dropped"] + c["dropped_by_us"]
print(f"tlswatch\t{rate}\t{sent}\t{pps:.0f}\t{c['received']}\t{c['delivered']}\t{c['kernel_dropped']}\t{c['dropped_by_us']}\t{lost}\t{100.0*lost/max(sent,1):.2f}")
PY
}

tcpdump_top() {
    tcpdump -i $b -B 65536 -w /dev/null 2>"$work/tcpdump.txt" &
    local pid=$!; sleep 1
    tcpreplay -i $a --topspeed --loop=3 "$work/synth.pcap" >"$work/replay-tcpdump.txt" 2>&1
    sleep 2; kill -INT $pid; wait $pid || true
    local sent pps got dropped
    sent=$(grep -oP 'Actual: \K[0-9]+' "$work/replay-tcpdump.txt")
    pps=$(grep -oP 'Rated: [0-9.]+ Bps, [0-9.]+ Mbps, \K[0-9.]+' "$work/replay-tcpdump.txt")
    got=$(grep -oP '^[0-9]+(?= packets captured)' "$work/tcpdump.txt")
    dropped=$(grep -oP '^[0-9]+(?= packets dropped by kernel)' "$work/tcpdump.txt")
    printf "tcpdump\ttop\t%s\t%.0f\t%s\t%s\t%s\t0\t%s\t%.2f\n" "$sent" "$pps" "$got" "$got" "$dropped" "$dropped" \
        "$(python3 -c "print(100.0*$dropped/max($sent,1))")"
}

{
    echo -e "tool\trate\tsent\tsent_pps\treceived\tdelivered\tkernel_dropped\tdropped_by_us\tlost\tlost_pct"
    run top
    for r in "${rates[@]}"; do run "$r"; done
    tcpdump_top
} | tee "$results.tmp"
mv "$results.tmp" "$results"
echo "# $(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1), tcpreplay $(tcpreplay -V 2>&1 | head -1 | grep -oP '[0-9.]+' | head -1); $packets packets x3 per run, synth --flows 1500 --seed 6" >> "$results"
