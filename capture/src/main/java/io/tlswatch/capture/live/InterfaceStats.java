package io.tlswatch.capture.live;

/**
 * One interface's counters at one moment, and how much each grew since the previous reading: what
 * the stats line and the {@code stats} document show, so an operator sees when the monitor was
 * blind. Totals count from the moment the interface was opened.
 *
 * @param interfaceName     the device
 * @param atNanos           wall-clock time of the reading, ns since the epoch
 * @param sinceNanos        wall-clock time of the previous reading (or of the opening)
 * @param received          packets the kernel's filter passed (libpcap ps_recv)
 * @param kernelDropped     packets the kernel dropped because its buffer was full (ps_drop)
 * @param interfaceDropped  packets the interface or its driver dropped (ps_ifdrop)
 * @param delivered         packets read from the kernel by tlswatch
 * @param droppedByUs       packets read but dropped because the analyzer's ring was full
 * @param deliveredBytes    bytes of the packets read (captured bytes)
 * @param deltaReceived     {@code received} since the previous reading, and so on
 */
public record InterfaceStats(String interfaceName, long atNanos, long sinceNanos,
                             long received, long kernelDropped, long interfaceDropped,
                             long delivered, long droppedByUs, long deliveredBytes,
                             long deltaReceived, long deltaKernelDropped, long deltaInterfaceDropped,
                             long deltaDelivered, long deltaDroppedByUs, long deltaDeliveredBytes) {

    /** Every packet lost anywhere since the previous reading. */
    public long deltaLost() {
        return deltaKernelDropped + deltaInterfaceDropped + deltaDroppedByUs;
    }
}
