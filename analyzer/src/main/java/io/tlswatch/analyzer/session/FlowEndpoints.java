package io.tlswatch.analyzer.session;

import io.tlswatch.analyzer.net.IpAddressText;

/**
 * The two ends of a session's connection, client first, with the VLAN tags; addresses as two longs
 * each (IPv4 as IPv4-mapped IPv6, as the decoder gives them).
 */
public record FlowEndpoints(long clientHi, long clientLo, int clientPort,
                            long serverHi, long serverLo, int serverPort,
                            int protocol, int vlanId, int innerVlanId) {

    public String clientIp() {
        return IpAddressText.format(clientHi, clientLo);
    }

    public String serverIp() {
        return IpAddressText.format(serverHi, serverLo);
    }

    /** "ipv4" or "ipv6", as ECS {@code network.type}. */
    public String networkType() {
        return IpAddressText.isIpv4(clientHi, clientLo) ? "ipv4" : "ipv6";
    }
}
