package io.tlswatch.analyzer.flow;

/**
 * What TCP reassembly did and refused, summed over all streams of one worker. Plain fields: one
 * writer thread; a reader merges them at the end or takes a racy snapshot for progress.
 */
public final class ReassemblyCounters {
    /** Segments with payload offered to a stream. */
    public long segments;
    /** Segments that did not start at the end of the contiguous data (reordered or after a loss). */
    public long outOfOrderSegments;
    /** Segments wholly before the window: retransmissions, or bytes the parser asked to skip. */
    public long segmentsBeforeWindow;
    /** Payload bytes that overlapped bytes already held; the first copy wins. */
    public long overlapBytes;
    /** Overlaps whose bytes differed from the copy already held (evasion or broken stacks). */
    public long overlapConflicts;
    /** Segments that fell (partly) past the window bound and were cut. */
    public long segmentsPastWindow;
    /** Segments dropped because a stream already held the most out-of-order ranges it may. */
    public long segmentsTooManyHoles;
    /** Streams that stopped because a hole never filled (a lost segment) while data kept coming. */
    public long gaps;
    /** Streams that stopped because the parser needed more than the window holds. */
    public long windowOverflows;
    /** Streams that stopped because the buffer memory budget was spent. */
    public long noMemory;

    public void add(ReassemblyCounters o) {
        segments += o.segments;
        outOfOrderSegments += o.outOfOrderSegments;
        segmentsBeforeWindow += o.segmentsBeforeWindow;
        overlapBytes += o.overlapBytes;
        overlapConflicts += o.overlapConflicts;
        segmentsPastWindow += o.segmentsPastWindow;
        segmentsTooManyHoles += o.segmentsTooManyHoles;
        gaps += o.gaps;
        windowOverflows += o.windowOverflows;
        noMemory += o.noMemory;
    }
}
