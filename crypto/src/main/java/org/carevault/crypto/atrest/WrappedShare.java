package org.carevault.crypto.atrest;

import java.util.Arrays;
import java.util.Objects;

/** One share of a data key, wrapped by a custodian's key of the given version. */
public record WrappedShare(String custodianId, int keyVersion, byte[] wrapped) {

    public WrappedShare {
        Objects.requireNonNull(custodianId, "custodianId");
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedShare share && share.custodianId.equals(custodianId)
                && share.keyVersion == keyVersion && Arrays.equals(share.wrapped, wrapped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(custodianId, keyVersion, Arrays.hashCode(wrapped));
    }

    @Override
    public String toString() {
        return "WrappedShare[" + custodianId + " v" + keyVersion + "]";
    }
}
