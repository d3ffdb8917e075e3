package io.tlswatch.capture.file;

import io.tlswatch.capture.PacketSource;
import java.io.IOException;

/**
 * What the pcap and pcapng readers share: the input, and the sticky stop with its reason. Once a
 * reader has stopped, every later {@code next} returns {@code false}.
 */
abstract class CaptureFileSource implements PacketSource {
    protected final CaptureInput input;
    protected final ReadBuffer in;
    private boolean stopped;
    private String error;

    CaptureFileSource(CaptureInput input) {
        this.input = input;
        this.in = input.buffer();
    }

    protected final boolean stopped() {
        return stopped;
    }

    /** Ends the source at its natural end. */
    protected final boolean end() {
        stopped = true;
        return false;
    }

    /** Ends the source because of damage; the reason becomes {@link #error()}. */
    protected final boolean stop(String reason) {
        stopped = true;
        error = in.damage() != null ? reason + "; " + in.damage() : reason;
        return false;
    }

    /**
     * Ends the source where the stream ran out: naturally when nothing is left, as damage when
     * part of a record was there or the compressed stream broke.
     */
    protected final boolean endOrTruncated(String whatWasCut, long needed) {
        if (in.available() == 0 && in.damage() == null) {
            return end();
        }
        return stop("file ends inside " + whatWasCut + " at byte " + in.offset() + ": "
                + in.available() + " of " + needed + " bytes present");
    }

    @Override
    public final String name() {
        return input.name();
    }

    @Override
    public final String error() {
        return error;
    }

    @Override
    public final long position() {
        return input.position();
    }

    @Override
    public final long size() {
        return input.size();
    }

    @Override
    public final void close() throws IOException {
        stopped = true;
        in.close();
    }
}
