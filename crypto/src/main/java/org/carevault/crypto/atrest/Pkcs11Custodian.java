package org.carevault.crypto.atrest;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * A custodian whose key-encryption keys live in a PKCS#11 token (an HSM; SoftHSM2 in tests) and
 * never leave it: generated on the token as sensitive, non-extractable AES-256 keys (aliases
 * {@code kek-1}, {@code kek-2}, …), used there for AES-256-GCM wrapping of shares. Rotation as in
 * {@link Pkcs12Custodian}.
 */
public final class Pkcs11Custodian extends VersionedKeyCustodian {

    private final Provider provider;
    private final KeyStore store;

    private Pkcs11Custodian(String id, Provider provider, KeyStore store) {
        super(id);
        this.provider = provider;
        this.store = store;
    }

    /**
     * Opens the token through the JDK's SunPKCS11 provider.
     *
     * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot    the token's slot id
     * @param pin     the user PIN
     */
    public static synchronized Pkcs11Custodian open(String id, String library, long slot, char[] pin) {
        String config = String.join("\n", "--name=carevault-" + id, "library=" + library, "slot=" + slot,
                "attributes(generate,CKO_SECRET_KEY,CKK_AES) = {",
                "  CKA_TOKEN = true", "  CKA_SENSITIVE = true", "  CKA_EXTRACTABLE = false", "}");
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            Pkcs11Custodian custodian = new Pkcs11Custodian(id, provider, store);
            custodian.load();
            if (custodian.keys.isEmpty()) {
                custodian.rotate();
            }
            return custodian;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new RecordCipherException("cannot open the PKCS#11 token", e);
        }
    }

    @Override
    Provider provider() {
        return provider;
    }

    /** Generates a new key version on the token. */
    public synchronized int rotate() {
        int version = keys.isEmpty() ? 1 : keys.lastKey() + 1;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            SecretKey key = generator.generateKey();
            store.setEntry(ALIAS_PREFIX + version, new KeyStore.SecretKeyEntry(key), null);
            keys.put(version, (SecretKey) store.getKey(ALIAS_PREFIX + version, null));
            return version;
        } catch (GeneralSecurityException e) {
            throw new RecordCipherException("cannot generate a key on the token", e);
        }
    }

    private void load() throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (alias.startsWith(ALIAS_PREFIX) && store.isKeyEntry(alias)) {
                keys.put(Integer.parseInt(alias.substring(ALIAS_PREFIX.length())), (SecretKey) store.getKey(alias, null));
            }
        }
    }
}
