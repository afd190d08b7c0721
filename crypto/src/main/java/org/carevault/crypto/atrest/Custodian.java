package org.carevault.crypto.atrest;

/**
 * A key custodian (SPI): holds a key-encryption key that never leaves it and wraps or unwraps one
 * share of a data key. Two independent custodians each hold one share, so that the database plus
 * one custodian reveals nothing (see {@link DataKeyEscrow}). Implementations: a PKCS#12 key store
 * for the embedded default ({@link Pkcs12Custodian}); a PKCS#11 token in production.
 */
public interface Custodian {

    /** A stable name, recorded with every wrapped share. */
    String id();

    /** Wraps a share under the custodian's current key, bound to the context (e.g. the patient reference). */
    WrappedShare wrap(byte[] share, byte[] context);

    /** Unwraps a share wrapped by this custodian under any key version it still holds. */
    byte[] unwrap(WrappedShare wrapped, byte[] context);

    /** The version of the key {@link #wrap} uses now. */
    int currentVersion();
}
