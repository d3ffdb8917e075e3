package io.tlswatch.capture.file;

/**
 * The bounds the readers put on lengths taken from a file. A length past them is damage: the
 * reader stops with a reason rather than trusting it.
 */
public final class CaptureLimits {
    /**
     * Largest captured packet accepted, 256 KiB: Wireshark's limit for ordinary link types, and
     * above any Ethernet, loopback or GRO/TSO aggregate a capture holds in practice.
     */
    public static final int MAX_PACKET_LENGTH = 256 * 1024;
    /** Largest pcapng block accepted (any type), 16 MiB, as Wireshark. */
    public static final int MAX_BLOCK_LENGTH = 16 * 1024 * 1024;
    /** Most interfaces one pcapng section may describe. */
    public static final int MAX_INTERFACES = 4096;

    private CaptureLimits() {
    }
}
