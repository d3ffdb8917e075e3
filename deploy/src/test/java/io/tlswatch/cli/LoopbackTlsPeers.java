package io.tlswatch.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.capture.live.CaptureOpenException;
import io.tlswatch.capture.live.CaptureSettings;
import io.tlswatch.capture.live.LiveCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real TLS peers on 127.0.0.1 for the live capture tests: openssl's s_server with a self-signed
 * certificate made here, and s_client talking to it (as deploy/samples/record-loopback-tls.sh
 * does, without tcpdump: tlswatch is the capture). Everything started is stopped by {@link #close}.
 */
final class LoopbackTlsPeers implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<ServerSocket> silent = new ArrayList<>();
    private final List<Socket> held = new ArrayList<>();

    LoopbackTlsPeers(Path dir) {
        this.dir = dir;
    }

    /** Skips the test unless openssl runs and this process may capture on lo. */
    static void assumeCanCaptureTls() throws Exception {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl does not run");
        } catch (IOException e) {
            assumeTrue(false, "openssl is not installed");
        }
        try (LiveCapture ignored = LiveCapture.open(List.of("lo"), CaptureSettings.defaults().withBufferBytes(1 << 20))) {
            // can capture
        } catch (CaptureOpenException e) {
            assumeTrue(false, "cannot capture on lo (run as root or with CAP_NET_RAW+CAP_NET_ADMIN): " + e.getMessage());
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "libpcap is not installed: " + e.getMessage());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Makes a self-signed EC certificate for {@code name}; returns its PEM file. */
    Path certificate(String name) throws Exception {
        Path cert = dir.resolve(name + ".crt.pem");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "30",
                "-keyout", dir.resolve(name + ".key.pem").toString(), "-out", cert.toString(),
                "-subj", "/CN=" + name, "-addext", "subjectAltName=DNS:" + name);
        return cert;
    }

    /** Starts s_server for {@code name} (its certificate made first) and waits until it listens. */
    void server(String name, int port) throws Exception {
        certificate(name);
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", dir.resolve(name + ".crt.pem").toString(), "-key", dir.resolve(name + ".key.pem").toString(),
                "-www").redirectErrorStream(true).redirectOutput(dir.resolve("server-" + port + ".log").toFile()).start();
        processes.add(server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("s_server did not listen on " + port);
    }

    /** One TLS 1.2 handshake and an HTTP request to the server on {@code port}, SNI {@code name}. */
    void client(String name, int port) throws Exception {
        Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", name,
                "-tls1_2", "-ign_eof").redirectErrorStream(true)
                .redirectOutput(dir.resolve("client-" + port + ".log").toFile()).start();
        client.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().close();
        if (!client.waitFor(15, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("s_client did not finish");
        }
    }

    /**
     * A client whose handshake stays open: s_client sends its ClientHello to a server that accepts
     * and never answers, so the flow is still open when the capture stops.
     */
    void unansweredClient(String name, int port) throws Exception {
        ServerSocket server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        silent.add(server);
        Thread accept = new Thread(() -> {
            try {
                held.add(server.accept());
            } catch (IOException closed) {
                // closed by close()
            }
        });
        accept.setDaemon(true);
        accept.start();
        processes.add(new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", name,
                "-tls1_2").redirectErrorStream(true).redirectOutput(dir.resolve("hanging-" + port + ".log").toFile())
                .start());
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    @Override
    public void close() throws IOException {
        processes.forEach(Process::destroyForcibly);
        for (Socket s : held) {
            s.close();
        }
        for (ServerSocket s : silent) {
            s.close();
        }
    }
}
