package org.carevault.interfaces.rest;

import java.util.UUID;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/** Object ids in paths: a malformed one names nothing, so it is simply not found. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String id) {
        try {
            if (id == null || id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
    }
}
