package org.carevault.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The installation's generated secrets (database, key stores, client secrets, operator passwords),
 * kept in one owner-only file. A secret is generated the first time it is asked for and then
 * stays, so a second start finds the same database and key stores.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    Secrets(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            }
        }
    }

    String get(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(name, value);
        }
        return value;
    }

    void save() throws IOException {
        writePrivate(file, values, "CareVault generated secrets: keep private, never commit");
    }

    /** Writes properties to a file only its owner can read: created afresh with mode 600, never widened. */
    static void writePrivate(Path file, Properties properties, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, comment);
        }
    }
}
