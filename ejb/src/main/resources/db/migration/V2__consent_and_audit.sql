-- Consent, therapeutic relationships, exclusions and the hash-chained audit trail.
-- Patients appear only as their keyed pseudonym (patient_ref); no SSIN of a patient is stored.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE TABLE patient_record (
    patient_ref VARCHAR(24) NOT NULL,
    changes     BIGINT      NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_patient_record PRIMARY KEY (patient_ref)
);

CREATE TABLE patient_consent (
    id              UUID        NOT NULL,
    patient_ref     VARCHAR(24) NOT NULL,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by_type VARCHAR(8)  NOT NULL,
    granted_by_id   VARCHAR(16) NOT NULL,
    granted_by_role VARCHAR(16) NOT NULL,
    proof           VARCHAR(24),
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by_type VARCHAR(8),
    revoked_by_id   VARCHAR(16),
    revoked_by_role VARCHAR(16),
    version         BIGINT      NOT NULL,
    CONSTRAINT pk_patient_consent PRIMARY KEY (id)
);
CREATE INDEX ix_patient_consent_patient ON patient_consent (patient_ref);

CREATE TABLE therapeutic_link (
    id              UUID        NOT NULL,
    patient_ref     VARCHAR(24) NOT NULL,
    party_type      VARCHAR(8)  NOT NULL,
    party_id        VARCHAR(16) NOT NULL,
    party_role      VARCHAR(16) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    proof           VARCHAR(24) NOT NULL,
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_type VARCHAR(8)  NOT NULL,
    created_by_id   VARCHAR(16) NOT NULL,
    created_by_role VARCHAR(16) NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by_type VARCHAR(8),
    revoked_by_id   VARCHAR(16),
    revoked_by_role VARCHAR(16),
    version         BIGINT      NOT NULL,
    CONSTRAINT pk_therapeutic_link PRIMARY KEY (id),
    CONSTRAINT ck_therapeutic_link_period CHECK (end_at > start_at)
);
CREATE INDEX ix_therapeutic_link_patient ON therapeutic_link (patient_ref);

CREATE TABLE therapeutic_exclusion (
    id              UUID        NOT NULL,
    patient_ref     VARCHAR(24) NOT NULL,
    party_type      VARCHAR(8)  NOT NULL,
    party_id        VARCHAR(16) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_type VARCHAR(8)  NOT NULL,
    created_by_id   VARCHAR(16) NOT NULL,
    created_by_role VARCHAR(16) NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by_type VARCHAR(8),
    revoked_by_id   VARCHAR(16),
    revoked_by_role VARCHAR(16),
    version         BIGINT      NOT NULL,
    CONSTRAINT pk_therapeutic_exclusion PRIMARY KEY (id)
);
CREATE INDEX ix_therapeutic_exclusion_patient ON therapeutic_exclusion (patient_ref);

-- Append-only: the application never updates or deletes a row; each row's hash covers its content
-- and the previous row's hash (crypto module's AuditChain), so any change is found by verification.
CREATE TABLE audit_entry (
    seq           BIGINT       NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    channel       VARCHAR(8)   NOT NULL,
    action        VARCHAR(48)  NOT NULL,
    caller_type   VARCHAR(8),
    caller_id     VARCHAR(16),
    caller_role   VARCHAR(16),
    caller_nihii  VARCHAR(16),
    caller_name   VARCHAR(120),
    patient_ref   VARCHAR(24),
    data_type     VARCHAR(24)  NOT NULL,
    operation     VARCHAR(8)   NOT NULL,
    decision      VARCHAR(40)  NOT NULL,
    basis         VARCHAR(32)  NOT NULL,
    btg_reason    VARCHAR(200),
    subject_id    VARCHAR(40),
    hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_entry_patient ON audit_entry (patient_ref, occurred_at);

-- The chain head: one row, locked by every append so that entries are chained in one order
-- across all nodes of a cluster.
CREATE TABLE audit_head (
    id   INTEGER     NOT NULL,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, -1, '0000000000000000000000000000000000000000000000000000000000000000');
