package io.tlswatch.analyzer.synth;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.capture.file.PcapngWriter;
import io.tlswatch.capture.synth.FrameSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

/** The file formats a synthetic capture is written in, Ethernet frames with microsecond timestamps. */
public enum CaptureFormat {
    /** Classic pcap, little-endian: nothing allocated per packet. */
    PCAP {
        @Override
        public FrameSink open(OutputStream out) throws IOException {
            return FrameSink.pcap(new PcapWriter(out, LinkType.ETHERNET));
        }
    },
    /** One pcapng section with one Ethernet interface (the writer copies each frame). */
    PCAPNG {
        @Override
        public FrameSink open(OutputStream out) throws IOException {
            PcapngWriter writer = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
            return FrameSink.pcapng(writer, writer.addInterface(LinkType.ETHERNET, PcapngWriter.MICROSECONDS));
        }
    };

    /** Writes the file's header to {@code out} and returns where its packets go; the caller closes {@code out}. */
    public abstract FrameSink open(OutputStream out) throws IOException;
}
