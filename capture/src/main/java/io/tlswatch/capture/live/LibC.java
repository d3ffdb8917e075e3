package io.tlswatch.capture.live;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** poll(2), bound with JNA's direct mapping: the reader waits on every handle at once. */
final class LibC {
    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    /**
     * @param fds     {@code nfds} structures laid out as {@link PollFdLayout}
     * @param nfds    {@code nfds_t}, an unsigned long (live capture needs an LP64 platform)
     * @param timeout milliseconds, or -1 for ever
     * @return descriptors ready, 0 on timeout, -1 on error (EINTR included)
     */
    static native int poll(Pointer fds, long nfds, int timeout);
}
