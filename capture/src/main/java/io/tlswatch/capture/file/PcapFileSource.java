package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.PcapLayout.CAPTURED_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.FILE_HEADER_LENGTH;
import static io.tlswatch.capture.file.PcapLayout.ORIGINAL_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.RECORD_HEADER_LENGTH;
import static io.tlswatch.capture.file.PcapLayout.TS_FRACTION_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.TS_SECONDS_OFFSET;

import io.tlswatch.capture.Bytes;
import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.PacketRecord;
import java.io.IOException;

/**
 * Reads a classic pcap file (see {@link PcapLayout}): microsecond or nanosecond timestamps, either
 * byte order. Packets are delivered in file order, as slices of the read window, without copying.
 *
 * <p>A captured length above {@link CaptureLimits#MAX_PACKET_LENGTH} and a file that ends inside a
 * record stop the source with {@link #error()}; every packet before them has been delivered. An FCS
 * announced in the header stays part of the captured bytes: the decoder bounds payloads by the IP
 * lengths, so a trailing FCS is never taken for payload.
 */
public final class PcapFileSource extends CaptureFileSource {
    private final PcapHeader header;

    PcapFileSource(CaptureInput input) throws IOException {
        super(input);
        if (!in.request(FILE_HEADER_LENGTH)) {
            throw new CaptureFormatException(input.name() + ": pcap file header is cut short ("
                    + in.available() + " of " + FILE_HEADER_LENGTH + " bytes)");
        }
        header = PcapHeader.parse(input.name(), in.array(), in.start());
        in.consume(FILE_HEADER_LENGTH);
    }

    /** The link type from the file header (low 16 bits of its LinkType field). */
    public int linkType() {
        return header.linkType();
    }

    public int snapLength() {
        return header.snapLength();
    }

    public boolean nanosecondTimestamps() {
        return header.nanos();
    }

    @Override
    public boolean next(PacketRecord into) throws IOException {
        if (stopped()) {
            return false;
        }
        if (!in.request(RECORD_HEADER_LENGTH)) {
            return endOrTruncated("a record header", RECORD_HEADER_LENGTH);
        }
        byte[] b = in.array();
        int at = in.start();
        boolean be = header.bigEndian();
        long captured = Bytes.u32(b, at + CAPTURED_LENGTH_OFFSET, be);
        if (captured > CaptureLimits.MAX_PACKET_LENGTH) {
            return stop("damaged record at byte " + in.offset() + ": captured length " + captured
                    + " exceeds the maximum of " + CaptureLimits.MAX_PACKET_LENGTH);
        }
        int recordLength = RECORD_HEADER_LENGTH + (int) captured;
        if (!in.request(recordLength)) {
            return endOrTruncated("a record", recordLength);
        }
        b = in.array();
        at = in.start();
        long seconds = Bytes.u32(b, at + TS_SECONDS_OFFSET, be);
        long fraction = Bytes.u32(b, at + TS_FRACTION_OFFSET, be);
        long nanos = seconds * 1_000_000_000L + (header.nanos() ? fraction : fraction * 1_000L);
        int original = (int) Math.min(Integer.MAX_VALUE, Bytes.u32(b, at + ORIGINAL_LENGTH_OFFSET, be));
        into.set(b, at + RECORD_HEADER_LENGTH, (int) captured, original, nanos, header.linkType(), 0);
        in.consume(recordLength);
        return true;
    }
}
