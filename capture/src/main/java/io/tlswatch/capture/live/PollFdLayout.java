package io.tlswatch.capture.live;

/**
 * The bytes of POSIX {@code struct pollfd} (poll(2), IEEE Std 1003.1 {@code <poll.h>}), one per
 * polled handle, laid end to end in the array that {@code poll} reads:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          fd (int)                             |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        events (short)         |       revents (short)         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class PollFdLayout {
    static final int FD_OFFSET = 0;
    static final int EVENTS_OFFSET = 4;
    static final int REVENTS_OFFSET = 6;
    static final int LENGTH = 8;
    /** There is data to read (Linux's value, as on every platform libpcap's poll path runs on). */
    static final short POLLIN = 0x0001;

    private PollFdLayout() {
    }
}
