#!/usr/bin/env bash
# Remakes capture/src/test/resources/io/tlswatch/capture/corpus-oracle.tsv from the shared corpus
# with tshark (an independent oracle for CorpusSmokeTest). Usage: capture/tools/corpus-oracle.sh [corpus-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${1:-$here/../../../shared/corpus}"
out="$here/../src/test/resources/io/tlswatch/capture/corpus-oracle.tsv"
cd "$corpus"
{
  printf '# path\tpackets\ttcp\tudp\tdamage\n'
  echo "# Oracle from an independent tool, $(tshark -v 2>/dev/null | head -1 | cut -d' ' -f1-3), default preferences: packets = frames tshark reads;"
  echo '# tcp / udp = frames whose innermost transport header (not counting headers quoted inside ICMP errors) is TCP / UDP;'
  echo "# damage = what the reader's error() must contain, for the files tshark reports damaged (cut short, oversized record), else -."
  tail -n +2 MANIFEST.tsv | cut -f1 | sort | while read -r capture; do
    err="$(mktemp)"
    counts="$( (tshark -r "$capture" -T fields -e frame.protocols 2>"$err" </dev/null || true) | awk '
      { n++; k = split($0, p, ":"); last = "";
        for (i = 1; i <= k; i++) { if (p[i] == "icmp" || p[i] == "icmpv6") break; if (p[i] == "tcp" || p[i] == "udp") last = p[i] }
        if (last == "tcp") t++; else if (last == "udp") u++ }
      END { printf "%d\t%d\t%d", n, t, u }')"
    damage='-'
    if grep -q 'cut short in the middle of a packet' "$err"; then damage='file ends inside a record'; fi
    if grep -q 'bigger than maximum of 262144' "$err"; then damage='exceeds the maximum of 262144'; fi
    rm -f "$err"
    printf '%s\t%s\t%s\n' "$capture" "$counts" "$damage"
  done
} > "$out"
