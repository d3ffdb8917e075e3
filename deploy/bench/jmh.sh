#!/usr/bin/env bash
# The JMH micro-benchmarks (module bench/, built only with the Maven profile "bench"): the TLS
# parser, the flow table at a million flows, the certificate cache and the packet decoder, with
# JMH's GC profiler (bytes allocated per operation). Short warmups: a 2-core machine.
#
#   deploy/bench/jmh.sh [JMH options]     (default: -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc)
#   deploy/bench/jmh.sh -l                (list them)
#
# By hand: mvn -P bench -pl bench -am -DskipTests package && java -jar bench/target/benchmarks.jar
# Writes deploy/bench/results/jmh.txt (JMH's result table, with the machine) and prints it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q -B -P bench -pl bench -am -DskipTests package >&2)
jar="$root/bench/target/benchmarks.jar"
if [ $# -gt 0 ]; then
    exec java -jar "$jar" "$@"
fi
out=$(mktemp)
java -jar "$jar" -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc | tee "$out" >&2
{
    printf '# date %s; machine %s cores, %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)"
    printf '# deploy/bench/jmh.sh: JMH 1.37, -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc (gc.alloc.rate.norm: bytes allocated per op)\n'
    sed -n '/^Benchmark /,$p' "$out" | grep -E '^Benchmark |avgt' | grep -vE 'gc\.(count|time|alloc\.rate) '
} > "$here/results/jmh.txt"
rm -f "$out"
cat "$here/results/jmh.txt"
