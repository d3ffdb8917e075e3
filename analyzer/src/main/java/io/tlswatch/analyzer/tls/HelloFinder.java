package io.tlswatch.analyzer.tls;

/**
 * Finds where TLS starts inside a stream that began with something else: the STARTTLS family
 * (SMTP, IMAP, POP3, FTP AUTH TLS, XMPP, LDAP StartTLS, PostgreSQL SSLRequest, MySQL's SSL
 * capability), proxies (SOCKS, HTTP CONNECT, the PROXY protocol) and other preambles.
 *
 * <p>It looks for a record header that carries the start of a hello:
 * <pre>
 *  0      1    2      3   4      5        6   7   8      9
 * +------+----+------+--------+--------+-----------+------+
 * | 0x16 |0x03| 0..4 | length | type   | hs length | 0x03 |   type 1 ClientHello, 2 ServerHello
 * +------+----+------+--------+--------+-----------+------+
 *  record header (RFC 8446 §5.1)   handshake header (§4)  legacy_version major
 * </pre>
 * with the record length between the smallest hello and 2^14 + 2048, and a hello body of at
 * least version, random and the vectors that follow. Pure and allocation-free.
 */
public final class HelloFinder {
    /** Bytes a candidate needs before it can be judged. */
    public static final int PATTERN_LENGTH = 10;
    /** Smallest hello body: version (2), random (32), session id length, two more vector lengths. */
    private static final int MIN_HELLO_BODY = 2 + HandshakeLayout.RANDOM_LENGTH + 1 + 2 + 1;

    private HelloFinder() {
    }

    /**
     * The offset in {@code b} of the first hello of {@code handshakeType} that starts in
     * [off, off + len), or -1 if none can be seen yet. A candidate that starts in the last
     * {@link #PATTERN_LENGTH} - 1 bytes cannot be judged: callers keep those bytes and ask again.
     */
    public static int find(byte[] b, int off, int len, int handshakeType) {
        int last = off + len - PATTERN_LENGTH;
        for (int i = off; i <= last; i++) {
            if (b[i] == TlsRecordLayout.HANDSHAKE && isHelloAt(b, i, handshakeType)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHelloAt(byte[] b, int i, int handshakeType) {
        if (b[i + 1] != TlsRecordLayout.MAJOR_VERSION || (b[i + 2] & 0xff) > TlsRecordLayout.MAX_MINOR_VERSION) {
            return false;
        }
        int recordLength = TlsRecordLayout.length(b, i);
        int helloLength = (b[i + 6] & 0xff) << 16 | (b[i + 7] & 0xff) << 8 | (b[i + 8] & 0xff);
        return (b[i + 5] & 0xff) == handshakeType
                && recordLength >= HandshakeLayout.HEADER_LENGTH + MIN_HELLO_BODY
                && recordLength <= TlsRecordLayout.MAX_CIPHERTEXT_LENGTH
                && helloLength >= MIN_HELLO_BODY
                && b[i + 9] == TlsRecordLayout.MAJOR_VERSION;
    }
}
