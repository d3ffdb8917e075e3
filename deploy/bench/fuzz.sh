#!/usr/bin/env bash
# Runs every fuzz target (Jazzer @FuzzTest) of capture and analyzer in fuzzing mode, one JVM each,
# for SECONDS each (default 60), under a heap bound (an input that makes a parser hold memory without
# bound ends in an OutOfMemoryError, which is a finding), and records per target the inputs executed,
# the coverage reached and the findings in deploy/bench/results/fuzz.tsv. The generated corpus is kept
# under WORKDIR between runs, so a later run goes on from where this one stopped. A finding's input is
# copied to deploy/bench/results/fuzz-findings/TARGET/; fix the parser, then move the input into the
# target's inputs folder in the test resources (CaptureFuzzTestInputs/, AnalyzerFuzzTestInputs/) so
# every build runs it.
#
#   deploy/bench/fuzz.sh [SECONDS] [WORKDIR]      (default 60 s each, /tmp/tlswatch-fuzz)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=${1:-60}
work=${2:-/tmp/tlswatch-fuzz}
heap=${TLSWATCH_FUZZ_HEAP:-768m}
results="$here/results"
out="$results/fuzz.tsv"
mkdir -p "$work" "$results"

targets=(
    "capture io.tlswatch.capture.fuzz.CaptureFuzzTest pcapFile"
    "capture io.tlswatch.capture.fuzz.CaptureFuzzTest pcapngFile"
    "capture io.tlswatch.capture.fuzz.CaptureFuzzTest packetDecoder"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest tcpReassembly"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest tlsStream"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest clientHello"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest serverHello"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest certificateMessage"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest quicInitial"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest certificate"
    "analyzer io.tlswatch.analyzer.fuzz.AnalyzerFuzzTest chainValidation"
)

{
    echo "# date $(date -u +%Y-%m-%dT%H:%MZ); machine $(nproc) cores, $(java -version 2>&1 | head -1); jazzer-junit 0.30.0; ${seconds} s per target, -Xmx$heap"
    printf 'module\ttarget\tseconds\texecutions\texec_per_s\tcoverage_edges\tcorpus_inputs\tfindings\tfinding\n'
} > "$out"
for t in "${targets[@]}"; do
    read -r module class method <<<"$t"
    log="$work/$method.log"
    base="$work/$module"
    mkdir -p "$base"
    touch "$log.start"
    started=$(date +%s)
    status=0
    # The test phase only (the build's own brief fuzzing is in integration-test); the heap bound
    # reaches the forked test JVM through JAVA_TOOL_OPTIONS, as the pom fixes its argLine.
    (cd "$root" && JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS="-Xmx$heap" mvn -B -o -pl "$module" -am test \
        -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_duration="${seconds}s" -Djazzer.internal.basedir="$base") >"$log" 2>&1 || status=$?
    elapsed=$(( $(date +%s) - started ))
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$done_line")
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$done_line")
    corpus=$(sed -n 's/.*corp: \([0-9]*\)\/.*/\1/p' <<<"$done_line")
    findings=0
    finding=""
    if [ "$status" -ne 0 ] || grep -q 'FuzzTestFindingException\|== Java Exception' "$log"; then
        findings=1
        finding=$(grep -m1 -E 'Caused by: |== Java Exception: ' "$log" | sed 's/^[^:]*: //; s/\t/ /g' | cut -c1-200)
        mkdir -p "$results/fuzz-findings/$method"
        find "$root/$module" "$base" -maxdepth 1 -name 'crash-*' -newer "$log.start" -exec cp {} "$results/fuzz-findings/$method/" \; 2>/dev/null || true
    fi
    rate=$(( ${runs:-0} / (seconds > 0 ? seconds : 1) ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$module" "$method" "$elapsed" "${runs:-0}" "$rate" \
        "${cov:-}" "${corpus:-}" "$findings" "$finding" >> "$out"
    echo "$method: ${runs:-0} inputs, coverage ${cov:-?}, findings $findings" >&2
done
cat "$out"
