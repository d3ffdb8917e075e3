#!/usr/bin/env python3
"""Recomputes the golden-test oracle of one capture with tshark, with extra preferences.

The shared corpus's oracles were made with TShark 4.0.17's default preferences, under which TCP
segments that arrive out of order are not reassembled (tcp.reassemble_out_of_order is FALSE). This
prints the same three facts the golden test compares -- the (server name, leaf SHA-1) pairs of
server Certificate messages and the ClientHello / ServerHello counts on TCP -- for the preferences
given after the file, so a disagreement with the shipped oracle can be traced to tshark's settings:

    tshark-oracle.py CAPTURE [-o tcp.reassemble_out_of_order:TRUE] [-d tcp.port==1234,tls] ...

Output: one line 'pairs<TAB>sni leaf_sha1|...', 'client_hellos<TAB>N', 'server_hellos<TAB>N'.
"""
import hashlib
import subprocess
import sys


def fields(capture, prefs, display_filter, names):
    cmd = ["tshark", "-r", capture, *prefs, "-Y", display_filter, "-T", "fields", "-E", "separator=\t",
           "-E", "occurrence=a", "-E", "aggregator=|"]
    for name in names:
        cmd += ["-e", name]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    capture, prefs = sys.argv[1], sys.argv[2:]
    first_sni = {}
    client_hellos = server_hellos = 0
    for stream, types, sni in fields(capture, prefs, "tcp && tls.handshake.type",
                                     ["tcp.stream", "tls.handshake.type", "tls.handshake.extensions_server_name"]):
        for t in types.split("|"):
            if t == "1":
                client_hellos += 1
                first_sni.setdefault(stream, sni.split("|")[0] if sni else "")
            elif t == "2":
                server_hellos += 1
    pairs = set()
    rows = fields(capture, prefs, "tcp && tls.handshake.type == 11",
                  ["tcp.stream", "tcp.srcport", "tls.handshake.certificate"])
    hello_senders = {s: p for s, p in fields(capture, prefs, "tcp && tls.handshake.type == 1",
                                              ["tcp.stream", "tcp.srcport"])}
    for stream, srcport, certs in rows:
        if not certs or hello_senders.get(stream) == srcport:
            continue   # a client's certificate, or an empty message
        leaf = bytes.fromhex(certs.split("|")[0].replace(":", ""))
        pairs.add(f"{first_sni.get(stream, '')} {hashlib.sha1(leaf).hexdigest()}")
    print("pairs\t" + "|".join(sorted(pairs)))
    print(f"client_hellos\t{client_hellos}")
    print(f"server_hellos\t{server_hellos}")


if __name__ == "__main__":
    main()
