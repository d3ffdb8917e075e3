/**
 * A synthetic PKI for generated captures, made with Bouncy Castle from a seed: public-like roots
 * and intermediates, a leaf per site, and interception CAs named as the shipped catalogue's
 * entries that forge copies of those leaves the way real interception proxies do.
 *
 * <ul>
 * <li>{@link io.tlswatch.analyzer.x509.synth.SyntheticPki} makes and keeps them, and writes the
 * roots as PEM for a replay's {@code --extra-roots};</li>
 * <li>{@link io.tlswatch.analyzer.x509.synth.SyntheticSite},
 * {@link io.tlswatch.analyzer.x509.synth.ServerChain} and
 * {@link io.tlswatch.analyzer.x509.synth.SyntheticInterceptor} are what it hands out: JDK types
 * and DER bytes only, so the packages that write TLS bytes need no Bouncy Castle;</li>
 * <li>inside: {@code SeededRandom} and {@code SynthKey} make randomness and keys a pure function of
 * the seed, {@code CertificateIssuance} says what each kind of certificate carries,
 * {@code SyntheticScts} and {@code SiteNames} fill in the rest.</li>
 * </ul>
 *
 * <p>These certificates are for test traffic only: their keys follow from a seed anyone can read.
 */
package io.tlswatch.analyzer.x509.synth;
