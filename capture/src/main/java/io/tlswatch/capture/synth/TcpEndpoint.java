package io.tlswatch.capture.synth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * One end of a synthetic connection: an IPv4 or IPv6 address and a TCP port.
 *
 * @param address the address (an IPv4-mapped IPv6 literal is taken as IPv4, as the JDK parses it)
 * @param port    0 to 65535
 */
public record TcpEndpoint(InetAddress address, int port) {

    public TcpEndpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
        }
    }

    /**
     * An endpoint from an address literal ("192.0.2.1", "2001:db8::1"); never a name lookup.
     *
     * @throws IllegalArgumentException if {@code literal} is not an IPv4 or IPv6 address literal
     */
    public static TcpEndpoint of(String literal, int port) {
        if (literal.isEmpty() || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try {
            return new TcpEndpoint(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return (isIpv6() ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
    }
}
