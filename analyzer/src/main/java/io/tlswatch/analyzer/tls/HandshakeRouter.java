package io.tlswatch.analyzer.tls;

import java.util.List;

/**
 * Turns whole handshake messages of one direction into events: every message as
 * {@link TlsEventListener#onHandshakeMessage}, then the typed event for the messages this package
 * parses (hellos, Certificate, CertificateStatus), or a named anomaly when one does not parse.
 * It remembers the two facts the record layer needs: whether the client offered TLS 1.3 and
 * whether the server selected it.
 */
final class HandshakeRouter implements HandshakeAssembler.Sink {
    private final boolean fromClient;
    private final TlsEventListener listener;
    private boolean offeredTls13;
    private boolean selectedTls13;
    private boolean sawServerHello;

    HandshakeRouter(boolean fromClient, TlsEventListener listener) {
        this.fromClient = fromClient;
        this.listener = listener;
    }

    void reset() {
        offeredTls13 = false;
        selectedTls13 = false;
        sawServerHello = false;
    }

    /** Whether this client's ClientHello offered TLS 1.3 in supported_versions. */
    boolean offeredTls13() {
        return offeredTls13;
    }

    /** Whether this server's last ServerHello or HelloRetryRequest selected TLS 1.3. */
    boolean selectedTls13() {
        return selectedTls13;
    }

    /** Whether this server sent a ServerHello (not a HelloRetryRequest) that selected TLS 1.3. */
    boolean encryptsAfterServerHello() {
        return sawServerHello && selectedTls13;
    }

    @Override
    public void onOversizedMessage(int type, int claimedLength) {
        listener.onAnomaly(TlsAnomaly.HANDSHAKE_MESSAGE_TOO_LARGE,
                TlsNames.handshakeTypeName(type) + " of " + claimedLength + " bytes", fromClient);
        listener.onHandshakeMessage(type, claimedLength, fromClient);
    }

    @Override
    public void onMessage(int type, byte[] b, int off, int len) {
        listener.onHandshakeMessage(type, len, fromClient);
        switch (type) {
            case HandshakeLayout.CLIENT_HELLO -> clientHello(ClientHello.parse(b, off, len));
            case HandshakeLayout.SERVER_HELLO -> serverHello(ServerHello.parse(b, off, len));
            case HandshakeLayout.CERTIFICATE -> certificate(CertificateMessage.parse(b, off, len));
            case HandshakeLayout.CERTIFICATE_STATUS -> certificateStatus(CertificateStatus.parse(b, off, len));
            default -> {
                if (!TlsNames.isAssignedHandshakeType(type)) {
                    listener.onAnomaly(TlsAnomaly.UNKNOWN_HANDSHAKE_TYPE, "type " + type, fromClient);
                }
            }
        }
    }

    /** The SSL 2.0-compatible ClientHello, which arrives outside any handshake record. */
    void onSslV2ClientHello(byte[] b, int off, int len) {
        listener.onHandshakeMessage(HandshakeLayout.CLIENT_HELLO, len, fromClient);
        clientHello(ClientHello.parseSslV2(b, off, len));
    }

    private void clientHello(TlsParse<ClientHello> parse) {
        if (!parse.isParsed()) {
            listener.onAnomaly(TlsAnomaly.MALFORMED_CLIENT_HELLO, parse.reason(), fromClient);
        } else if (!fromClient) {
            listener.onAnomaly(TlsAnomaly.HELLO_IN_WRONG_DIRECTION, "ClientHello from the server", fromClient);
        } else {
            ClientHello hello = parse.value();
            offeredTls13 = hello.offered().offersTls13();
            extensionAnomalies(hello.extensions(), hello.offered().errors());
            if (hello.offered().serverNameTooLong()) {
                listener.onAnomaly(TlsAnomaly.SERVER_NAME_TOO_LONG, hello.offered().serverNameLength() + " bytes",
                        fromClient);
            }
            listener.onClientHello(hello);
        }
    }

    private void serverHello(TlsParse<ServerHello> parse) {
        if (!parse.isParsed()) {
            listener.onAnomaly(TlsAnomaly.MALFORMED_SERVER_HELLO, parse.reason(), fromClient);
        } else if (fromClient) {
            listener.onAnomaly(TlsAnomaly.HELLO_IN_WRONG_DIRECTION, "ServerHello from the client", fromClient);
        } else {
            ServerHello hello = parse.value();
            selectedTls13 = hello.selectsTls13();
            sawServerHello = !hello.isHelloRetryRequest();
            extensionAnomalies(hello.extensions(), hello.errors());
            listener.onServerHello(hello);
        }
    }

    private void certificate(TlsParse<CertificateMessage> parse) {
        if (parse.isParsed()) {
            listener.onCertificate(parse.value(), fromClient);
        } else {
            listener.onAnomaly(TlsAnomaly.MALFORMED_CERTIFICATE, parse.reason(), fromClient);
        }
    }

    private void certificateStatus(TlsParse<CertificateStatus> parse) {
        if (parse.isParsed()) {
            listener.onCertificateStatus(parse.value());
        } else {
            listener.onAnomaly(TlsAnomaly.MALFORMED_CERTIFICATE_STATUS, parse.reason(), fromClient);
        }
    }

    private void extensionAnomalies(TlsExtensionList extensions, List<String> errors) {
        for (String error : errors) {
            listener.onAnomaly(TlsAnomaly.MALFORMED_EXTENSION, error, fromClient);
        }
        int duplicate = extensions.duplicateType();
        if (duplicate >= 0) {
            listener.onAnomaly(TlsAnomaly.DUPLICATE_EXTENSION, TlsNames.extensionName(duplicate), fromClient);
        }
    }
}
