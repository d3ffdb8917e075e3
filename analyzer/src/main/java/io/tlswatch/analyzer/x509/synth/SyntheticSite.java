package io.tlswatch.analyzer.x509.synth;

/**
 * A web site of the synthetic PKI: the name clients ask for and the chain its own server sends,
 * issued by one of the public-like CAs.
 *
 * @param index    0 to the number of sites - 1
 * @param hostName what clients put in their server_name
 * @param chain    leaf and intermediate
 */
public record SyntheticSite(int index, String hostName, ServerChain chain) {
}
