package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STARTTLS recording's manifest, read back row by row, and what a broken one is told. */
class StarttlsConnectionTest {
    private static final String SMTP = "1\tsmtp\t22985\tsmtp.starttls.test\tsmtp.starttls.test.crt.pem\taiosmtpd";
    private static final String LDAP = "7\tldap\t22991\tldap.starttls.test\tldap.starttls.test.crt.pem\tslapd";

    @Test
    void readsEveryRowAfterTheHeader(@TempDir Path dir) throws IOException {
        Path manifest = Files.write(dir.resolve("manifest.tsv"), List.of(StarttlsConnection.HEADER, SMTP, LDAP, ""));
        List<StarttlsConnection> rows = StarttlsConnection.readManifest(manifest);
        assertEquals(List.of("smtp", "ldap"), rows.stream().map(StarttlsConnection::protocol).toList());
        assertEquals(new StarttlsConnection(7, "ldap", 22991, "ldap.starttls.test", "ldap.starttls.test.crt.pem",
                "slapd"), rows.get(1));
    }

    @Test
    void manifestOfTheInterceptionLabIsRefused(@TempDir Path dir) throws IOException {
        Path other = Files.write(dir.resolve("manifest.tsv"), List.of(LabConnection.HEADER, SMTP));
        assertThrows(IllegalArgumentException.class, () -> StarttlsConnection.readManifest(other));
    }

    @Test
    void rowWithAColumnMissingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StarttlsConnection.parse(SMTP.replace("\taiosmtpd", "")));
    }

    @Test
    void portOutsideTcpsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StarttlsConnection.parse(SMTP.replace("22985", "65536")));
        assertThrows(IllegalArgumentException.class, () -> StarttlsConnection.parse(SMTP.replace("22985", "0")));
        assertThrows(NumberFormatException.class, () -> StarttlsConnection.parse(SMTP.replace("22985", "port")));
    }

    @Test
    void certificateOutsideTheRecordingsFolderIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StarttlsConnection.parse(SMTP.replace("smtp.starttls.test.crt.pem", "../../etc/ssl/cert.pem")));
        assertThrows(IllegalArgumentException.class,
                () -> StarttlsConnection.parse(SMTP.replace("\tsmtp.starttls.test.crt.pem", "\t")));
    }
}
