package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.QAZNET_LIKE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

/**
 * Chains a server (or an attacker) can send that are not certificates a CA made: cut short, one
 * byte broken, garbage. The engine judges them without throwing, and what still proves
 * interception still does.
 */
class HostileChainVerdictTest {
    private static final Issued REAL_QAZNET = RealRoots.kazakh("qaznet-trust-network-2016.pem");
    /** A forged leaf whose issuer name is nobody's in the catalogue: only the root sent after it can match. */
    private static final Issued LEAF_UNDER_ORDINARY_NAME = TestPki.serverLeaf(SITE).keys(VerdictPki.PROXY_LEAF_KEYS)
            .claimsIssuer(TestPki.name("CN=Ordinary Issuing CA,O=Nothing To See,C=US"), TestPki.ecKeys()).build();

    private final VerdictEngine engine = judge().build();

    private static TlsSession sent(List<byte[]> chain) {
        return ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).chain(chain).session();
    }

    /** The DER with the byte at {@code index} from its end inverted. */
    private static byte[] brokenFromEnd(byte[] der, int index) {
        byte[] broken = der.clone();
        broken[broken.length - 1 - index] ^= (byte) 0xff;
        return broken;
    }

    @Test
    void forgedLeafWithOneSignatureByteBrokenIsStillInterceptedByName() {
        byte[] leaf = brokenFromEnd(forgedLeaf(QAZNET_LIKE, SITE).der(), 3);

        SessionVerdict v = engine.judge(sent(List.of(leaf, QAZNET_LIKE.der())));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals("kz-qaznet-trust-network-2019", v.interceptor().id());
        assertTrue(v.chain().failures().contains(ChainFailure.BAD_SIGNATURE), v.chain().toString());
    }

    @Test
    void realQaznetRootWithOneSignatureByteBrokenIsStillCaughtByItsKey() {
        byte[] brokenSignature = brokenFromEnd(REAL_QAZNET.der(), 10);

        SessionVerdict v = engine.judge(sent(List.of(LEAF_UNDER_ORDINARY_NAME.der(), brokenSignature)));

        assertQaznetCaughtAtTheRootBy("spki_sha256", v, "the certificate's hash changed, its key's did not");
    }

    @Test
    void realQaznetRootWithOneKeyByteBrokenIsStillCaughtByItsName() throws IOException {
        byte[] spki = Certificate.getInstance(REAL_QAZNET.der()).getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
        byte[] brokenKey = REAL_QAZNET.der().clone();
        int keyAt = indexOf(brokenKey, spki);
        brokenKey[keyAt + spki.length / 2] ^= (byte) 0xff;

        SessionVerdict v = engine.judge(sent(List.of(LEAF_UNDER_ORDINARY_NAME.der(), brokenKey)));

        assertQaznetCaughtAtTheRootBy("issuer", v, "neither hash matches now, the name does");
    }

    /** Intercepted by the Kazakh entry, through the certificate after the leaf, first matched in {@code field}. */
    private static void assertQaznetCaughtAtTheRootBy(String field, SessionVerdict v, String why) {
        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals("kz-qaznet-trust-network-2019", v.interceptor().id());
        Map<String, String> facts = evidence(v, KnownInterceptorRule.ID).facts();
        assertEquals("1", facts.get("certificate_index"));
        assertEquals(field, facts.get("field"), why);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void everyTruncationOfTheForgedLeafIsJudgedWithoutThrowing() {
        byte[] leaf = forgedLeaf(QAZNET_LIKE, SITE).der();
        for (int length = 1; length < leaf.length; length += 7) {
            SessionVerdict v = engine.judge(sent(List.of(Arrays.copyOf(leaf, length), QAZNET_LIKE.der())));

            assertNotNull(v.chain(), "cut at " + length);
            assertEquals(Verdict.INTERCEPTED, v.verdict(), "the root sent after the leaf still names Qaznet, cut at " + length);
        }
    }

    @Test
    void unparseableLeafAloneNamesNoInterceptor() {
        byte[] leaf = SITE_LEAF.der();

        SessionVerdict v = engine.judge(sent(List.of(Arrays.copyOf(leaf, leaf.length / 2), PUBLIC_CA.der())));

        assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), v.chain().failures());
        assertNull(v.interceptor());
        assertFalse(v.verdict() == Verdict.INTERCEPTED || v.verdict() == Verdict.SUSPECTED, v.toString());
    }

    @Test
    void chainOfOneByteCertificatesIsJudgedWithoutThrowing() {
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            garbage.add(new byte[] {(byte) (0x30 + i)});
        }

        SessionVerdict v = engine.judge(sent(garbage));

        assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), v.chain().failures());
        assertNull(v.interceptor());
    }
}
