#!/usr/bin/env bash
# The benchmark command: tlswatch replay next to tcpdump, nDPI and tshark on two synthetic captures
# that `tlswatch synth` writes (deterministic, seed 1): a realistic link (about 300 data packets per
# handshake, 30 % TLS 1.3) and a handshake-heavy one (every flow a TLS 1.2 handshake with a chain).
# Each tool runs RUNS times on each file, the page cache warm (the file is read once beforehand),
# under GNU time; the table holds the medians.
#
#   deploy/bench/compare.sh [--realistic-flows N] [--heavy-flows N] [--runs N] [--work DIR]
#                           [--tshark-packets N]
#
#   --realistic-flows  flows of the realistic capture (default 9000: about 4 GB)
#   --heavy-flows      flows of the handshake-heavy capture (default 300000: about 1.8 GB)
#   --runs             runs per tool and file (default 3)
#   --work             where the captures are kept between runs (default /tmp/tlswatch-bench)
#   --tshark-packets   tshark reads only the first N packets (-c N) and its time is extrapolated to
#                      the whole file, marked so in the table (default 0: the whole file)
#
# What each tool does: `tlswatch replay -o /dev/null --extra-roots` (everything: reassembly, TLS,
# certificates, verdicts, JSON); `tcpdump -r F -w /dev/null` (read and write packets, a floor);
# `ndpiReader -i F` (flow tracking and protocol detection; without -v it prints its summary, not a
# line per flow); `tshark -r F -Y 'tls.handshake.type == 1' -T fields -e frame.number` (full
# dissection, one line per ClientHello). Handshakes per second divide tlswatch's session count
# (its summary) by each tool's time. Installs nothing: says what is missing.
#
# Writes deploy/bench/results/compare.tsv and compare.svg and prints the table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$here/results"
realistic_flows=9000 heavy_flows=300000 runs=3 work=/tmp/tlswatch-bench tshark_packets=0
while [ $# -gt 0 ]; do
    case "$1" in
        --realistic-flows) realistic_flows=$2 ;;
        --heavy-flows) heavy_flows=$2 ;;
        --runs) runs=$2 ;;
        --work) work=$2 ;;
        --tshark-packets) tshark_packets=$2 ;;
        *) sed -n '9,17p' "$0" >&2; exit 2 ;;
    esac
    shift 2
done

missing=()
for pair in tcpdump:tcpdump tshark:tshark capinfos:tshark ndpiReader:libndpi-bin; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair%%:*} (Debian package ${pair#*:})")
done
/usr/bin/time --version 2>&1 | grep -q GNU || missing+=("GNU time as /usr/bin/time (Debian package time)")
if [ "${#missing[@]}" -gt 0 ]; then
    printf '%s: missing: %s\n' "$0" "${missing[@]}" >&2
    echo "install them, for example: apt-get install tcpdump tshark libndpi-bin time" >&2
    exit 2
fi
mkdir -p "$work" "$results"
"$root/tlswatch" --version >/dev/null   # builds the jar if needed, outside the timing
roots="$work/synth-roots"

capture() {   # mix, flows -> path of the capture, written once; its packets and bytes in PATH.info
    local f="$work/synth-$1-$2.pcap"
    if [ ! -f "$f" ] || [ ! -f "$f.info" ]; then
        echo "writing $f ..." >&2
        "$root/tlswatch" synth --mix "$1" --flows "$2" --write-roots "$roots" -o "$f" >&2
        capinfos -c -d -M -T -r "$f" | cut -f2,3 > "$f.info"
    fi
    echo "$f"
}

timed() {   # out-prefix, command... -> appends "seconds<TAB>peak RSS kB" to PREFIX.times
    local prefix=$1; shift
    /usr/bin/time -f '%e\t%M' -o "$prefix.time" "$@" > "$prefix.out" 2> "$prefix.err" \
        || { echo "$0: failed: $*" >&2; tail -5 "$prefix.err" >&2; exit 1; }
    cat "$prefix.time" >> "$prefix.times"
}

median() {   # column of numbers on stdin -> their median
    sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

rows="$work/compare-rows.tsv"
: > "$rows"
notes=""
for mix in realistic handshake-heavy; do
    [ "$mix" = realistic ] && flows=$realistic_flows || flows=$heavy_flows
    f=$(capture "$mix" "$flows")
    read -r packets bytes < "$f.info"
    cat "$f" > /dev/null   # warm the page cache
    declare -A label=([tlswatch]="tlswatch replay" [tcpdump]="tcpdump -r -w /dev/null" [ndpi]="ndpiReader -i"
                      [tshark]="tshark -Y tls.handshake.type==1")
    tshark_cap=()
    if [ "$tshark_packets" -gt 0 ] && [ "$tshark_packets" -lt "$packets" ]; then
        tshark_cap=(-c "$tshark_packets")
        label[tshark]="tshark (first $tshark_packets packets, extrapolated)"
    fi
    for tool in tlswatch tcpdump ndpi tshark; do
        p="$work/run-$mix-$tool"
        rm -f "$p.times"
        for i in $(seq 1 "$runs"); do
            echo "$mix: $tool run $i of $runs" >&2
            case $tool in
                tlswatch) timed "$p" "$root/tlswatch" replay -o /dev/null --progress never \
                              --extra-roots "$roots/synth-public-roots.pem" "$f"
                          sessions=$(sed -n 's/^  tls sessions *\([0-9,]*\) .*/\1/p' "$p.err" | tr -d ,) ;;
                tcpdump)  timed "$p" tcpdump -r "$f" -w /dev/null ;;
                ndpi)     timed "$p" ndpiReader -i "$f" ;;
                tshark)   timed "$p" tshark -r "$f" "${tshark_cap[@]}" -Y 'tls.handshake.type == 1' \
                              -T fields -e frame.number
                          hellos=$(wc -l < "$p.out") ;;
            esac
        done
        seconds=$(cut -f1 "$p.times" | median)
        rss=$(cut -f2 "$p.times" | median)
        if [ "$tool" = tshark ] && [ "${#tshark_cap[@]}" -gt 0 ]; then
            seconds=$(awk -v s="$seconds" -v n="$tshark_packets" -v p="$packets" 'BEGIN {print s * p / n}')
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mix" "${label[$tool]}" "$seconds" "$rss" \
            "$packets" "$bytes" "$sessions" "$runs" >> "$rows"
    done
    notes+="# $mix: $(basename "$f"), tlswatch counted $sessions sessions, tshark listed $hellos ClientHellos"$'\n'
done

{
    printf '# date %s; machine %s cores, %s GB RAM, %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" \
        "$(free -g | awk '/^Mem/ {print $2}')" "$(java -version 2>&1 | head -1)"
    printf '# versions: %s; %s; %s\n' "$(tcpdump --version 2>&1 | head -1)" "$(tshark -v 2>/dev/null | head -1)" \
        "$(ndpiReader -h 2>&1 | grep -m1 -o 'nDPI [0-9.]*')"
    printf '# medians of %s runs each, page cache warm; seconds include JVM start for tlswatch\n' "$runs"
    printf '%s' "$notes"
    printf 'capture\ttool\tseconds\tpackets_per_s\tgbit_per_s\thandshakes_per_s\tpeak_rss_mb\ttime_vs_tlswatch\tpackets\tbytes\thandshakes\n'
    awk -F'\t' '{
        if ($2 == "tlswatch replay") base[$1] = $3
        printf "%s\t%s\t%.2f\t%.0f\t%.2f\t%.0f\t%.0f\t%.2f\t%s\t%s\t%s\n", $1, $2, $3, $5/$3, $6*8/$3/1e9,
            $7/$3, $4/1024, $3/base[$1], $5, $6, $7 }' "$rows"
} > "$results/compare.tsv"
grep '^#' "$results/compare.tsv"
grep -v '^#' "$results/compare.tsv" | column -t -s $'\t'

# Grouped bars of packets per second (log scale would hide the differences; linear per capture).
awk -F'\t' '!/^#/ && NR>1 && $1!="capture" {n++; cap[n]=$1; tool[n]=$2; rate[n]=$4; ratio[n]=$8
        if ($4 > max[$1]) max[$1] = $4 }
END {
    w=760; bar=26; gap=8; left=300; y=40; h=50 + n*(bar+gap) + 40*2
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">\n", w, h
    printf "<text x=\"10\" y=\"22\" font-size=\"15\">Packets per second by capture (median; higher is better; x = time / tlswatch time)</text>\n"
    for (i=1; i<=n; i++) {
        if (cap[i] != cap[i-1]) { y += 18; printf "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>\n", y, cap[i]; y += 8 }
        len=(w-left-150)*rate[i]/max[cap[i]]
        printf "<text x=\"10\" y=\"%d\">%s</text>\n", y+bar/2+5, tool[i]
        printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", left, y, len, bar, (tool[i] ~ /^tlswatch/ ? "#1f77b4" : "#999999")
        printf "<text x=\"%d\" y=\"%d\">%\047d (x%.2f)</text>\n", left+len+6, y+bar/2+5, rate[i], ratio[i]
        y += bar+gap }
    print "</svg>" }' "$results/compare.tsv" > "$results/compare.svg"
echo "chart: $results/compare.svg" >&2
