package org.carevault.crypto.atrest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "double key" of the vault: a per-patient AES-256 data key is split into two XOR shares, each
 * wrapped by a different, independent custodian. Recovering the key needs both custodians; one share
 * alone is a uniformly random string that says nothing about the key.
 */
public final class DataKeyEscrow {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Custodian first;
    private final Custodian second;

    public DataKeyEscrow(Custodian first, Custodian second) {
        if (first.id().equals(second.id())) {
            throw new IllegalArgumentException("the two custodians must be independent");
        }
        this.first = first;
        this.second = second;
    }

    /** A new data key and its escrow (the only form in which it may be stored). */
    public record NewKey(SecretKey dataKey, EscrowedKey escrowed) {
    }

    /** What the database stores for one data key: a share from each custodian. */
    public record EscrowedKey(WrappedShare first, WrappedShare second) {
    }

    public NewKey create(byte[] context) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] shareA = new byte[KEY_BYTES];
        RANDOM.nextBytes(shareA);
        byte[] shareB = xor(key, shareA);
        try {
            EscrowedKey escrowed = new EscrowedKey(first.wrap(shareA, context), second.wrap(shareB, context));
            return new NewKey(new SecretKeySpec(key, "AES"), escrowed);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(shareA, (byte) 0);
            Arrays.fill(shareB, (byte) 0);
        }
    }

    public SecretKey recover(EscrowedKey escrowed, byte[] context) {
        requireCustodians(escrowed);
        byte[] shareA = first.unwrap(escrowed.first(), context);
        byte[] shareB = second.unwrap(escrowed.second(), context);
        byte[] key = xor(shareA, shareB);
        try {
            return new SecretKeySpec(key, "AES");
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(shareA, (byte) 0);
            Arrays.fill(shareB, (byte) 0);
        }
    }

    /**
     * Re-wraps each share under its custodian's current key (after a key rotation). The data key and
     * so every record encrypted with it stay as they are.
     */
    public EscrowedKey rewrap(EscrowedKey escrowed, byte[] context) {
        requireCustodians(escrowed);
        return new EscrowedKey(rewrap(first, escrowed.first(), context), rewrap(second, escrowed.second(), context));
    }

    private static WrappedShare rewrap(Custodian custodian, WrappedShare share, byte[] context) {
        if (share.keyVersion() == custodian.currentVersion()) {
            return share;
        }
        byte[] plain = custodian.unwrap(share, context);
        try {
            return custodian.wrap(plain, context);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void requireCustodians(EscrowedKey escrowed) {
        if (!first.id().equals(escrowed.first().custodianId()) || !second.id().equals(escrowed.second().custodianId())) {
            throw new RecordCipherException("the key was escrowed with other custodians", null);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /** Binds a wrapped share to its custodian, key version and context, as associated data. */
    static byte[] shareBinding(String custodianId, int version, byte[] context) {
        byte[] label = ("carevault-share|" + custodianId + "|" + version + "|").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(label, label.length + context.length);
        System.arraycopy(context, 0, out, label.length, context.length);
        return out;
    }
}
