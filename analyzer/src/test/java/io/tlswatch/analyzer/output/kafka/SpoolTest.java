package io.tlswatch.analyzer.output.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(int i) {
        return "{\"event\":{\"kind\":\"session\"},\"n\":" + i + "}";
    }

    /** Every record the spool holds, segment by segment, deleting each as a drainer would. */
    private static List<String> drainAll(Spool spool) throws IOException {
        List<String> values = new ArrayList<>();
        for (SpoolSegment s = spool.oldest(); s != null; s = spool.oldest()) {
            s.records().forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
            spool.complete(s);
        }
        return values;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".spool")).sorted().toList();
        }
    }

    @Test
    void recordsComeBackInTheOrderTheyWereAppendedAcrossSegments() throws IOException {
        List<String> written = new ArrayList<>();
        try (Spool spool = Spool.open(dir, 1 << 20, 200)) {
            for (int i = 0; i < 50; i++) {
                written.add(value(i));
                assertTrue(spool.append("tlswatch.sessions", utf8("key" + i), utf8(value(i))));
            }
            assertTrue(segmentFiles().size() > 5, "a 200-byte segment rolls every few records");
            assertFalse(spool.isEmpty());
            assertEquals(written, drainAll(spool));
            assertTrue(spool.isEmpty());
            assertEquals(0, spool.bytes());
        }
        assertEquals(List.of(), segmentFiles(), "delivered segments are deleted");
    }

    @Test
    void aRecordKeepsItsTopicKeyAndValueAndAMissingKeyStaysMissing() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            spool.append("tlswatch.certificates", utf8("ab12"), utf8("{}"));
            spool.append("tlswatch.stats", null, utf8("{\"x\":1}"));
            SpoolSegment s = spool.oldest();
            assertEquals(2, s.records().size());
            assertEquals("tlswatch.certificates", s.records().get(0).topic());
            assertArrayEquals(utf8("ab12"), s.records().get(0).key());
            assertNull(s.records().get(1).key());
            assertArrayEquals(utf8("{\"x\":1}"), s.records().get(1).value());
            assertFalse(s.corruptTail());
        }
    }

    @Test
    void recordsSyncedBeforeAStopAreReadByTheNextRunFirst() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 300)) {
            for (int i = 0; i < 10; i++) {
                spool.append("t", null, utf8(value(i)));
            }
            spool.sync();
        }
        try (Spool again = Spool.open(dir, 1 << 20, 300)) {
            assertFalse(again.isEmpty());
            again.append("t", null, utf8(value(10)));
            List<String> values = drainAll(again);
            assertEquals(11, values.size());
            assertEquals(value(0), values.get(0));
            assertEquals(value(10), values.get(10), "new records follow what the earlier run left");
        }
    }

    @Test
    void aFullSpoolRefusesAndCountsEveryRecordItCannotHold() throws IOException {
        try (Spool spool = Spool.open(dir, 1000, 400)) {
            int accepted = 0;
            for (int i = 0; i < 100; i++) {
                if (spool.append("t", null, utf8(value(i)))) {
                    accepted++;
                }
            }
            assertTrue(accepted > 10 && accepted < 100, "accepted " + accepted);
            assertEquals(100 - accepted, spool.refused());
            assertTrue(spool.bytes() <= 1000);
            assertEquals(accepted, spool.appended());
            drainAll(spool);
            assertTrue(spool.append("t", null, utf8(value(0))), "room again once drained");
        }
    }

    @Test
    void aRecordLargerThanTheSpoolMayHoldIsRefused() throws IOException {
        try (Spool spool = Spool.open(dir, 64L << 20, 1 << 20)) {
            assertFalse(spool.append("t", null, new byte[SpoolRecordLayout.MAX_BODY_LENGTH + 1]));
            assertEquals(1, spool.refused());
            assertTrue(spool.isEmpty());
        }
    }

    @Test
    void aSegmentCutShortByACrashIsReadUpToItsLastWholeRecordAndTheTailCounted() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            for (int i = 0; i < 3; i++) {
                spool.append("t", utf8("k" + i), utf8(value(i)));
            }
        }
        Path segment = segmentFiles().get(0);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            SpoolSegment s = spool.oldest();
            assertEquals(2, s.records().size());
            assertTrue(s.corruptTail());
            assertEquals(1, spool.corruptTails());
            assertEquals(SpoolRecordLayout.recordLength(1, 2, value(2).length()) - 5, spool.skippedBytes());
            spool.complete(s);
            assertTrue(spool.isEmpty(), "the damaged segment is done with once its whole records went");
        }
    }

    @Test
    void aRecordWithOneByteBrokenEndsTheSegmentAtTheRecordBefore() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            for (int i = 0; i < 3; i++) {
                spool.append("t", utf8("k" + i), utf8(value(i)));
            }
        }
        Path segment = segmentFiles().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(segment, bytes);
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            SpoolSegment s = spool.oldest();
            assertEquals(List.of(value(0), value(1)),
                    s.records().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
            assertEquals(1, spool.corruptTails());
        }
    }

    @Test
    void hostileLengthsInASegmentEndItWithoutThrowing() {
        byte[] negative = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0};
        byte[] huge = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
        byte[] shortHeader = {0, 0, 0};
        for (byte[] b : List.of(negative, huge, shortHeader)) {
            SpoolCodec.Decoded d = SpoolCodec.decode(b);
            assertTrue(d.corruptTail());
            assertEquals(0, d.records().size());
            assertEquals(0, d.validBytes());
        }
        assertFalse(SpoolCodec.decode(new byte[0]).corruptTail());
    }

    @Test
    void aKeyLengthPastTheBodyIsCorruptEvenWithAMatchingCrc() {
        byte[] good = SpoolCodec.encode("t", utf8("key"), utf8("v")).array();
        // Rewrite the key length to 1000 and the CRC to match the changed body.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good);
        b.putInt(SpoolRecordLayout.HEADER_LENGTH + 2 + 1, 1000);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(good, SpoolRecordLayout.HEADER_LENGTH, good.length - SpoolRecordLayout.HEADER_LENGTH);
        b.putInt(SpoolRecordLayout.CRC_OFFSET, (int) crc.getValue());
        assertTrue(SpoolCodec.decode(good).corruptTail());
    }

    @Test
    void aSecondSinkCannotOpenASpoolInUse() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20)) {
            IOException e = assertThrows(IOException.class, () -> Spool.open(dir, 1 << 20, 1 << 20));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }
}
