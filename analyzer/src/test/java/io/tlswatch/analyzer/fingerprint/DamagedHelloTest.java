package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsParse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever hostile bytes the TLS parser accepts, fingerprinting them never throws and always
 * yields well-formed values: every cut and every one-byte change of real hellos that still parse.
 */
class DamagedHelloTest {
    private static final Pattern JA3 = Pattern.compile("\\d+,[\\d-]*,[\\d-]*,[\\d-]*,[\\d-]*");
    private static final Pattern JA3S = Pattern.compile("\\d+,\\d+,[\\d-]*");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern JA4 =
            Pattern.compile("[tqd](13|12|11|10|s3|s2|d1|d2|d3|00)[di]\\d{4}[0-9A-Za-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}");
    private static final List<String> CLIENTS = List.of("socks-tls10-client", "suricata-ja4-client",
            "ldap-no-sni-client", "quic-v2-client", "foxio-latest-s1-client");
    private static final List<String> SERVERS = List.of("chrome-split-server", "socks-tls10-server", "hrr-server",
            "draft14-server");
    /** Replacements tried at every offset: zero, all ones, the bit flips at both ends, a GREASE byte. */
    private static final int[] CHANGES = {0x00, 0xff, 0x01, 0x80, 0x0a};

    @Test
    void everyCutThatStillParsesIsFingerprinted() {
        int parsed = 0;
        for (String name : CLIENTS) {
            byte[] body = body(name);
            for (int len = 0; len <= body.length; len++) {
                parsed += fingerprintIfParsed(ClientHello.parse(body, 0, len));
            }
        }
        for (String name : SERVERS) {
            byte[] body = body(name);
            for (int len = 0; len <= body.length; len++) {
                parsed += fingerprintIfParsed(ServerHello.parse(body, 0, len));
            }
        }
        assertTrue(parsed >= CLIENTS.size() + SERVERS.size(), "the whole messages, at least: " + parsed);
    }

    @Test
    void everyOneByteChangeThatStillParsesIsFingerprinted() {
        int parsed = 0;
        for (String name : CLIENTS) {
            byte[] body = body(name);
            for (int i = 0; i < body.length; i++) {
                for (byte[] changed : changedAt(body, i)) {
                    parsed += fingerprintIfParsed(ClientHello.parse(changed, 0, changed.length));
                }
            }
        }
        for (String name : SERVERS) {
            byte[] body = body(name);
            for (int i = 0; i < body.length; i++) {
                for (byte[] changed : changedAt(body, i)) {
                    parsed += fingerprintIfParsed(ServerHello.parse(changed, 0, changed.length));
                }
            }
        }
        assertTrue(parsed > 1000, "variants fingerprinted: " + parsed);
    }

    @Test
    void oneChangedCipherChangesJa3AndTheCipherHashOnly() {
        ClientHello real = Hellos.client("socks-tls10-client");
        int[] suites = real.cipherSuites();
        suites[0] = 0x0038;  // 0x0039 becomes a second 0x0038

        ClientHello changed = Hellos.withCipherSuites(real, suites);

        assertNotEquals(Ja3.of(real).orElseThrow().md5(), Ja3.of(changed).orElseThrow().md5());
        String[] before = Ja4.of(real, Ja4Transport.TCP).ja4().split("_");
        String[] after = Ja4.of(changed, Ja4Transport.TCP).ja4().split("_");
        assertEquals(before[0], after[0]);
        assertNotEquals(before[1], after[1]);
        assertEquals(before[2], after[2]);
    }

    private static int fingerprintIfParsed(TlsParse<?> p) {
        if (!p.isParsed()) {
            return 0;
        }
        if (p.value() instanceof ClientHello hello) {
            Ja4 ja4 = Ja4.of(hello, Ja4Transport.QUIC);
            assertMatches(JA4, ja4.ja4());
            assertMatches(JA4, ja4.ja4Original());
            Ja3.of(hello).ifPresent(ja3 -> {
                assertMatches(JA3, ja3.text());
                assertMatches(MD5, ja3.md5());
            });
        } else {
            Ja3s ja3s = Ja3s.of((ServerHello) p.value());
            assertMatches(JA3S, ja3s.text());
            assertMatches(MD5, ja3s.md5());
        }
        return 1;
    }

    private static byte[][] changedAt(byte[] body, int i) {
        byte[][] out = new byte[CHANGES.length][];
        for (int k = 0; k < CHANGES.length; k++) {
            out[k] = body.clone();
            out[k][i] = (byte) (CHANGES[k] == 0x01 || CHANGES[k] == 0x80 ? body[i] ^ CHANGES[k] : CHANGES[k]);
        }
        return out;
    }

    private static byte[] body(String name) {
        byte[] message = Hellos.bytes(name);
        return Arrays.copyOfRange(message, 4, message.length);
    }

    private static void assertMatches(Pattern pattern, String value) {
        assertTrue(pattern.matcher(value).matches(), value);
    }
}
