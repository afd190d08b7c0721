package org.carevault.domain;

import java.util.UUID;

/** Object ids as callers send them (in a path or a request): a malformed one names nothing, so it is simply not found. */
public final class ObjectIds {

    private ObjectIds() {
    }

    public static UUID parse(String id) {
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
