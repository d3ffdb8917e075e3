package io.tlswatch.analyzer.privacy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the {@value CryptoPan#KEY_LENGTH}-byte Crypto-PAn key from a file, the only place it may
 * come from (a command line is visible to every user of the machine, and kept in shell histories).
 * The file must hold exactly the key's bytes (make one with {@code head -c 32 /dev/urandom > KEY})
 * and, where the file system has POSIX permissions, must not be readable or writable by group or
 * others ({@code chmod 600 KEY}): whoever reads the key can undo the pseudonyms of any address they
 * can guess. Each refusal is one line that names the file and what to do.
 */
public final class PseudonymisationKey {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private PseudonymisationKey() {
    }

    /**
     * The key in {@code file}.
     *
     * @throws KeyFileException with a one-line message when the file is missing, not a regular
     *         file, of another size, too open, or unreadable
     */
    public static byte[] read(Path file) throws KeyFileException {
        if (!Files.isRegularFile(file)) {
            throw new KeyFileException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such key file")
                    + " (make one with: head -c 32 /dev/urandom > " + file + "; chmod 600 " + file + ")");
        }
        try {
            long size = Files.size(file);
            if (size != CryptoPan.KEY_LENGTH) {
                throw new KeyFileException(file + ": a pseudonymisation key is " + CryptoPan.KEY_LENGTH
                        + " bytes, this file has " + size);
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> open = EnumSet.copyOf(TOO_OPEN);
                open.retainAll(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
                if (!open.isEmpty()) {
                    throw new KeyFileException(file + ": the key is open to group or others (" + open
                            + "); chmod 600 " + file);
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != CryptoPan.KEY_LENGTH) {
                throw new KeyFileException(file + ": changed while it was read");
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file + ": no such key file");
        } catch (AccessDeniedException e) {
            throw new KeyFileException(file + ": permission denied");
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read the key: " + e.getMessage());
        }
    }

    /** A key file that cannot be used, with a one-line message for the user. */
    public static final class KeyFileException extends IOException {
        private static final long serialVersionUID = 1L;

        KeyFileException(String message) {
            super(message);
        }
    }
}
