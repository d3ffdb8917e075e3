package io.tlswatch.capture.file;

import java.util.Arrays;

/**
 * The interfaces of the current pcapng section: link type, snap length and timestamp units by
 * interface id. A new section empties the table; {@link #globalIndex(int)} keeps numbering on
 * across sections, so an interface index is unique within the file.
 */
final class InterfaceTable {
    private int[] linkTypes = new int[4];
    private int[] snapLengths = new int[4];
    private int[] tsresols = new int[4];
    private long[] tsoffsets = new long[4];
    private int count;
    private int firstGlobalIndex;

    /** Starts a new section: its interfaces are numbered after every one seen before. */
    void newSection() {
        firstGlobalIndex += count;
        count = 0;
    }

    int count() {
        return count;
    }

    /** Adds an interface; {@code false} when the section already has {@link CaptureLimits#MAX_INTERFACES}. */
    boolean add(int linkType, int snapLength, int tsresol, long tsoffset) {
        if (count == CaptureLimits.MAX_INTERFACES) {
            return false;
        }
        if (count == linkTypes.length) {
            int grown = count * 2;
            linkTypes = Arrays.copyOf(linkTypes, grown);
            snapLengths = Arrays.copyOf(snapLengths, grown);
            tsresols = Arrays.copyOf(tsresols, grown);
            tsoffsets = Arrays.copyOf(tsoffsets, grown);
        }
        linkTypes[count] = linkType;
        snapLengths[count] = snapLength;
        tsresols[count] = tsresol;
        tsoffsets[count] = tsoffset;
        count++;
        return true;
    }

    int linkType(int id) {
        return linkTypes[id];
    }

    int snapLength(int id) {
        return snapLengths[id];
    }

    long toNanos(int id, long units) {
        return TimestampResolution.toNanos(units, tsresols[id], tsoffsets[id]);
    }

    int globalIndex(int id) {
        return firstGlobalIndex + id;
    }
}
