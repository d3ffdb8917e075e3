package io.tlswatch.analyzer.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Community ID flow hashes, version 1 (https://github.com/corelight/community-id-spec), the
 * identifier Zeek, Suricata, Arkime and Elastic agree on for a connection:
 * {@code "1:" + base64(sha1(seed, lower address, higher address, protocol, 0, lower port, higher port))},
 * where "lower" orders the endpoints by address, then port, and ports are 16-bit big-endian.
 * Not thread-safe (one digest per instance).
 */
public final class CommunityId {
    private final MessageDigest sha1;
    private final int seed;
    private final byte[] input = new byte[2 + 16 + 16 + 2 + 4];

    public CommunityId(int seed) {
        this.seed = seed;
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    /** Endpoints as two longs each (IPv4-mapped for IPv4), in either order. */
    public String of(long aHi, long aLo, int aPort, long bHi, long bLo, int bPort, int protocol) {
        boolean ipv4 = IpAddressText.isIpv4(aHi, aLo) && IpAddressText.isIpv4(bHi, bLo);
        int c = Long.compareUnsigned(aHi, bHi);
        if (c == 0) {
            c = Long.compareUnsigned(aLo, bLo);
        }
        if (c > 0 || c == 0 && aPort > bPort) {
            return of(bHi, bLo, bPort, aHi, aLo, aPort, protocol);
        }
        int at = 0;
        input[at++] = (byte) (seed >>> 8);
        input[at++] = (byte) seed;
        at = putAddress(aHi, aLo, ipv4, at);
        at = putAddress(bHi, bLo, ipv4, at);
        input[at++] = (byte) protocol;
        input[at++] = 0;
        input[at++] = (byte) (aPort >>> 8);
        input[at++] = (byte) aPort;
        input[at++] = (byte) (bPort >>> 8);
        input[at++] = (byte) bPort;
        sha1.update(input, 0, at);
        return "1:" + Base64.getEncoder().encodeToString(sha1.digest());
    }

    private int putAddress(long hi, long lo, boolean ipv4, int at) {
        if (ipv4) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                input[at++] = (byte) (lo >>> shift);
            }
            return at;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            input[at++] = (byte) (hi >>> shift);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            input[at++] = (byte) (lo >>> shift);
        }
        return at;
    }
}
