package io.tlswatch.capture;

/**
 * One captured packet: a flyweight over a buffer that the {@link PacketSource} owns and reuses.
 *
 * <p>The bytes are valid only until the next call to {@link PacketSource#next(PacketRecord)};
 * a consumer that needs them longer copies them. Nothing here is allocated per packet.
 */
public final class PacketRecord {
    private byte[] data = new byte[0];
    private int offset;
    private int capturedLength;
    private int originalLength;
    private long timestampNanos;
    private int linkType;
    private int interfaceIndex;

    /** Points this record at a packet; called by sources, not by consumers. */
    public void set(byte[] data, int offset, int capturedLength, int originalLength,
                    long timestampNanos, int linkType, int interfaceIndex) {
        this.data = data;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.interfaceIndex = interfaceIndex;
    }

    /** The buffer holding the packet; the packet starts at {@link #offset()}. */
    public byte[] data() { return data; }

    public int offset() { return offset; }

    /** Bytes present in {@link #data()} (at most the snap length). */
    public int capturedLength() { return capturedLength; }

    /** Length of the packet on the wire, which may exceed {@link #capturedLength()}. */
    public int originalLength() { return originalLength; }

    /** Capture time in nanoseconds since the Unix epoch (UTC). */
    public long timestampNanos() { return timestampNanos; }

    /** Link-layer header type, a LINKTYPE_ value from {@link LinkType}. */
    public int linkType() { return linkType; }

    /** Index of the interface within its source (pcapng IDB order; 0 for pcap). */
    public int interfaceIndex() { return interfaceIndex; }
}
