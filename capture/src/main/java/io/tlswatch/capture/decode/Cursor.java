package io.tlswatch.capture.decode;

/**
 * Where decoding of one packet stands, handed from layer to layer: the buffer, the offset of the
 * next header, the end of the bytes that header may use, and what the next header is. Layers
 * return {@code true} to go on; {@code false} means decoding has finished, with {@link #outcome()}
 * saying how. One cursor per decoder, reset per packet: nothing is allocated.
 */
final class Cursor {
    /** {@link #next} for "no further header to follow". */
    static final int NONE = -1;

    byte[] b;
    /** Offset of the header to decode next. */
    int at;
    /** End (exclusive) of the captured bytes the current layer may use. */
    int end;
    /** End the enclosing lengths declare on the wire; beyond {@link #end} when the snap length cut the packet. */
    long wireEnd;
    /** What starts at {@link #at}: an EtherType ({@link LinkLayout}), or {@link #NONE}. */
    int next;
    private DecodeOutcome outcome;

    Cursor reset(byte[] data, int offset, int capturedLength, int originalLength) {
        b = data;
        at = offset;
        end = offset + capturedLength;
        wireEnd = offset + (long) Math.max(capturedLength, originalLength);
        next = NONE;
        outcome = null;
        return this;
    }

    /** Whether {@code n} captured bytes are present from {@link #at}. */
    boolean has(int n) {
        return at + (long) n <= end;
    }

    /** Whether {@code n} captured bytes are present from {@code offset}. */
    boolean has(int offset, int n) {
        return offset + (long) n <= end;
    }

    /** Ends decoding with this outcome; returns {@code false} so layers can {@code return c.finish(...)}. */
    boolean finish(DecodeOutcome result) {
        outcome = result;
        return false;
    }

    DecodeOutcome outcome() {
        return outcome;
    }
}
