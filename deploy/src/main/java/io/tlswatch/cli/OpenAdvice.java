package io.tlswatch.cli;

import io.tlswatch.capture.live.CaptureOpenException;

/** One line that says why an interface could not be used and what to do about it. */
final class OpenAdvice {
    private OpenAdvice() {
    }

    static String of(CaptureOpenException e, String filter) {
        String name = e.interfaceName();
        return switch (e.reason()) {
            case NO_SUCH_DEVICE -> "cannot open " + name + ": no such device (see 'tlswatch capture --list')";
            case PERMISSION_DENIED -> "cannot open " + name + ": permission denied: run as root or grant "
                    + "CAP_NET_RAW and CAP_NET_ADMIN (see deploy/systemd)";
            case BAD_FILTER -> "bad filter '" + filter + "': " + e.detail() + " (see pcap-filter(7))";
            case OTHER -> "cannot open " + name + ": " + e.detail();
        };
    }

    static String libpcapMissing(Throwable e) {
        return "cannot load libpcap (" + e.getMessage() + "): install it (Debian: apt-get install libpcap0.8)";
    }
}
