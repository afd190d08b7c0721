package org.carevault.application.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.carevault.crypto.identity.Ssin;
import org.carevault.domain.consent.PatientRef;

/**
 * Turns an SSIN into the patient's reference: HMAC-SHA-256 under the hub's pseudonym key, cut to
 * 18 bytes (144 bits) and written as base64url. The key is generated at first start into the hub's
 * key directory (owner-only), never into the database; every node of a cluster must share it.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class PatientRefs {

    static final String KEY_DIRECTORY_PROPERTY = "carevault.keys.dir";
    private static final String KEY_FILE = "patient-ref.key";
    private static final byte[] LABEL = "carevault-patient-ref-v1:".getBytes(StandardCharsets.US_ASCII);

    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        Path file = keyDirectory().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path partial = Files.createTempFile(file.getParent(), ".patient-ref", ".part");
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                Files.write(partial, fresh);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != 32) {
                throw new IllegalStateException("the patient reference key must hold 32 bytes");
            }
            key = new SecretKeySpec(bytes, "HmacSHA256");
            Arrays.fill(bytes, (byte) 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the patient reference key", e);
        }
    }

    static Path keyDirectory() {
        String configured = System.getProperty(KEY_DIRECTORY_PROPERTY);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.data.dir", "."), "carevault", "keys");
    }

    public PatientRef of(Ssin ssin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            byte[] digest = mac.doFinal(ssin.value().getBytes(StandardCharsets.US_ASCII));
            return new PatientRef(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is required", e);
        }
    }
}
