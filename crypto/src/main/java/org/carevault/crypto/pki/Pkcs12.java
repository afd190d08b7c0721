package org.carevault.crypto.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads and writes PKCS#12 key stores (the JDK's implementation: AES-256 and PBKDF2 protection). */
public final class Pkcs12 {

    private Pkcs12() {
    }

    public static void writeCredential(Path file, String alias, Credential credential, char[] password) {
        KeyStore store = empty();
        try {
            store.setKeyEntry(alias, credential.privateKey(), password,
                    credential.chain().toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot store the key", e);
        }
        write(file, store, password);
    }

    public static void writeTrustStore(Path file, Map<String, X509Certificate> anchors, char[] password) {
        KeyStore store = empty();
        try {
            for (Map.Entry<String, X509Certificate> anchor : anchors.entrySet()) {
                store.setCertificateEntry(anchor.getKey(), anchor.getValue());
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot store the certificate", e);
        }
        write(file, store, password);
    }

    /** Reads the single key entry of a store written by {@link #writeCredential}. */
    public static Credential readCredential(Path file, char[] password) {
        KeyStore store = read(file, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new Credential((PrivateKey) store.getKey(alias, password), chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot read the key", e);
        }
        throw new PkiException("the key store holds no key", null);
    }

    public static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot read the key store", e);
        }
    }

    private static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("PKCS#12 is not available", e);
        }
    }

    /** Writes a key store atomically (a temporary file moved into place). */
    public static void write(Path file, KeyStore store, char[] password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot write the key store", e);
        }
    }
}
