#!/usr/bin/env bash
# Replay throughput of `tlswatch replay` on a large capture, next to tcpdump and tshark on the same
# file. The capture is built from the shared corpus (../shared/corpus): every Ethernet pcap in it,
# concatenated, then copied COPIES times with clocks shifted by a day each (editcap -t), so each
# copy's flows are new flows (the old ones have long expired). Addresses are left alone: tcprewrite
# --seed also rewrites IP lengths to cover Ethernet padding, which puts bytes into empty segments.
#
#   deploy/bench/replay-throughput.sh [COPIES] [WORKDIR]      (default 24 copies, /tmp/tlswatch-bench)
#
# Needs: java and maven (for tlswatch), tcpdump, tshark, and mergecap/editcap/capinfos (wireshark's
# tools, with tshark). Writes results.tsv and throughput.svg into
# deploy/bench/results/ and prints the table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
copies=${1:-24}
work=${2:-/tmp/tlswatch-bench}
results="$here/results"
for tool in tcpdump tshark mergecap editcap capinfos; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
done
mkdir -p "$work" "$results"

big="$work/corpus-x$copies.pcap"
if [ ! -f "$big" ]; then
    echo "building $big ..." >&2
    base=$("$here/corpus-capture.sh" "$work")
    parts=()
    for i in $(seq 1 "$copies"); do
        editcap -t "$(( i * 86400 ))" "$base" "$work/part-$i.pcap" 2>/dev/null
        parts+=("$work/part-$i.pcap")
    done
    mergecap -a -F pcap -w "$big" "${parts[@]}"
    rm -f "$work"/part-*.pcap
fi
packets=$(capinfos -c -M -T -r "$big" | cut -f2)
bytes=$(stat -c %s "$big")
echo "capture: $big, $packets packets, $bytes bytes" >&2

"$root/tlswatch" --version >/dev/null   # build first, outside the timing

run() {   # name, command...: prints name<TAB>seconds (best of 3)
    local name=$1; shift
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        best=$(echo "$start $end $best" | awk '{t=$2-$1; if ($3=="" || t<$3) print t; else print $3}')
    done
    printf '%s\t%s\n' "$name" "$best"
}

cat /dev/null > "$work/times.tsv"
run "tlswatch replay" "$root/tlswatch" replay -q -o /dev/null "$big" >> "$work/times.tsv"
run "tcpdump -r -w /dev/null" tcpdump -r "$big" -w /dev/null >> "$work/times.tsv"
run "tshark -Y tls.handshake" tshark -r "$big" -Y tls.handshake >> "$work/times.tsv"

{
    printf 'date\t%s\nmachine\t%s cores, %s\ncapture\t%s packets, %s bytes (corpus x%s)\n' \
        "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$packets" "$bytes" "$copies"
    printf 'tool\tseconds\tpackets_per_second\tmegabytes_per_second\n'
    awk -F'\t' -v p="$packets" -v b="$bytes" '{printf "%s\t%.2f\t%.0f\t%.1f\n", $1, $2, p/$2, b/$2/1e6}' "$work/times.tsv"
} > "$results/results.tsv"
cat "$results/results.tsv"

# A bar chart of packets per second, as SVG (no plotting library needed).
awk -F'\t' 'NR>4 {name[NR]=$1; rate[NR]=$3; if ($3>max) max=$3; n=NR}
END {
    w=640; bar=36; gap=18; left=190; h=60+(n-4)*(bar+gap);
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">\n", w, h;
    printf "<text x=\"10\" y=\"22\" font-size=\"15\">Replay throughput, packets per second (higher is better)</text>\n";
    for (i=5; i<=n; i++) { y=40+(i-5)*(bar+gap); len=(w-left-90)*rate[i]/max;
        printf "<text x=\"10\" y=\"%d\">%s</text>\n", y+bar/2+5, name[i];
        printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", left, y, len, bar, (i==5 ? "#1f77b4" : "#999999");
        printf "<text x=\"%d\" y=\"%d\">%\047d</text>\n", left+len+6, y+bar/2+5, rate[i]; }
    print "</svg>" }' "$results/results.tsv" > "$results/throughput.svg"
echo "chart: $results/throughput.svg" >&2
