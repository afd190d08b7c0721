package org.carevault.crypto.atrest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.util.Collections;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.carevault.crypto.pki.Pkcs12;

/**
 * A custodian whose key-encryption keys (AES-256, one per version: aliases {@code kek-1},
 * {@code kek-2}, …) live in a PKCS#12 file outside the database. Shares are wrapped with
 * AES-256-GCM bound to custodian, key version and context. Rotation adds a version; old versions
 * stay for unwrapping until every share has been re-wrapped, then may be retired.
 */
public final class Pkcs12Custodian extends VersionedKeyCustodian {

    private final Path file;
    private final char[] password;

    private Pkcs12Custodian(String id, Path file, char[] password) {
        super(id);
        this.file = file;
        this.password = password.clone();
    }

    /** Opens the custodian's key store, creating it with a first key when it does not exist yet. */
    public static synchronized Pkcs12Custodian openOrCreate(String id, Path file, char[] password) {
        Pkcs12Custodian custodian = new Pkcs12Custodian(id, file, password);
        if (Files.exists(file)) {
            custodian.load();
        } else {
            custodian.keys.put(1, newKey());
            custodian.save();
        }
        return custodian;
    }

    @Override
    Provider provider() {
        return null;
    }

    /** Adds a new key version; new shares are wrapped with it, old ones still unwrap. */
    public synchronized int rotate() {
        int version = keys.lastKey() + 1;
        keys.put(version, newKey());
        save();
        return version;
    }

    /** Removes the key versions below the given one, once no share needs them any more. */
    public synchronized void retireBelow(int version) {
        if (version > keys.lastKey()) {
            throw new IllegalArgumentException("cannot retire the current key");
        }
        keys.headMap(version).clear();
        save();
    }

    private void load() {
        KeyStore store = Pkcs12.read(file, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(ALIAS_PREFIX)) {
                    keys.put(Integer.parseInt(alias.substring(ALIAS_PREFIX.length())), (SecretKey) store.getKey(alias, password));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new RecordCipherException("cannot read the custodian's keys", e);
        }
        if (keys.isEmpty()) {
            throw new RecordCipherException("the custodian's key store holds no key", null);
        }
    }

    private void save() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (var entry : keys.entrySet()) {
                store.setEntry(ALIAS_PREFIX + entry.getKey(), new KeyStore.SecretKeyEntry(entry.getValue()),
                        new KeyStore.PasswordProtection(password));
            }
            Pkcs12.write(file, store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new RecordCipherException("cannot write the custodian's keys", e);
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new RecordCipherException("AES is not available", e);
        }
    }
}
