package io.tlswatch.analyzer.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CryptoPanTest {
    /** The key of the Crypto-PAn reference distribution's sample (sample.cpp). */
    static final byte[] REFERENCE_KEY = {21, 34, 23, (byte) 141, 51, (byte) 164, (byte) 207, (byte) 128, 19, 10,
        91, 22, 73, (byte) 144, 125, 16, (byte) 216, (byte) 152, (byte) 143, (byte) 131, 121, 121, 101, 39, 98,
        87, 76, 45, 42, (byte) 132, 34, 2};

    private final CryptoPan pan = new CryptoPan(REFERENCE_KEY);

    /**
     * Addresses of the reference distribution's sample_trace_raw.dat and their pseudonyms in its
     * sample_trace_sanitized.dat (as listed in Yawning Angel's cryptopan_test.go, BSD-2-Clause).
     */
    @Test
    void ipv4MatchesTheReferenceSample() {
        String[][] vectors = {
            {"128.11.68.132", "135.242.180.132"}, {"129.118.74.4", "134.136.186.123"},
            {"130.132.252.244", "133.68.164.234"}, {"141.223.7.43", "141.167.8.160"},
            {"141.233.145.108", "141.129.237.235"}, {"152.163.225.39", "151.140.114.167"},
            {"192.102.249.13", "252.138.62.131"}, {"192.215.32.125", "252.43.47.189"},
            {"195.205.63.100", "255.186.223.5"}, {"207.105.49.5", "241.118.205.138"},
            {"24.0.250.221", "100.15.198.226"}, {"24.13.62.231", "100.2.192.247"},
            {"38.15.67.68", "64.3.66.187"}, {"4.3.88.225", "124.60.155.63"},
            {"63.14.55.111", "95.9.215.7"}, {"64.14.118.196", "0.255.183.58"},
            {"64.34.154.117", "0.221.154.117"}, {"64.39.15.238", "0.219.7.41"},
        };
        for (String[] v : vectors) {
            assertEquals(v[1], text(pan.pseudonymise(bytes(v[0]))), v[0]);
        }
    }

    /** The same construction over 128 bits, against Yawning Angel's Go implementation's vectors. */
    @Test
    void ipv6MatchesTheGoImplementation() {
        String[][] vectors = {
            {"::1", "78ff:f001:9fc0:20df:8380:b1f1:704:ed"},
            {"::2", "78ff:f001:9fc0:20df:8380:b1f1:704:ef"},
            {"::ffff", "78ff:f001:9fc0:20df:8380:b1f1:704:f838"},
            {"2001:db8::1", "4401:2bc:603f:d91d:27f:ff8e:e6f1:dc1e"},
            {"2001:db8::2", "4401:2bc:603f:d91d:27f:ff8e:e6f1:dc1c"},
        };
        for (String[] v : vectors) {
            assertArrayEquals(bytes(v[1]), pan.pseudonymise(bytes(v[0])), v[0]);
        }
    }

    @Test
    void addressesSharingAPrefixGetPseudonymsSharingExactlyThatPrefix() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            byte[] a = new byte[trial % 2 == 0 ? 4 : 16];
            random.nextBytes(a);
            byte[] b = a.clone();
            int bits = a.length * 8;
            int shared = random.nextInt(bits);
            b[shared >>> 3] ^= (byte) (0x80 >>> (shared & 7));
            for (int i = shared + 1; i < bits; i++) {
                if (random.nextBoolean()) {
                    b[i >>> 3] ^= (byte) (0x80 >>> (i & 7));
                }
            }
            assertEquals(shared, commonPrefix(a, b));
            assertEquals(shared, commonPrefix(pan.pseudonymise(a), pan.pseudonymise(b)), "trial " + trial);
        }
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        byte[] other = REFERENCE_KEY.clone();
        other[0] ^= 1;
        byte[] address = bytes("192.0.2.1");
        assertNotEquals(text(pan.pseudonymise(address)), text(new CryptoPan(other).pseudonymise(address)));
    }

    @Test
    void keysAndAddressesOfOtherLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CryptoPan(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> pan.pseudonymise(new byte[5]));
    }

    static int commonPrefix(byte[] a, byte[] b) {
        for (int i = 0; i < a.length * 8; i++) {
            int mask = 0x80 >>> (i & 7);
            if ((a[i >>> 3] & mask) != (b[i >>> 3] & mask)) {
                return i;
            }
        }
        return a.length * 8;
    }

    static byte[] bytes(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(address, e);
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
