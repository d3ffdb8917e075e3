#!/usr/bin/env bash
# Regenerates analyzer/src/main/resources/io/tlswatch/analyzer/verdict/fingerprints/interception-clienthellos.tsv
# from the mitmengine captures of the shared corpus (../shared/corpus beside the repository) and prints the
# classification of every capture for review. See InterceptionClientHellosGenerator in the analyzer's tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -pl analyzer -am test -Dtest=InterceptionClientHellosGenerator -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtlswatch.regenerate=true "$@"
