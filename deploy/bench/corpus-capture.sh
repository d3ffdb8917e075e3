#!/usr/bin/env bash
# Shared by the benchmarks: builds WORK/base.pcap, every Ethernet pcap of the shared corpus
# concatenated in name order, and prints its path. Usage: corpus-capture.sh WORKDIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/../../../shared/corpus"
work=$1
[ -d "$corpus" ] || { echo "$0: needs the shared corpus at $corpus" >&2; exit 2; }
for tool in mergecap capinfos; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (wireshark's tools, with tshark)" >&2; exit 2; }
done
mkdir -p "$work"
if [ ! -f "$work/base.pcap" ]; then
    list=()
    while IFS= read -r f; do
        capinfos -E -T -r "$f" 2>/dev/null | grep -q "	ether$" && list+=("$f")
    done < <(find "$corpus" -name '*.pcap' -not -path '*/expected/*' | sort)
    mergecap -a -F pcap -w "$work/base.pcap" "${list[@]}" 2>/dev/null
fi
echo "$work/base.pcap"
