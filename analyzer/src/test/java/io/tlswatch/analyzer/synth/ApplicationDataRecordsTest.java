package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a side's application data is cut into records, and what one record looks like. */
class ApplicationDataRecordsTest {

    @Test
    void aSidesDataIsCutIntoFullRecordsAndOneLastWithoutARunt() {
        for (boolean tls13 : new boolean[] {false, true}) {
            int full = tls13 ? ApplicationDataRecords.FULL_TLS13 : ApplicationDataRecords.FULL_TLS12;
            for (long total : new long[] {ApplicationDataRecords.SHORTEST, 100, full, full + 1, full + ApplicationDataRecords.SHORTEST - 1,
                full + ApplicationDataRecords.SHORTEST, 3L * full + 7, 420_000}) {
                long left = total;
                int records = 0;
                while (left > 0) {
                    int length = ApplicationDataRecords.nextLength(left, tls13);
                    assertTrue(length >= ApplicationDataRecords.SHORTEST && length <= full,
                            total + " bytes: a record of " + length);
                    left -= length;
                    records++;
                }
                assertEquals(0, left, "the records add up to the data");
                assertEquals(Math.max(1, (total + full - 1) / full), records, total + " bytes in as few records as fit");
            }
        }
    }

    @Test
    void aRecordIsAnApplicationDataHeaderOverRandomLookingBytes() {
        ApplicationDataRecords records = new ApplicationDataRecords(5);
        records.write(1000);
        byte[] b = records.buffer();
        assertEquals(TlsRecordLayout.APPLICATION_DATA, TlsRecordLayout.type(b, 0));
        assertEquals(TlsRecordLayout.TLS_1_2, TlsRecordLayout.version(b, 0));
        assertEquals(995, TlsRecordLayout.length(b, 0));
        byte[] first = Arrays.copyOfRange(b, 5, 1000);
        records.write(1000);
        assertFalse(Arrays.equals(first, Arrays.copyOfRange(records.buffer(), 5, 1000)), "each record its own bytes");
        int[] counts = new int[256];
        for (byte x : first) {
            counts[x & 0xff]++;
        }
        assertTrue(Arrays.stream(counts).max().orElseThrow() < 20, "no byte value dominates, as in ciphertext");
    }
}
