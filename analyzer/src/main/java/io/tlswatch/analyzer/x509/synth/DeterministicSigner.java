package io.tlswatch.analyzer.x509.synth;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * A Bouncy Castle {@link ContentSigner} over a lightweight {@link Signer} whose signatures are a
 * pure function of key and message: ECDSA with k from RFC 6979 section 3.2, or RSA PKCS#1 v1.5
 * (RFC 8017 section 8.2). The certificate builder streams the TBSCertificate into it.
 */
final class DeterministicSigner implements ContentSigner {
    private final Signer signer;
    private final AlgorithmIdentifier algorithm;
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) {
            signer.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            signer.update(b, off, len);
        }
    };

    /** @param signer initialised for signing with the private key */
    DeterministicSigner(Signer signer, AlgorithmIdentifier algorithm) {
        this.signer = signer;
        this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return stream;
    }

    @Override
    public byte[] getSignature() {
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new RuntimeOperatorException("signing failed: " + e.getMessage(), e);
        }
    }
}
