package io.tlswatch.analyzer.x509.trust;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The certificates of one PEM bundle (RFC 7468 textual encoding, section 5.1 for CERTIFICATE), in
 * bundle order. A pure function of the bytes: blocks of another type, bodies that are not base64
 * and an unterminated last block are skipped with a reason, never thrown. Whether the bytes are a
 * certificate is decided later, by the X.509 parser.
 *
 * <pre>
 * -----BEGIN CERTIFICATE-----      pre-encapsulation boundary; text before it is ignored
 * MIIH0zCCBbugAwIBAgIIXsO3pkN/...  base64 of the DER; whitespace anywhere is ignored
 * -----END CERTIFICATE-----        post-encapsulation boundary, same label
 * </pre>
 */
record PemBundle(List<Block> blocks, List<SkippedPemEntry> skipped) {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final int MAX_LABEL_CHARS = 64;

    /** One CERTIFICATE block's DER, with its position in the bundle (from 1). */
    record Block(int index, byte[] der) {
    }

    static PemBundle parse(String source, byte[] pem) {
        String text = new String(pem, 0, Math.min(pem.length, TrustLimits.MAX_PEM_BYTES), StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        List<SkippedPemEntry> skipped = new ArrayList<>();
        int index = 0;
        int at = text.indexOf(BEGIN);
        while (at >= 0) {
            index++;
            if (index > TrustLimits.MAX_PEM_ENTRIES) {
                skipped.add(new SkippedPemEntry(source, index, PemEntryProblem.TOO_MANY_ENTRIES, null));
                break;
            }
            int labelStart = at + BEGIN.length();
            int labelEnd = text.indexOf(DASHES, labelStart);
            if (labelEnd < 0 || labelEnd - labelStart > MAX_LABEL_CHARS) {
                skipped.add(new SkippedPemEntry(source, index, PemEntryProblem.UNTERMINATED, "no label"));
                at = text.indexOf(BEGIN, labelStart);
                continue;
            }
            String label = text.substring(labelStart, labelEnd);
            String endLine = END + label + DASHES;
            int bodyStart = labelEnd + DASHES.length();
            int end = text.indexOf(endLine, bodyStart);
            int nextBegin = text.indexOf(BEGIN, bodyStart);
            if (end < 0 || nextBegin >= 0 && nextBegin < end) {
                skipped.add(new SkippedPemEntry(source, index, PemEntryProblem.UNTERMINATED, label));
                at = nextBegin;
                continue;
            }
            if (!CERTIFICATE.equals(label)) {
                skipped.add(new SkippedPemEntry(source, index, PemEntryProblem.NOT_A_CERTIFICATE_BLOCK, label));
            } else {
                byte[] der = base64(text, bodyStart, end);
                if (der == null) {
                    skipped.add(new SkippedPemEntry(source, index, PemEntryProblem.NOT_BASE64, null));
                } else {
                    blocks.add(new Block(index, der));
                }
            }
            at = text.indexOf(BEGIN, end + endLine.length());
        }
        if (pem.length > TrustLimits.MAX_PEM_BYTES) {
            skipped.add(new SkippedPemEntry(source, index + 1, PemEntryProblem.TOO_MANY_ENTRIES,
                    "bundle larger than " + TrustLimits.MAX_PEM_BYTES + " bytes"));
        }
        return new PemBundle(List.copyOf(blocks), List.copyOf(skipped));
    }

    /** The body without ASCII whitespace, strictly decoded; null when it is not base64. */
    private static byte[] base64(String text, int from, int to) {
        StringBuilder body = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                body.append(c);
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(body.toString());
            return der.length > 0 ? der : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
