package org.carevault.crypto.atrest;

import java.security.Provider;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * What every custodian with numbered key-encryption keys shares: shares are wrapped with AES-256-GCM
 * under the newest key, bound to custodian, key version and context, and unwrapped under whichever
 * version wrapped them. Subclasses say where the keys live and how a new version is made.
 */
abstract class VersionedKeyCustodian implements Custodian {

    static final String ALIAS_PREFIX = "kek-";

    private final String id;
    /** Key versions, oldest first; guarded by this. */
    final TreeMap<Integer, SecretKey> keys = new TreeMap<>();

    VersionedKeyCustodian(String id) {
        this.id = id;
    }

    /** The provider that holds the keys, or null for the JDK's default. */
    abstract Provider provider();

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final synchronized int currentVersion() {
        return keys.lastKey();
    }

    @Override
    public final synchronized WrappedShare wrap(byte[] share, byte[] context) {
        int version = keys.lastKey();
        return new WrappedShare(id, version,
                RecordCipher.encrypt(provider(), keys.get(version), share, DataKeyEscrow.shareBinding(id, version, context)));
    }

    @Override
    public final synchronized byte[] unwrap(WrappedShare wrapped, byte[] context) {
        SecretKey key = keys.get(wrapped.keyVersion());
        if (!id.equals(wrapped.custodianId()) || key == null) {
            throw new RecordCipherException("this custodian does not hold the key for that share", null);
        }
        return RecordCipher.decrypt(provider(), key, wrapped.wrapped(),
                DataKeyEscrow.shareBinding(id, wrapped.keyVersion(), context));
    }
}
