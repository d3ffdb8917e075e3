package io.tlswatch.dashboards.indexer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Elasticsearch id of a record: its Kafka key, which the analyzer derives from the content (a
 * session's flow id, from its Community ID and first hello's time; a certificate's SHA-256; a
 * rollup's bucket key), so a record delivered twice, or a capture replayed, lands on the same
 * document. A key too long for an id (over 512 bytes) is hashed; a record without a key gets its
 * place in Kafka, stable across redeliveries.
 */
public final class DocumentId {
    /** Longest id Elasticsearch accepts, in UTF-8 bytes. */
    static final int MAX_ID_BYTES = 512;

    private DocumentId() {
    }

    public static String of(byte[] key, String topic, int partition, long offset) {
        if (key == null || key.length == 0) {
            return topic + "-" + partition + "-" + offset;
        }
        if (key.length > MAX_ID_BYTES) {
            try {
                return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
        }
        return new String(key, StandardCharsets.UTF_8);
    }
}
