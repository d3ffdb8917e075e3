package io.tlswatch.capture.live;

/**
 * How each interface is opened: the snap length, promiscuous mode, the kernel buffer, an
 * optional BPF filter (pcap-filter(7)) and how long the kernel may hold a partly filled block
 * before handing it over (immediate mode stays off: packets come in blocks, which is what keeps
 * the per-packet cost low).
 *
 * @param snapLength     bytes kept of each packet (1 to {@link #MAX_SNAP_LENGTH})
 * @param promiscuous    whether to ask for promiscuous mode (a tap or SPAN port needs it)
 * @param bufferBytes    kernel ring size in bytes ({@link #MIN_BUFFER_BYTES} to {@link #MAX_BUFFER_BYTES})
 * @param filter         a BPF expression, or null for every packet
 * @param blockTimeoutMillis the most a packet waits in a partly filled kernel block (1 to 1000)
 */
public record CaptureSettings(int snapLength, boolean promiscuous, int bufferBytes, String filter,
                              int blockTimeoutMillis) {
    /** libpcap's MAXIMUM_SNAPLEN: every byte of any packet. */
    public static final int MAX_SNAP_LENGTH = 262_144;
    /**
     * 64 MiB: a 4 MiB buffer dropped packets on a burst of three handshakes on a 2-core machine
     * (issue 6), 64 MiB none.
     */
    public static final int DEFAULT_BUFFER_BYTES = 64 << 20;
    public static final int MIN_BUFFER_BYTES = 1 << 20;
    public static final int MAX_BUFFER_BYTES = 1 << 30;
    public static final int DEFAULT_BLOCK_TIMEOUT_MILLIS = 100;

    public CaptureSettings {
        if (snapLength < 1 || snapLength > MAX_SNAP_LENGTH) {
            throw new IllegalArgumentException("snap length must be 1 to " + MAX_SNAP_LENGTH + " bytes");
        }
        if (bufferBytes < MIN_BUFFER_BYTES || bufferBytes > MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException("buffer size must be 1 to 1024 MiB");
        }
        if (blockTimeoutMillis < 1 || blockTimeoutMillis > 1000) {
            throw new IllegalArgumentException("block timeout must be 1 to 1000 ms");
        }
        if (filter != null && filter.isBlank()) {
            filter = null;
        }
    }

    /** Whole packets, promiscuous, a 64 MiB buffer, no filter, blocks handed over within 100 ms. */
    public static CaptureSettings defaults() {
        return new CaptureSettings(MAX_SNAP_LENGTH, true, DEFAULT_BUFFER_BYTES, null, DEFAULT_BLOCK_TIMEOUT_MILLIS);
    }

    public CaptureSettings withSnapLength(int bytes) {
        return new CaptureSettings(bytes, promiscuous, bufferBytes, filter, blockTimeoutMillis);
    }

    public CaptureSettings withPromiscuous(boolean on) {
        return new CaptureSettings(snapLength, on, bufferBytes, filter, blockTimeoutMillis);
    }

    public CaptureSettings withBufferBytes(int bytes) {
        return new CaptureSettings(snapLength, promiscuous, bytes, filter, blockTimeoutMillis);
    }

    public CaptureSettings withFilter(String expression) {
        return new CaptureSettings(snapLength, promiscuous, bufferBytes, expression, blockTimeoutMillis);
    }
}
