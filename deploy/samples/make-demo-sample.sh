#!/usr/bin/env bash
# Remakes the demo's synthetic sample (deterministic: same options and seed, same bytes):
# 240 TLS flows, about 12% intercepted by the catalogue's interceptors (a Qaznet-like government
# root, FortiGate and Zscaler corporate proxies, a Kaspersky-like scanner), most clean, TLS 1.3 ones
# not observable; and the synthetic public roots that replay needs (--extra-roots) to trust the
# sites' own chains. `tlswatch demo` replays it with deploy/samples/handshakes.pcap.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/../../tlswatch" synth --output "$work/demo.pcap" --flows 240 --seed 9 --mix realistic --data-bytes 60 \
    --forged-share 0.15 --sites 60 --write-roots "$work/roots" --progress never --quiet
gzip -9 --no-name -c "$work/demo.pcap" > "$here/synthetic-interception.pcap.gz"
cp "$work/roots/synth-public-roots.pem" "$here/synthetic-public-roots.pem"
ls -l "$here/synthetic-interception.pcap.gz" "$here/synthetic-public-roots.pem"
