package io.tlswatch.bench;

import io.tlswatch.analyzer.x509.CertificateCache;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The certificate cache, once per certificate of a chain: a hit (SHA-256 of the DER and a map
 * lookup) and a miss (the same plus the full parse with Bouncy Castle), on a real certificate with
 * embedded SCTs from the corpus. The miss alternates two certificates through a cache of one entry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CertificateCacheBenchmark {
    private byte[] leaf;
    private byte[] other;
    private CertificateCache warm;
    private CertificateCache tooSmall;
    private boolean flip;

    @Setup
    public void setUp() {
        leaf = BenchVectors.certificate("tls__certificate-with-sct-1.der");
        other = BenchVectors.certificate("tls__certificate-with-sct-2.der");
        warm = new CertificateCache(100);
        tooSmall = new CertificateCache(1);
        if (!warm.get(leaf).isParsed() || !tooSmall.get(other).isParsed()) {
            throw new IllegalStateException("the corpus certificates did not parse");
        }
    }

    @Benchmark
    public CertificateInfo hit() {
        return warm.get(leaf);
    }

    @Benchmark
    public CertificateInfo missParses() {
        flip = !flip;
        return tooSmall.get(flip ? leaf : other);
    }
}
