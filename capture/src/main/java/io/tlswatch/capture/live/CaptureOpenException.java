package io.tlswatch.capture.live;

/**
 * An interface that could not be opened or filtered, with a reason the command line turns into
 * advice (a missing device, missing privileges, a filter libpcap does not accept) and libpcap's
 * own words. Thrown while starting a capture, never while reading one.
 */
public final class CaptureOpenException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the interface could not be used. */
    public enum Reason {
        NO_SUCH_DEVICE,
        PERMISSION_DENIED,
        BAD_FILTER,
        OTHER
    }

    private final String interfaceName;
    private final Reason reason;
    private final String detail;

    public CaptureOpenException(String interfaceName, Reason reason, String detail) {
        super(interfaceName + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.interfaceName = interfaceName;
        this.reason = reason;
        this.detail = detail == null ? "" : detail;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public Reason reason() {
        return reason;
    }

    /** What libpcap said, on one line. */
    public String detail() {
        return detail;
    }
}
