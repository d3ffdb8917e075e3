package io.tlswatch.analyzer.tls;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Decides from the first five bytes of a direction whether it speaks TLS: a plausible record
 * header (content type 20 to 24, version 0x0300 to 0x0304, length 1 to 2^14 + 2048) or an SSL
 * 2.0-compatible ClientHello (RFC 5246 Appendix E.2: top bit set, msg_type 1, version 0x0002 or
 * 0x03xx, at most as long as a TLS record so a caller's record buffer holds it). It always waits
 * for five bytes, so the verdict and its reason do not depend on how the stream was cut.
 * Pure functions of bytes, no allocation except for the reason text.
 */
final class TlsDetector {
    /** What the first bytes are. */
    enum Verdict { NEED_MORE, TLS_RECORD, SSLV2_CLIENT_HELLO, NOT_TLS }

    /** Bytes the verdict is made from and the reason names. */
    static final int DETECT_LENGTH = TlsRecordLayout.HEADER_LENGTH;
    private static final Pattern HTTP = Pattern.compile("GET |POST|HEAD|PUT |DELE|OPTI|CONN|PATC|TRAC|HTTP");
    private static final Pattern BANNER = Pattern.compile("220[ -]|\\* OK|\\+OK ");

    private TlsDetector() {
    }

    static Verdict detect(byte[] b, int off, int len) {
        if (len < DETECT_LENGTH) {
            return Verdict.NEED_MORE;
        }
        if (TlsRecordLayout.isKnownType(b[off] & 0xff)) {
            return isRecordHeader(b, off) ? Verdict.TLS_RECORD : Verdict.NOT_TLS;
        }
        return isSslV2ClientHello(b, off) ? Verdict.SSLV2_CLIENT_HELLO : Verdict.NOT_TLS;
    }

    private static boolean isRecordHeader(byte[] b, int off) {
        int length = TlsRecordLayout.length(b, off);
        return TlsRecordLayout.isKnownVersion(TlsRecordLayout.version(b, off))
                && length >= 1 && length <= TlsRecordLayout.MAX_CIPHERTEXT_LENGTH;
    }

    private static boolean isSslV2ClientHello(byte[] b, int off) {
        if (!SslV2HelloLayout.hasTwoByteHeader(b, off)
                || SslV2HelloLayout.messageType(b, off) != SslV2HelloLayout.MSG_CLIENT_HELLO) {
            return false;
        }
        int version = SslV2HelloLayout.version(b, off);
        int length = SslV2HelloLayout.bodyLength(b, off);
        return (version == SslV2HelloLayout.SSL_2_0 || version >>> 8 == TlsRecordLayout.MAJOR_VERSION)
                && length >= SslV2HelloLayout.FIXED_BODY_LENGTH && length <= TlsRecordLayout.MAX_CIPHERTEXT_LENGTH;
    }

    /** Why the first five bytes are not TLS, naming them: "first bytes 47 45 54 20 2f look like HTTP". */
    static String notTlsReason(byte[] b, int off) {
        StringBuilder s = new StringBuilder("first bytes");
        for (int i = 0; i < DETECT_LENGTH; i++) {
            s.append(' ').append(Character.forDigit((b[off + i] >> 4) & 0xf, 16))
                    .append(Character.forDigit(b[off + i] & 0xf, 16));
        }
        return s.append(' ').append(guess(b, off)).toString();
    }

    private static String guess(byte[] b, int off) {
        String start = new String(b, off, 4, StandardCharsets.ISO_8859_1);
        if (HTTP.matcher(start).matches()) {
            return "look like HTTP";
        }
        if (start.equals("PRI ")) {
            return "look like the HTTP/2 cleartext preface";
        }
        if (start.equals("SSH-")) {
            return "look like SSH";
        }
        if (BANNER.matcher(start).matches()) {
            return "look like a mail or FTP server banner (STARTTLS comes later)";
        }
        if (SslV2HelloLayout.hasTwoByteHeader(b, off)
                && SslV2HelloLayout.messageType(b, off) == SslV2HelloLayout.MSG_SERVER_HELLO) {
            return "look like an SSL 2.0 SERVER-HELLO (SSL 2.0 is not decoded)";
        }
        if (TlsRecordLayout.isKnownType(b[off] & 0xff)) {
            return "start like a TLS record but the version or length is impossible";
        }
        return "are not a TLS record header";
    }
}
