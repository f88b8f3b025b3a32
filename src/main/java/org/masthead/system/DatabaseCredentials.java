package org.masthead.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded database's passwords, generated on first start and kept in its data directory in a file only the
 * owner can read (mode 0600): the superuser's, used only to create and maintain the application role, and the
 * application role's, which the connection pool uses.
 */
record DatabaseCredentials(String superuserPassword, String applicationRole, String applicationPassword) {

    static final String FILE_NAME = "masthead-credentials.properties";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials generate(String applicationRole) {
        return new DatabaseCredentials(password(), applicationRole, password());
    }

    static Path fileIn(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    static Optional<DatabaseCredentials> read(Path dataDirectory) {
        Path file = fileIn(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database credentials in " + file, e);
        }
        String superuser = properties.getProperty("superuser.password");
        String role = properties.getProperty("application.role");
        String password = properties.getProperty("application.password");
        if (superuser == null || role == null || password == null) {
            throw new IllegalStateException(file + " is incomplete; restore it from a backup of the data directory.");
        }
        return Optional.of(new DatabaseCredentials(superuser, role, password));
    }

    /** Written aside and moved into place, readable by the owner only, so no one ever sees a partial file. */
    void write(Path dataDirectory) {
        Path file = fileIn(dataDirectory);
        Properties properties = new Properties();
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("application.role", applicationRole);
        properties.setProperty("application.password", applicationPassword);
        try {
            Path temporary = dataDirectory.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Masthead's embedded PostgreSQL: keep this file private (mode 0600)");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the database credentials to " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[role=" + applicationRole + "]"; // never the passwords, not even in a log
    }

    private static String password() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
