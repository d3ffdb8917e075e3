package io.tlswatch.capture;

import java.io.IOException;

/**
 * A file that cannot be read as a capture at all: not pcap or pcapng, an unsupported version,
 * a damaged header. The message is one line that a user can act on; it names no stack trace.
 */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CaptureFormatException(String message) {
        super(message);
    }
}
