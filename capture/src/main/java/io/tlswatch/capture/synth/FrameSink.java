package io.tlswatch.capture.synth;

import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.capture.file.PcapngWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Where a conversation's frames go, in capture order. The frame's bytes are valid only during the
 * call (the buffer is reused for the next frame); a sink that keeps them copies them.
 */
@FunctionalInterface
public interface FrameSink {

    /** One Ethernet frame captured at {@code timestampNanos} (epoch nanoseconds). */
    void frame(long timestampNanos, byte[] buffer, int offset, int length) throws IOException;

    /** Into a pcap file whose link type is Ethernet; nothing is allocated per frame. */
    static FrameSink pcap(PcapWriter writer) {
        return (time, buffer, offset, length) -> writer.write(time, buffer, offset, length, length);
    }

    /**
     * Into a pcapng section, on an Ethernet interface the caller added; the frame is copied, as
     * {@link PcapngWriter#writePacket} takes a whole array.
     */
    static FrameSink pcapng(PcapngWriter writer, int interfaceId) {
        return (time, buffer, offset, length) ->
                writer.writePacket(interfaceId, time, Arrays.copyOfRange(buffer, offset, offset + length));
    }

    /** Into a list, each frame copied. */
    static FrameSink list(List<SynthPacket> into) {
        return (time, buffer, offset, length) ->
                into.add(new SynthPacket(time, Arrays.copyOfRange(buffer, offset, offset + length)));
    }
}
