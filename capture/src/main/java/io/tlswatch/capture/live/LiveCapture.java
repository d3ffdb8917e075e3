package io.tlswatch.capture.live;

import com.sun.jna.Memory;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Packets from one or more live interfaces, read by one thread: every handle is non-blocking, the
 * reader takes up to {@link #BURST} packets from one handle, then moves to the next, and when no
 * handle has anything it waits on all of them at once with poll(2) (at most
 * {@link #POLL_MILLIS}). One reader and no queue between interfaces keeps the analyzer's
 * one-thread rule and costs no hand-off per packet; a burst of a few hundred packets bounds how far
 * two interfaces' packets can interleave out of time order (a kernel block already does so).
 *
 * <p>{@link #read} says what happened without blocking for long, so the caller can let time pass
 * (idle flows expire) and write statistics on a quiet link. {@link #stop} may be called from any
 * thread (a signal handler). Nothing on the per-packet path allocates, locks or throws.
 */
public final class LiveCapture implements PacketSource {
    /** {@link #read}: {@code into} holds a packet. */
    public static final int PACKET = 1;
    /** {@link #read}: nothing arrived within the poll timeout. */
    public static final int IDLE = 0;
    /** {@link #read}: stopped, or every handle is finished ({@link #error()} says why, if not asked to). */
    public static final int STOPPED = -1;

    /** Packets read from one handle before the reader turns to the next. */
    static final int BURST = 256;
    /** The longest the reader waits in poll(2): how soon a quiet capture notices a stop. */
    public static final int POLL_MILLIS = 100;

    private final LiveHandle[] handles;
    private final byte[] buffer;
    private final Memory pollFds;
    private volatile boolean stopRequested;
    private int current;
    private int burst;
    private int open;
    private long pollErrors;

    private LiveCapture(List<LiveHandle> handles, int snapLength) {
        this.handles = handles.toArray(new LiveHandle[0]);
        this.buffer = new byte[snapLength];
        this.open = this.handles.length;
        this.pollFds = new Memory((long) PollFdLayout.LENGTH * this.handles.length);
        for (int i = 0; i < this.handles.length; i++) {
            pollFds.setInt((long) i * PollFdLayout.LENGTH + PollFdLayout.FD_OFFSET, this.handles[i].selectableFd());
            pollFds.setShort((long) i * PollFdLayout.LENGTH + PollFdLayout.EVENTS_OFFSET, PollFdLayout.POLLIN);
        }
    }

    /**
     * Opens every interface with the same settings; if one fails, those already open are closed.
     * The interface index of each packet is the position of its device in {@code devices}.
     */
    public static LiveCapture open(List<String> devices, CaptureSettings settings) throws CaptureOpenException {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("no interface to capture on");
        }
        List<LiveHandle> opened = new ArrayList<>();
        try {
            for (String device : devices) {
                opened.add(LiveHandle.open(device, opened.size(), settings, System.currentTimeMillis() * 1_000_000L));
            }
        } catch (CaptureOpenException | RuntimeException | Error e) {
            opened.forEach(LiveHandle::close);
            throw e;
        }
        return new LiveCapture(opened, settings.snapLength());
    }

    /**
     * Capture files read through libpcap's own reader and this class's read path, as if they were
     * interfaces (tests and measurements of the read path without a network).
     */
    public static LiveCapture openFiles(List<Path> files) throws CaptureOpenException {
        List<LiveHandle> opened = new ArrayList<>();
        try {
            for (Path file : files) {
                opened.add(LiveHandle.openFile(file, opened.size(), System.currentTimeMillis() * 1_000_000L));
            }
        } catch (CaptureOpenException | RuntimeException | Error e) {
            opened.forEach(LiveHandle::close);
            throw e;
        }
        return new LiveCapture(opened, CaptureSettings.MAX_SNAP_LENGTH);
    }

    /**
     * Reads the next packet, waiting at most about {@link #POLL_MILLIS} when none is ready.
     *
     * @return {@link #PACKET}, {@link #IDLE} or {@link #STOPPED}
     */
    public int read(PacketRecord into) {
        if (stopRequested || open == 0) {
            return STOPPED;
        }
        int rc = sweep(into);
        if (rc != IDLE) {
            return rc;
        }
        if (LibC.poll(pollFds, handles.length, POLL_MILLIS) < 0) {
            pollErrors++; // EINTR from a signal: the sweep below or the next read goes on
        }
        return stopRequested ? STOPPED : sweep(into);
    }

    /** Tries each handle once, starting with the current one, and returns the first packet found. */
    private int sweep(PacketRecord into) {
        for (int tried = 0; tried < handles.length; tried++) {
            LiveHandle h = handles[current];
            if (!h.finished()) {
                int rc = h.next(into, buffer);
                if (rc == LibPcap.PACKET) {
                    if (++burst >= BURST) {
                        turn();
                    }
                    return PACKET;
                }
                if (rc < 0 && --open == 0) {
                    return STOPPED;
                }
            }
            turn();
        }
        return IDLE;
    }

    private void turn() {
        burst = 0;
        current = current + 1 == handles.length ? 0 : current + 1;
    }

    /** Blocks until a packet arrives or the capture stops (for callers that need no idle turns). */
    @Override
    public boolean next(PacketRecord into) {
        int rc;
        do {
            rc = read(into);
        } while (rc == IDLE);
        return rc == PACKET;
    }

    /** Asks the reader to stop at its next turn (within {@link #POLL_MILLIS}); any thread may call it. */
    public void stop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** The reader dropped the packet it was given last (the analyzer was full): counted per interface. */
    public void countDroppedByUs(int interfaceIndex) {
        if (interfaceIndex >= 0 && interfaceIndex < handles.length) {
            handles[interfaceIndex].countDroppedByUs();
        }
    }

    /** Every interface's counters now, with the growth since the previous call (on the reader's thread). */
    public List<InterfaceStats> stats(long nowNanos) {
        List<InterfaceStats> all = new ArrayList<>(handles.length);
        for (LiveHandle h : handles) {
            all.add(h.stats(nowNanos));
        }
        return all;
    }

    /** The devices (or files) in interface-index order. */
    public List<String> interfaceNames() {
        List<String> names = new ArrayList<>(handles.length);
        for (LiveHandle h : handles) {
            names.add(h.name());
        }
        return names;
    }

    /** LINKTYPE_ value of each interface, in interface-index order. */
    public int linkType(int interfaceIndex) {
        return handles[interfaceIndex].linkType();
    }

    /** Whether libpcap gives this interface's timestamps in nanoseconds (else microseconds). */
    public boolean nanosecondTimestamps(int interfaceIndex) {
        return handles[interfaceIndex].nanosecondTimestamps();
    }

    @Override
    public String name() {
        return String.join(",", interfaceNames());
    }

    /** The interfaces that stopped on an error, each with libpcap's reason, or null. */
    @Override
    public String error() {
        StringBuilder errors = new StringBuilder();
        for (LiveHandle h : handles) {
            if (h.error() != null && !stopRequested) {
                errors.append(errors.length() == 0 ? "" : "; ").append(h.name()).append(": ").append(h.error());
            }
        }
        return errors.length() == 0 ? null : errors.toString();
    }

    /** Bytes delivered so far over every interface. */
    @Override
    public long position() {
        long bytes = 0;
        for (LiveHandle h : handles) {
            bytes += h.deliveredBytes();
        }
        return bytes;
    }

    @Override
    public long size() {
        return -1;
    }

    /** How often poll(2) failed (interrupted by a signal, mostly). */
    public long pollErrors() {
        return pollErrors;
    }

    @Override
    public void close() {
        for (LiveHandle h : handles) {
            h.close();
        }
    }
}
