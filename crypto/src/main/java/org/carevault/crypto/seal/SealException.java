package org.carevault.crypto.seal;

/** A sealed message that cannot be opened, with the specific reason. */
public class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a message could not be sealed or unsealed. */
    public enum Reason {
        /** Not a sealed CareVault message at all. */
        MALFORMED,
        /** The given key is not among the message's recipients. */
        NOT_A_RECIPIENT,
        /** A signature or the authenticated encryption does not verify: bytes were changed. */
        TAMPERED,
        /** The signer's certificate does not chain to a trusted anchor. */
        SIGNER_NOT_TRUSTED,
        /** The signer's certificate was not valid at the time that counts. */
        CERTIFICATE_EXPIRED,
        /** The signer's certificate had been revoked (by a CRL of its issuer) at the time that counts. */
        CERTIFICATE_REVOKED,
        /** The inner (non-repudiation) and outer (authentication) signatures are by different certificates. */
        SIGNERS_DIFFER,
        /** A signature, key transport or content encryption algorithm outside the allowed set. */
        ALGORITHM_NOT_ALLOWED
    }

    private final Reason reason;

    public SealException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
