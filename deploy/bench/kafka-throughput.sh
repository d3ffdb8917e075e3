#!/usr/bin/env bash
# Producer records/s into the test Kafka broker (KRaft, in the test JVM) through tlswatch's Kafka
# sink, and indexer documents/s into the test Elasticsearch (8.19 integ-test zip, child process),
# both on 127.0.0.1 of this machine. Appends one line per run to deploy/bench/results/kafka-throughput.txt.
#   deploy/bench/kafka-throughput.sh [FLOWS]      (default 50000 handshakes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
flows="${1:-50000}"
out="$PWD/deploy/bench/results/kafka-throughput.txt"
mkdir -p "$(dirname "$out")"
printf '%s  %s, %s cores: ' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(java -version 2>&1 | head -1)" "$(nproc)" >> "$out"
mvn -q -B -pl deploy -am test -Dtest=KafkaThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtlswatch.bench.flows="$flows" -Dtlswatch.bench.out="$out"
tail -1 "$out"
