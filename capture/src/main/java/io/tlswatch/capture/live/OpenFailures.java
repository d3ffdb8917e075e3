package io.tlswatch.capture.live;

import java.util.Locale;
import org.pcap4j.core.PcapNativeException;

/** Names why libpcap would not open an interface, from its return code and, failing that, its words. */
final class OpenFailures {
    /** PCAP_ERROR_NO_SUCH_DEVICE (pcap/pcap.h). */
    static final int NO_SUCH_DEVICE = -5;
    /** PCAP_ERROR_PROMISC_PERM_DENIED. */
    static final int PROMISC_PERM_DENIED = -11;
    /** PCAP_ERROR_PERM_DENIED. */
    static final int PERM_DENIED = -8;

    private OpenFailures() {
    }

    static CaptureOpenException classify(String device, PcapNativeException e) {
        Integer code = e.getReturnCode();
        String detail = oneLine(e.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        CaptureOpenException.Reason reason;
        if (code != null && code == NO_SUCH_DEVICE || lower.contains("no such device")) {
            reason = CaptureOpenException.Reason.NO_SUCH_DEVICE;
        } else if (code != null && (code == PERM_DENIED || code == PROMISC_PERM_DENIED)
                || lower.contains("permission") || lower.contains("operation not permitted")) {
            reason = CaptureOpenException.Reason.PERMISSION_DENIED;
        } else {
            reason = CaptureOpenException.Reason.OTHER;
        }
        return new CaptureOpenException(device, reason, detail);
    }

    /** libpcap's message on one line, without the device name it may repeat. */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
