package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.SplittableRandom;

/**
 * Application-data records (RFC 5246 section 6.2.3.3, RFC 8446 section 5.2) for the data phase of
 * every flow, written into one reused buffer: a 5-byte header, then a slice at a random place of a
 * pool of random bytes made once from the seed, which looks like AES-GCM ciphertext to anyone
 * without the keys. Nothing is allocated per record. Lengths are whole records, headers included;
 * {@link #nextLength} cuts a side's data into full records without leaving a record too short to
 * be real. One per generator thread.
 */
final class ApplicationDataRecords {
    /** A TLS 1.2 AES-GCM record of 2^14 plaintext bytes, header included. */
    static final int FULL_TLS12 = TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.MAX_PLAINTEXT_LENGTH
            + Tls12Messages.AES_GCM_OVERHEAD;
    /** A TLS 1.3 record of 2^14 plaintext bytes, header included. */
    static final int FULL_TLS13 = TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.MAX_PLAINTEXT_LENGTH
            + Tls13Messages.PROTECTION_OVERHEAD;
    /** The shortest record made: one plaintext byte under TLS 1.2's larger overhead. */
    static final int SHORTEST = TlsRecordLayout.HEADER_LENGTH + 1 + Tls12Messages.AES_GCM_OVERHEAD;
    private static final int POOL_BYTES = 1 << 20;

    private final byte[] pool;
    private final byte[] record = new byte[Math.max(FULL_TLS12, FULL_TLS13)];
    private final SplittableRandom random;

    ApplicationDataRecords(long seed) {
        this.random = new SplittableRandom(seed);
        this.pool = new byte[POOL_BYTES + record.length];
        random.nextBytes(pool);
    }

    /**
     * The length of the next record of a side with {@code left} bytes still to send (at least
     * {@link #SHORTEST}): a full record, unless that would leave less than a shortest one.
     */
    static int nextLength(long left, boolean tls13) {
        int full = tls13 ? FULL_TLS13 : FULL_TLS12;
        if (left <= full) {
            return (int) left;
        }
        return left - full < SHORTEST ? (int) (left - SHORTEST) : full;
    }

    /** Writes a record of {@code length} bytes (5 to the full size) into {@link #buffer()}. */
    void write(int length) {
        int fragment = length - TlsRecordLayout.HEADER_LENGTH;
        record[TlsRecordLayout.TYPE_OFFSET] = (byte) TlsRecordLayout.APPLICATION_DATA;
        record[TlsRecordLayout.VERSION_OFFSET] = (byte) (TlsRecordLayout.TLS_1_2 >>> 8);
        record[TlsRecordLayout.VERSION_OFFSET + 1] = (byte) TlsRecordLayout.TLS_1_2;
        record[TlsRecordLayout.LENGTH_OFFSET] = (byte) (fragment >>> 8);
        record[TlsRecordLayout.LENGTH_OFFSET + 1] = (byte) fragment;
        System.arraycopy(pool, random.nextInt(POOL_BYTES), record, TlsRecordLayout.HEADER_LENGTH, fragment);
    }

    /** The last record written; valid until the next {@link #write}. */
    byte[] buffer() {
        return record;
    }
}
