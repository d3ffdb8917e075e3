package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stapled OCSP response: the certificate_status handshake message of TLS 1.0-1.2.
 *
 * <pre>
 *  CertificateStatusType status_type;          uint8: 1 ocsp (RFC 6066 §8), 2 ocsp_multi (RFC 6961 §2.2)
 *  ocsp:       opaque OCSPResponse&lt;1..2^24-1&gt;;
 *  ocsp_multi: OCSPResponse ocsp_response_list&lt;1..2^24-1&gt;;  each opaque OCSPResponse&lt;0..2^24-1&gt;
 * </pre>
 *
 * The DER of each response is kept as a copy, not interpreted here. An empty entry of an
 * ocsp_multi list (no response for that certificate) is kept as an empty array. Immutable.
 */
public final class CertificateStatus {
    /** status_type ocsp. */
    public static final int OCSP = 1;
    /** status_type ocsp_multi. */
    public static final int OCSP_MULTI = 2;

    private final int statusType;
    private final List<byte[]> responses;

    private CertificateStatus(int statusType, List<byte[]> responses) {
        this.statusType = statusType;
        this.responses = Collections.unmodifiableList(responses);
    }

    /** Parses the body of a certificate_status handshake message. */
    public static TlsParse<CertificateStatus> parse(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        int type = r.u8("CertificateStatus.status_type");
        List<byte[]> responses = new ArrayList<>(1);
        if (type == OCSP) {
            TlsReader response = r.vector24("CertificateStatus.OCSPResponse");
            response.requireLength(response.remaining(), 1, 0xffffff, "CertificateStatus.OCSPResponse");
            responses.add(response.rest());
        } else if (type == OCSP_MULTI) {
            TlsReader list = r.vector24("CertificateStatus.ocsp_response_list");
            list.requireLength(list.remaining(), 1, 0xffffff, "CertificateStatus.ocsp_response_list");
            while (list.remaining() > 0 && r.ok()) {
                responses.add(list.vector24("CertificateStatus.OCSPResponse").rest());
            }
        } else if (r.ok()) {
            r.fail(TlsParseError.BAD_VALUE, "CertificateStatus.status_type");
        }
        r.expectEnd("CertificateStatus");
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new CertificateStatus(type, responses));
    }

    public int statusType() {
        return statusType;
    }

    /** Copies of the DER OCSPResponse(s): one for ocsp, one per chain certificate for ocsp_multi. */
    public List<byte[]> responses() {
        List<byte[]> out = new ArrayList<>(responses.size());
        for (byte[] der : responses) {
            out.add(der.clone());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "CertificateStatus[type=" + statusType + ", responses=" + responses.size() + "]";
    }
}
