package org.carevault.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 through the JDK, without the checked exception every caller would otherwise catch. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, to feed in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required", e);
        }
    }

    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    /** The digest in lower-case hexadecimal. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(of(data));
    }
}
