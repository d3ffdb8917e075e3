package io.tlswatch.analyzer.x509.synth;

import io.tlswatch.analyzer.x509.synth.CertificateIssuance.Ca;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The certificates of a synthetic capture, made with Bouncy Castle and a pure function of the seed:
 * three public-like roots (one RSA 2048, two EC P-256) with two intermediates each; one leaf per
 * site, EC P-256 (every fourth site shares one RSA 2048 key, as a hosting provider's servers do);
 * and the interception CAs of {@link SyntheticInterceptor}, which forge a copy of any site's leaf.
 *
 * <p>Every certificate is made from randomness labelled with what it is ({@link SeededRandom}) and
 * signed deterministically ({@link SynthKey}), so sites and forgeries are made when first asked for,
 * in any order, with the same bytes. Validity windows are placed around {@code issuedAround} (the
 * capture's start): every leaf is valid from at least five days before it to at least 30 days after.
 *
 * <p>The public roots are not in any real trust store: replays pass them with {@code --extra-roots}
 * ({@link #writeRoots}). Not thread-safe.
 */
public final class SyntheticPki {
    /** Most sites: a made leaf is kept (about 1.5 KB each) for the whole run. */
    public static final int MAX_SITES = 100_000;
    /** File name of the public roots' PEM bundle, for {@code --extra-roots}. */
    public static final String PUBLIC_ROOTS_FILE = "synth-public-roots.pem";
    /** File name of the interception CAs' roots (for {@code --sanctioned-ca}, or to look at). */
    public static final String INTERCEPTOR_ROOTS_FILE = "synth-interceptor-roots.pem";

    /** Each public-like root (RFC 4514), then the intermediates under it; the first root has an RSA key. */
    private static final String[][] PUBLIC_CAS = {
        {"CN=tlswatch Synthetic Root R1,O=tlswatch Synthetic Trust Services,C=US",
            "CN=tlswatch Synthetic TLS CA R11,O=tlswatch Synthetic Trust Services,C=US",
            "CN=tlswatch Synthetic TLS CA R12,O=tlswatch Synthetic Trust Services,C=US"},
        {"CN=tlswatch Synthetic Root E1,O=tlswatch Synthetic Trust Services,C=US",
            "CN=tlswatch Synthetic TLS CA E11,O=tlswatch Synthetic Trust Services,C=US",
            "CN=tlswatch Synthetic TLS CA E12,O=tlswatch Synthetic Trust Services,C=US"},
        {"CN=Example Global Root G3,O=Example Global Assurance (synthetic),C=GB",
            "CN=Example Global DV TLS CA 2024,O=Example Global Assurance (synthetic),C=GB",
            "CN=Example Global OV TLS CA 2024,O=Example Global Assurance (synthetic),C=GB"},
    };
    private static final int RSA_SITE_EVERY = 4;
    private static final int SERIAL_BYTES = 16;
    private static final Duration DAY = Duration.ofDays(1);

    /** An interception CA: the CA that signs forged leaves, its root, and the one key the proxy puts in every leaf. */
    private record InterceptorCa(Ca signing, byte[] rootDer, SynthKey proxyKey) {
    }

    private final long seed;
    private final Instant around;
    private final List<Ca> roots = new ArrayList<>();
    private final List<Ca> intermediates = new ArrayList<>();
    /** Host of each intermediate's AIA URLs. */
    private final List<String> intermediateHosts = new ArrayList<>();
    private final SynthKey sharedRsaKey;
    private final Map<SyntheticInterceptor, InterceptorCa> interceptors = new EnumMap<>(SyntheticInterceptor.class);
    private final SyntheticSite[] sites;
    private final Map<Long, ServerChain> forged = new HashMap<>();

    private SyntheticPki(long seed, int siteCount, Instant issuedAround) {
        if (siteCount < 1 || siteCount > MAX_SITES) {
            throw new IllegalArgumentException("sites must be 1 to " + MAX_SITES + ", not " + siteCount);
        }
        this.seed = seed;
        this.around = issuedAround;
        this.sites = new SyntheticSite[siteCount];
        this.sharedRsaKey = SynthKey.rsa2048(seed, "shared-site-key");
        makePublicCas();
        for (SyntheticInterceptor kind : SyntheticInterceptor.values()) {
            interceptors.put(kind, interceptorCa(kind));
        }
    }

    /** A PKI for {@code sites} sites (1 to {@link #MAX_SITES}), valid around {@code issuedAround}. */
    public static SyntheticPki create(long seed, int sites, Instant issuedAround) {
        return new SyntheticPki(seed, sites, issuedAround);
    }

    /**
     * Roots issued 8 to 11 years before the capture and valid until about 25 years after it;
     * intermediates issued 2 to 3 years before it and valid until 4 years after.
     */
    private void makePublicCas() {
        for (int r = 0; r < PUBLIC_CAS.length; r++) {
            SynthKey key = r == 0 ? SynthKey.rsa2048(seed, "root-key/" + r) : SynthKey.ecP256(seed, "root-key/" + r);
            SecureRandom random = SeededRandom.of(seed, "root/" + r);
            Ca root = CertificateIssuance.root(CertificateIssuance.name(PUBLIC_CAS[r][0]), key, serial(random),
                    around.minus(DAY.multipliedBy(3000 + random.nextInt(1000))), around.plus(DAY.multipliedBy(9000)));
            roots.add(root);
            for (int i = 1; i < PUBLIC_CAS[r].length; i++) {
                String label = r + "/" + i;
                SecureRandom ir = SeededRandom.of(seed, "intermediate/" + label);
                intermediates.add(CertificateIssuance.intermediate(CertificateIssuance.name(PUBLIC_CAS[r][i]),
                        SynthKey.ecP256(seed, "intermediate-key/" + label), root, serial(ir),
                        around.minus(DAY.multipliedBy(700 + ir.nextInt(400))), around.plus(DAY.multipliedBy(1500))));
                intermediateHosts.add(host(PUBLIC_CAS[r][i]));
            }
        }
    }

    /** An interception CA issued one to three years before the capture, valid ten years. */
    private InterceptorCa interceptorCa(SyntheticInterceptor kind) {
        SecureRandom random = SeededRandom.of(seed, "interceptor/" + kind.name());
        Instant from = around.minus(DAY.multipliedBy(400 + random.nextInt(800)));
        Instant to = from.plus(DAY.multipliedBy(3650));
        Ca root = CertificateIssuance.root(CertificateIssuance.name(kind.rootName()),
                SynthKey.ecP256(seed, "interceptor-root-key/" + kind.name()), serial(random), from, to);
        Ca signing = kind.issuingName() == null ? root : CertificateIssuance.intermediate(
                CertificateIssuance.name(kind.issuingName()), SynthKey.ecP256(seed, "interceptor-ca-key/" + kind.name()),
                root, serial(random), from, to);
        return new InterceptorCa(signing, root.der(), SynthKey.ecP256(seed, "interceptor-leaf-key/" + kind.name()));
    }

    public int siteCount() {
        return sites.length;
    }

    /** When the capture this PKI is for starts. */
    public Instant issuedAround() {
        return around;
    }

    /** Site {@code index}, made on first use. */
    public SyntheticSite site(int index) {
        SyntheticSite site = sites[index];
        if (site == null) {
            site = makeSite(index);
            sites[index] = site;
        }
        return site;
    }

    private SyntheticSite makeSite(int index) {
        SecureRandom random = SeededRandom.of(seed, "site/" + index);
        SynthKey key = index % RSA_SITE_EVERY == RSA_SITE_EVERY - 1 ? sharedRsaKey
                : SynthKey.ecP256(seed, "site-key/" + index);
        int ca = random.nextInt(intermediates.size());
        Ca issuer = intermediates.get(ca);
        long lifetimeDays = random.nextBoolean() ? 90 : 397;
        Instant from = around.minus(DAY.multipliedBy(5)).minusSeconds(random.nextLong((lifetimeDays - 35) * 86_400));
        Instant to = from.plus(DAY.multipliedBy(lifetimeDays));
        byte[] leaf = CertificateIssuance.siteLeaf(SiteNames.domain(index), key, issuer, intermediateHosts.get(ca),
                serial(random), from, to, SyntheticScts.list(random, from));
        return new SyntheticSite(index, SiteNames.host(index), new ServerChain(List.of(leaf, issuer.der()), key.isRsa()));
    }

    /**
     * The chain {@code by} sends in place of site {@code site}'s own: a forged copy of its leaf
     * (see {@link CertificateIssuance#forgedLeaf}), and the forging CA unless the proxy sends the
     * leaf alone. Made on first use and kept.
     */
    public ServerChain forgedChain(int site, SyntheticInterceptor by) {
        long key = (long) site * SyntheticInterceptor.values().length + by.ordinal();
        ServerChain chain = forged.get(key);
        if (chain == null) {
            SecureRandom random = SeededRandom.of(seed, "forged/" + by.name() + "/" + site);
            InterceptorCa ca = interceptors.get(by);
            byte[] leaf = CertificateIssuance.forgedLeaf(site(site).chain().leaf(), ca.proxyKey(), ca.signing(),
                    random.nextInt(), 1 + random.nextInt(12));
            chain = new ServerChain(by.sendsIssuer() ? List.of(leaf, ca.signing().der()) : List.of(leaf),
                    ca.proxyKey().isRsa());
            forged.put(key, chain);
        }
        return chain;
    }

    /** The public-like roots (DER): what a replay adds to its trust store. */
    public List<byte[]> publicRoots() {
        return roots.stream().map(Ca::der).toList();
    }

    /** The interception CAs' roots (DER), in {@link SyntheticInterceptor} order. */
    public List<byte[]> interceptorRoots() {
        return interceptors.values().stream().map(InterceptorCa::rootDer).toList();
    }

    /**
     * Writes {@link #PUBLIC_ROOTS_FILE} and {@link #INTERCEPTOR_ROOTS_FILE} into {@code dir}
     * (created if missing); returns their paths.
     */
    public List<Path> writeRoots(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path publicRoots = Files.writeString(dir.resolve(PUBLIC_ROOTS_FILE), pem(publicRoots()), StandardCharsets.US_ASCII);
        Path interceptorRoots = Files.writeString(dir.resolve(INTERCEPTOR_ROOTS_FILE), pem(interceptorRoots()),
                StandardCharsets.US_ASCII);
        return List.of(publicRoots, interceptorRoots);
    }

    /** Certificates as one PEM bundle of CERTIFICATE blocks (RFC 7468 section 5.1). */
    public static String pem(List<byte[]> certificates) {
        StringBuilder out = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (byte[] der : certificates) {
            out.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString();
    }

    /** The host of a CA's AIA URLs, from its common name: "tlswatch-synthetic-tls-ca-r11.example". */
    private static String host(String rfc4514) {
        String cn = rfc4514.substring(3, rfc4514.indexOf(','));
        return cn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
    }

    /** A positive 16-byte serial with no leading zero byte, as public CAs draw them (at least 64 random bits). */
    private static BigInteger serial(SecureRandom random) {
        byte[] bytes = new byte[SERIAL_BYTES];
        random.nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] & 0x3f | 0x10);
        return new BigInteger(1, bytes);
    }
}
