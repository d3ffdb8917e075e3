package io.tlswatch.capture.live;

import java.util.List;

/**
 * An interface libpcap can capture on, as {@code tlswatch capture --list} shows it.
 *
 * @param name        the device name to pass to {@code -i}
 * @param description libpcap's description, or empty
 * @param addresses   its IP addresses as text
 * @param loopback    whether it is a loopback interface
 * @param up          whether it is up
 */
public record InterfaceInfo(String name, String description, List<String> addresses, boolean loopback, boolean up) {

    /** Every interface libpcap finds (pcap_findalldevs), in its order; no privileges needed. */
    public static List<InterfaceInfo> list() throws CaptureOpenException {
        try {
            return org.pcap4j.core.Pcaps.findAllDevs().stream()
                    .map(i -> new InterfaceInfo(i.getName(), i.getDescription() == null ? "" : i.getDescription(),
                            i.getAddresses().stream().filter(a -> a.getAddress() != null)
                                    .map(a -> a.getAddress().getHostAddress()).toList(),
                            i.isLoopBack(), i.isUp()))
                    .toList();
        } catch (org.pcap4j.core.PcapNativeException e) {
            throw new CaptureOpenException("any", CaptureOpenException.Reason.OTHER, OpenFailures.oneLine(e.getMessage()));
        }
    }
}
