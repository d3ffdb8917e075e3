package io.tlswatch.capture.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.tlswatch.capture.PacketRecord;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;

/**
 * One open libpcap handle: pcap4j opened it (snap length, promiscuous mode, buffer, nanosecond
 * timestamps, filter, non-blocking), and {@link #next} reads its packets straight from libpcap's
 * ring into the caller's buffer through {@link LibPcap}: two pointer reads, one copy, no object.
 * Keeps the interface's counters. Used by one thread (the capture's reader), closed by it.
 */
final class LiveHandle {
    private final String name;
    private final int index;
    private final PcapHandle handle;
    private final Pointer pcap;
    private final int linkType;
    /** Nanoseconds per unit of the header's fraction field: 1 on a nanosecond handle, else 1000. */
    private final long fractionNanos;
    private final boolean file;
    private final int selectableFd;

    private final Memory headerCell = new Memory(Native.POINTER_SIZE);
    private final Memory dataCell = new Memory(Native.POINTER_SIZE);
    // Views over native memory read with plain (intrinsic) loads, not a JNA call per field: the two
    // cells pcap_next_ex fills with pointers, and, per packet, the header and data they point at.
    private final UnsafeBuffer headerCellView = new UnsafeBuffer(Pointer.nativeValue(headerCell), Native.POINTER_SIZE);
    private final UnsafeBuffer dataCellView = new UnsafeBuffer(Pointer.nativeValue(dataCell), Native.POINTER_SIZE);
    private final UnsafeBuffer header = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer data = new UnsafeBuffer(0, 0);

    private long delivered;
    private long deliveredBytes;
    private long droppedByUs;
    private long cutToBuffer;
    private final WrappingCounter received = new WrappingCounter();
    private final WrappingCounter kernelDropped = new WrappingCounter();
    private final WrappingCounter interfaceDropped = new WrappingCounter();
    private InterfaceStats previous;
    private boolean finished;
    private String error;

    private LiveHandle(String name, int index, PcapHandle handle, boolean file, long openedNanos)
            throws CaptureOpenException {
        this.name = name;
        this.index = index;
        this.handle = handle;
        this.pcap = rawPointer(name, handle);
        this.linkType = handle.getDlt().value();
        this.fractionNanos = handle.getTimestampPrecision() == TimestampPrecision.NANO ? 1 : 1000;
        this.file = file;
        this.selectableFd = LibPcap.pcap_get_selectable_fd(pcap);
        this.previous = new InterfaceStats(name, openedNanos, openedNanos, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Opens a live interface, applies the filter, and makes the handle non-blocking. */
    static LiveHandle open(String device, int index, CaptureSettings settings, long nowNanos)
            throws CaptureOpenException {
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(device)
                    .snaplen(settings.snapLength())
                    .promiscuousMode(settings.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                    .bufferSize(settings.bufferBytes())
                    .timeoutMillis(settings.blockTimeoutMillis())
                    .timestampPrecision(TimestampPrecision.NANO)
                    .immediateMode(false)
                    .build();
        } catch (PcapNativeException e) {
            throw OpenFailures.classify(device, e);
        }
        try {
            if (settings.filter() != null) {
                handle.setFilter(settings.filter(), BpfCompileMode.OPTIMIZE);
            }
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            return new LiveHandle(device, index, handle, false, nowNanos);
        } catch (PcapNativeException e) {
            handle.close();
            throw settings.filter() != null && e.getMessage() != null && e.getMessage().contains("pcap_compile")
                    ? new CaptureOpenException(device, CaptureOpenException.Reason.BAD_FILTER,
                            OpenFailures.oneLine(e.getMessage().replace("Error occurred in pcap_compile: ", "")))
                    : OpenFailures.classify(device, e);
        } catch (NotOpenException | CaptureOpenException e) {
            handle.close();
            throw e instanceof CaptureOpenException c ? c
                    : new CaptureOpenException(device, CaptureOpenException.Reason.OTHER, "handle closed while opening");
        }
    }

    /**
     * Opens a capture file with libpcap's own reader: the same read path as a live interface, for
     * tests and for measuring the read path without a network.
     */
    static LiveHandle openFile(Path file, int index, long nowNanos) throws CaptureOpenException {
        String name = file.toString();
        try {
            return new LiveHandle(name, index, Pcaps.openOffline(name, TimestampPrecision.NANO), true, nowNanos);
        } catch (PcapNativeException e) {
            throw OpenFailures.classify(name, e);
        }
    }

    private static Pointer rawPointer(String name, PcapHandle handle) throws CaptureOpenException {
        try {
            Field field = PcapHandle.class.getDeclaredField("handle");
            field.setAccessible(true);
            return (Pointer) field.get(handle);
        } catch (ReflectiveOperationException | RuntimeException e) {
            handle.close();
            throw new CaptureOpenException(name, CaptureOpenException.Reason.OTHER,
                    "this pcap4j does not expose its pcap_t (" + e + ")");
        }
    }

    /**
     * Reads the next packet into {@code buffer} and points {@code into} at it.
     *
     * @return {@link LibPcap#PACKET}, {@link LibPcap#NONE} (nothing waiting), or a negative value:
     *         the handle is finished (end of file, or an error that {@link #error()} gives)
     */
    int next(PacketRecord into, byte[] buffer) {
        if (finished) {
            return LibPcap.BREAK;
        }
        int rc = LibPcap.pcap_next_ex(pcap, headerCell, dataCell);
        if (rc != LibPcap.PACKET) {
            if (rc < 0) {
                finish(rc);
            }
            return rc;
        }
        header.wrap(address(headerCellView), PacketHeaderLayout.LENGTH);
        long seconds = PacketHeaderLayout.C_LONG == 8 ? header.getLong(PacketHeaderLayout.SECONDS_OFFSET)
                : header.getInt(PacketHeaderLayout.SECONDS_OFFSET);
        long fraction = PacketHeaderLayout.C_LONG == 8 ? header.getLong(PacketHeaderLayout.FRACTION_OFFSET)
                : header.getInt(PacketHeaderLayout.FRACTION_OFFSET);
        long captured = header.getInt(PacketHeaderLayout.CAPTURED_LENGTH_OFFSET) & 0xFFFF_FFFFL;
        long original = header.getInt(PacketHeaderLayout.ORIGINAL_LENGTH_OFFSET) & 0xFFFF_FFFFL;
        int length = (int) Math.min(captured, buffer.length);
        if (length < captured) {
            cutToBuffer++;
        }
        if (length > 0) {
            data.wrap(address(dataCellView), length);
            data.getBytes(0, buffer, 0, length);
        }
        into.set(buffer, 0, length, (int) Math.min(Math.max(original, length), Integer.MAX_VALUE),
                seconds * 1_000_000_000L + fraction * fractionNanos, linkType, index);
        delivered++;
        deliveredBytes += length;
        return LibPcap.PACKET;
    }

    private static long address(UnsafeBuffer cell) {
        return Native.POINTER_SIZE == 8 ? cell.getLong(0) : cell.getInt(0) & 0xFFFF_FFFFL;
    }

    private void finish(int rc) {
        finished = true;
        if (rc == LibPcap.ERROR) {
            try {
                error = OpenFailures.oneLine(handle.getError());
            } catch (NotOpenException e) {
                error = "closed";
            }
        } else if (!file) {
            error = "reading was stopped";
        }
    }

    /** Asks a blocked read to return; the only call another thread may make. */
    void breakLoop() {
        LibPcap.pcap_breakloop(pcap);
    }

    /** The analyzer could not take a packet this handle delivered. */
    void countDroppedByUs() {
        droppedByUs++;
    }

    /**
     * Reads the kernel's counters and returns them with ours and the growth since the last call
     * (allocates: once per stats interval, not per packet). A capture file has no kernel counters.
     */
    InterfaceStats stats(long nowNanos) {
        if (!file && !finished) {
            try {
                PcapStat stat = handle.getStats();
                received.update(stat.getNumPacketsReceived());
                kernelDropped.update(stat.getNumPacketsDropped());
                interfaceDropped.update(stat.getNumPacketsDroppedByIf());
            } catch (PcapNativeException | NotOpenException e) {
                // keep the last reading: the next one catches up
            }
        }
        InterfaceStats p = previous;
        long recv = file ? delivered : received.total();
        InterfaceStats now = new InterfaceStats(name, nowNanos, p.atNanos(), recv, kernelDropped.total(),
                interfaceDropped.total(), delivered, droppedByUs, deliveredBytes,
                recv - p.received(), kernelDropped.total() - p.kernelDropped(),
                interfaceDropped.total() - p.interfaceDropped(), delivered - p.delivered(),
                droppedByUs - p.droppedByUs(), deliveredBytes - p.deliveredBytes());
        previous = now;
        return now;
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    /** LINKTYPE_/DLT_ value of the interface. */
    int linkType() {
        return linkType;
    }

    boolean nanosecondTimestamps() {
        return fractionNanos == 1;
    }

    boolean finished() {
        return finished;
    }

    /** Why the handle stopped before it was asked to, or null. */
    String error() {
        return error;
    }

    int selectableFd() {
        return selectableFd;
    }

    long deliveredBytes() {
        return deliveredBytes;
    }

    /** Packets longer than the reader's buffer, cut to it (libpcap bounds them by the snap length). */
    long cutToBuffer() {
        return cutToBuffer;
    }

    void close() {
        finished = true;
        handle.close();
    }
}
