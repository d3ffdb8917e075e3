package io.tlswatch.capture.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.capture.file.CaptureLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Coverage-guided fuzz targets for what reads capture bytes: the pcap and pcapng readers and the
 * packet decoder. Invariants: nothing but the documented {@link CaptureFormatException} of a
 * file's header ever leaves them, every packet handed out lies inside its buffer and under
 * {@link CaptureLimits#MAX_PACKET_LENGTH}, the read ends (a record costs at least its header), and
 * a decoded packet's payload lies inside the captured bytes.
 *
 * <p>In a plain build each target runs on its seeds and past findings, kept under
 * {@code CaptureFuzzTestInputs/<target>/} in the test resources (their sources are in the README
 * there). {@code JAZZER_FUZZ=1} fuzzes one target ({@link #anyTarget} spreads one run over all of
 * them, which is what {@code mvn verify} does for a few seconds); {@code deploy/bench/fuzz.sh}
 * runs each for longer.
 */
class CaptureFuzzTest {
    /** pcap's magic numbers, read big-endian: micro- and nanoseconds, each in either byte order. */
    private static final int[] PCAP_MAGICS = {0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1};
    /** pcapng's Section Header Block type, the same in either byte order. */
    private static final int[] PCAPNG_MAGICS = {0x0a0d0d0a};
    /** Smallest record: a pcap record header (pcapng's smallest block is 12 bytes, its EPB 32). */
    private static final int SMALLEST_RECORD = 16;
    private static final int[] LINK_TYPES = {LinkType.NULL, LinkType.ETHERNET, LinkType.PPP, LinkType.RAW,
        LinkType.LOOP, LinkType.LINUX_SLL, LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2,
        LinkType.DLT_RAW_BSD, LinkType.DLT_RAW_OPENBSD};

    private final StandardPacketDecoder decoder = new StandardPacketDecoder();
    private final DecodedPacket decoded = new DecodedPacket();

    /** Any bytes opened as a capture file starting with a pcap magic number. */
    @FuzzTest
    void pcapFile(byte[] data) {
        readWholeCapture(withMagic(data, PCAP_MAGICS));
    }

    /** Any bytes opened as a capture file starting with pcapng's Section Header Block. */
    @FuzzTest
    void pcapngFile(byte[] data) {
        readWholeCapture(withMagic(data, PCAPNG_MAGICS));
    }

    /** Any bytes as one packet of a link type the decoder knows, whole or cut short of its wire length. */
    @FuzzTest
    void packetDecoder(FuzzedDataProvider data) {
        int linkType = data.pickValue(LINK_TYPES);
        int missing = data.consumeInt(0, 1500);
        byte[] bytes = data.consumeRemainingAsBytes();
        decodeOne(linkType, bytes, missing);
    }

    /** One run over every target: the first byte picks the target, the rest is its input. */
    @FuzzTest
    void anyTarget(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> readWholeCapture(withMagic(data.consumeRemainingAsBytes(), PCAP_MAGICS));
            case 1 -> readWholeCapture(withMagic(data.consumeRemainingAsBytes(), PCAPNG_MAGICS));
            default -> packetDecoder(data);
        }
    }

    private static void readWholeCapture(byte[] file) {
        PacketSource source;
        try {
            source = CaptureFiles.open("fuzz", new ByteArrayInputStream(file), file.length);
        } catch (CaptureFormatException refused) {
            assertNotNull(refused.getMessage());
            return;
        } catch (IOException e) {
            throw new AssertionError("only a CaptureFormatException may refuse a capture's header", e);
        }
        PacketRecord record = new PacketRecord();
        long packets = 0;
        try (source) {
            while (source.next(record)) {
                packets++;
                assertTrue(packets <= file.length / SMALLEST_RECORD, "more packets than the bytes can hold");
                assertTrue(record.capturedLength() >= 0 && record.capturedLength() <= CaptureLimits.MAX_PACKET_LENGTH,
                        () -> "captured length " + record.capturedLength());
                assertTrue(record.offset() >= 0
                        && record.offset() + (long) record.capturedLength() <= record.data().length,
                        "packet outside its buffer");
            }
        } catch (IOException e) {
            throw new AssertionError("damaged content must stop the source, not throw", e);
        }
    }

    private void decodeOne(int linkType, byte[] bytes, int missing) {
        PacketRecord record = new PacketRecord();
        record.set(bytes, 0, bytes.length, bytes.length + missing, 0, linkType, 0);
        DecodeOutcome outcome = decoder.decode(record, decoded);
        assertNotNull(outcome);
        if (outcome.isDecoded()) {
            assertTrue(decoded.payloadOffset >= 0 && decoded.payloadLength >= 0
                    && decoded.payloadOffset + (long) decoded.payloadLength <= bytes.length,
                    () -> "payload " + decoded.payloadOffset + "+" + decoded.payloadLength + " of " + bytes.length);
        }
    }

    /**
     * The bytes as they are when they start with one of {@code magics}, else with the first magic
     * written over their first four bytes: the fuzzer spends its time past the file header check.
     */
    private static byte[] withMagic(byte[] data, int[] magics) {
        int first = data.length < 4 ? 0 : ByteBuffer.wrap(data).getInt();
        for (int magic : magics) {
            if (first == magic) {
                return data;
            }
        }
        byte[] file = Arrays.copyOf(data, Math.max(data.length, 4));
        ByteBuffer.wrap(file).putInt(magics[0]);
        return file;
    }
}
