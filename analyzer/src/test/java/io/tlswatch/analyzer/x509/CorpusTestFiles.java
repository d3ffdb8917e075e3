package io.tlswatch.analyzer.x509;

import java.util.function.Supplier;

/** Named real certificates from the bundled corpus copies (see resources corpus/README.md). */
enum CorpusTestFiles implements Supplier<byte[]> {
    /** go.microsoft.com, 2021: RSA 2048, 3 SCTs, AIA, NUL in the subject's O (suricata-verify). */
    MICROSOFT_LEAF("tls__tls-subject-zero__input-1.der"),
    /** The CVE-2020-0601 CA with explicit EC parameters, self-signed (arkime). */
    CURVEBALL_CA("badcurveball-2.der"),
    /** O=TestCorp, self-signed RSA 2048 with SHA1, no CN anywhere (zeek). */
    TESTCORP_ROOT("tls__cert-no-cn-1.der");

    private final String file;

    CorpusTestFiles(String file) {
        this.file = file;
    }

    @Override
    public byte[] get() {
        return TestResources.bytes("corpus/" + file);
    }
}
