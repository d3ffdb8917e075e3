/**
 * The interceptor catalogue: who is known to forge certificates, and how to recognise their
 * certificates in a chain. One piece of evidence for the interception verdict.
 *
 * <p>{@link io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue} loads the shipped file
 * ({@code interceptors.catalogue}, a resource here; every entry cites a source) and merges users'
 * files over it; {@link io.tlswatch.analyzer.verdict.catalogue.CatalogueMatcher} finds its entries
 * in a chain of {@link io.tlswatch.analyzer.x509.CertificateInfo} and answers
 * {@link io.tlswatch.analyzer.verdict.catalogue.ChainMatches}: each
 * {@link io.tlswatch.analyzer.verdict.catalogue.CatalogueMatch} names the
 * {@link io.tlswatch.analyzer.verdict.catalogue.InterceptorEntry} and its
 * {@link io.tlswatch.analyzer.verdict.catalogue.MatchEvidence}.
 *
 * <h2>Catalogue files</h2>
 * UTF-8 text, one fact per line. {@code #} starts a comment line; {@code [id]} starts an entry
 * ({@code [a-z0-9]} words joined by {@code -}); under it {@code key = value} lines:
 * <ul>
 * <li>{@code name} (once): a human name;</li>
 * <li>{@code class} (once): one of {@code government}, {@code corporate}, {@code security-product},
 * {@code parental-control}, {@code malware}, {@code testing-tool}, {@code unknown},
 * {@code sanctioned} ({@link io.tlswatch.analyzer.verdict.catalogue.InterceptorClass});</li>
 * <li>{@code cert_sha256}, {@code spki_sha256} (any number): SHA-256 of a certificate's DER or of
 * its DER SubjectPublicKeyInfo, 64 hex digits, colons between pairs allowed;</li>
 * <li>{@code issuer} (any number): an attribute pattern, {@code CN=FortiGate CA, O=Fortinet}:
 * every listed attribute (CN, O, OU, C, L, ST) must be present with a matching value; values
 * compare whole and ignoring case, {@code *} matches any run of characters; a pattern must test
 * CN, O or OU, and a value with {@code *} must keep four literal characters; escape
 * {@code , + \ *} in values with {@code \} (RFC 4514 section 2.4);</li>
 * <li>{@code issuer_dn} (any number): a whole name, {@code CN=Security Certificate, C=KZ}: the
 * certificate's name must hold exactly these attributes (any order, ignoring case, no
 * wildcards);</li>
 * <li>{@code source} (at least one): where a reader can check the entry;</li>
 * <li>{@code enabled} (once, user files): {@code false} drops the entry of that id.</li>
 * </ul>
 * Name patterns are tried on the issuer of every certificate and the subject of every certificate
 * but the server's own. An entry needs a name, a class, a source and at least one hash or name.
 *
 * <p>Files by job: {@code CatalogueReader} cuts text into stanzas, {@code EntryCompiler} checks
 * and compiles one, {@code InterceptorCatalogue} merges; {@code DnText} reads RFC 4514 names,
 * {@code Glob}, {@code NamePattern}, {@code NameAttribute}, {@code DnKey} and {@code FoldedName}
 * match them; {@code CatalogueLimits} holds every bound.
 */
package io.tlswatch.analyzer.verdict.catalogue;
