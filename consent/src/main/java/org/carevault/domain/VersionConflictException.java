package org.carevault.domain;

/** A write based on a stale version: refused, with the version that is current now. */
public class VersionConflictException extends CareVaultException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public VersionConflictException(long currentVersion) {
        super(ErrorCode.VERSION_CONFLICT, "The current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
