package io.tlswatch.analyzer.replay;

import io.tlswatch.capture.PacketRecord;

/** Takes packets in capture order: the analyzer's entry point. */
public interface PacketSink {

    /** One packet; its bytes are valid only during the call. */
    void onPacket(PacketRecord packet);

    /** The end of one source: nothing to do for most sinks. */
    default void onSourceEnd() {
    }
}
