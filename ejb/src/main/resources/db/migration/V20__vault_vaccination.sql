-- Vaccinations: pushed one at a time like Sumehrs (docs/vault.md) — metadata in clear (who submitted, when, status),
-- the KMEHR message encrypted under the patient's data key and kept byte for byte. Portable SQL (H2, PostgreSQL).
CREATE TABLE vaccination (
    id              UUID            NOT NULL,
    patient_ref     VARCHAR(24)     NOT NULL,
    author_type     VARCHAR(8)      NOT NULL,
    author_id       VARCHAR(16)     NOT NULL,
    author_role     VARCHAR(16)     NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    document_date   VARCHAR(32)     NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    content         VARCHAR         NOT NULL,
    version         BIGINT          NOT NULL,
    CONSTRAINT pk_vaccination PRIMARY KEY (id)
);
CREATE INDEX ix_vaccination_patient ON vaccination (patient_ref, submitted_at);
