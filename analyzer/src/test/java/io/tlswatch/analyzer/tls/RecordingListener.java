package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Records every event as one line of text (for comparing runs) and keeps the parsed values. */
final class RecordingListener implements TlsEventListener {
    final List<String> events = new ArrayList<>();
    final List<ClientHello> clientHellos = new ArrayList<>();
    final List<ServerHello> serverHellos = new ArrayList<>();
    final List<CertificateMessage> certificates = new ArrayList<>();
    final List<CertificateStatus> statuses = new ArrayList<>();
    final List<TlsAnomaly> anomalies = new ArrayList<>();
    final TlsAnomalyCounters counters = new TlsAnomalyCounters();

    @Override
    public void onClientHello(ClientHello hello) {
        clientHellos.add(hello);
        events.add("ClientHello " + hello + " suites=" + HexFormat.of().formatHex(toBytes(hello.cipherSuites())));
    }

    @Override
    public void onServerHello(ServerHello hello) {
        serverHellos.add(hello);
        events.add("ServerHello " + hello);
    }

    @Override
    public void onCertificate(CertificateMessage message, boolean fromClient) {
        certificates.add(message);
        int bytes = message.certificates().stream().mapToInt(der -> der.length).sum();
        events.add("Certificate " + message.size() + " certs, " + bytes + " bytes, fromClient=" + fromClient);
    }

    @Override
    public void onCertificateStatus(CertificateStatus status) {
        statuses.add(status);
        events.add("CertificateStatus " + status);
    }

    @Override
    public void onHandshakeMessage(int type, int length, boolean fromClient) {
        events.add("handshake " + TlsNames.handshakeTypeName(type) + " " + length + " fromClient=" + fromClient);
    }

    @Override
    public void onChangeCipherSpec(boolean fromClient) {
        events.add("ChangeCipherSpec fromClient=" + fromClient);
    }

    @Override
    public void onAlert(int level, int description, boolean encrypted, boolean fromClient) {
        events.add("alert " + level + " " + description + " encrypted=" + encrypted + " fromClient=" + fromClient);
    }

    @Override
    public void onEncryptedRecord(int contentType, int length, boolean fromClient) {
        events.add("encrypted " + contentType + " " + length + " fromClient=" + fromClient);
    }

    @Override
    public void onHeartbeat(int type, int payloadLength, int recordLength, boolean encrypted, boolean fromClient) {
        events.add("heartbeat " + type + " " + payloadLength + " " + recordLength + " encrypted=" + encrypted);
    }

    @Override
    public void onNotTls(boolean fromClient, String reason) {
        counters.countNotTls();
        events.add("notTls " + reason);
    }

    @Override
    public void onAnomaly(TlsAnomaly anomaly, String detail, boolean fromClient) {
        anomalies.add(anomaly);
        counters.count(anomaly);
        events.add("anomaly " + anomaly + " " + detail);
    }

    List<String> eventsStartingWith(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            out[2 * i] = (byte) (values[i] >> 8);
            out[2 * i + 1] = (byte) values[i];
        }
        return out;
    }
}
