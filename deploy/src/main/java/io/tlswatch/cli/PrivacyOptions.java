package io.tlswatch.cli;

import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.privacy.CryptoPan;
import io.tlswatch.analyzer.privacy.PseudonymisationKey;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say what of the users may leave the analyzer: client addresses pseudonymised
 * with a key read from a file (never given on the command line, where every user of the machine
 * sees it), and server names of clean sessions left out. Shared by every command that writes
 * documents.
 */
final class PrivacyOptions {

    @Option(names = "--pseudonymise-clients", paramLabel = "KEYFILE",
            description = "Write each client address as its keyed prefix-preserving pseudonym (Crypto-PAn; subnets "
                    + "stay comparable). KEYFILE holds 32 random bytes and is readable by its owner only: "
                    + "head -c 32 /dev/urandom > KEYFILE; chmod 600 KEYFILE. The same key gives the same pseudonyms.")
    Path keyFile;

    @Option(names = "--drop-clean-server-names",
            description = "Leave tls.client.server_name out of clean sessions (sessions with evidence keep it).")
    boolean dropCleanServerNames;

    /** The privacy these options ask for; a key file that cannot be used is a one-line {@link IOException}. */
    ClientPrivacy build() throws IOException {
        CryptoPan pseudonyms = keyFile != null ? new CryptoPan(PseudonymisationKey.read(keyFile)) : null;
        return new ClientPrivacy(pseudonyms, dropCleanServerNames);
    }
}
