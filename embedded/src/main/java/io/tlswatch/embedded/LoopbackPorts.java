package io.tlswatch.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one picked by the kernel, or whether a given one is free. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code port} itself, or a free one when it is 0. */
    public static int orFree(int port) throws IOException {
        return port == 0 ? free() : port;
    }

    /** Whether something already listens on 127.0.0.1 at {@code port}. */
    public static boolean taken(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Throws, naming what probably holds the port and the option to change it, when {@code port}
     * (not 0) is taken on 127.0.0.1.
     */
    public static void requireFree(int port, String service, String option) throws IOException {
        if (port != 0 && taken(port)) {
            throw new IOException("127.0.0.1:" + port + " is taken (another " + service + ", or tlswatch up running?): "
                    + "stop it or pick another port with " + option + " (0 for any)");
        }
    }
}
