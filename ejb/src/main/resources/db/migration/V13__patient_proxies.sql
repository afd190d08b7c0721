-- Proxies: a person (a patient of the hub, by their patient reference) who may act for the patient in the portal,
-- appointed by the patient or, for a legal representative, linked by an operator. The names are sealed under the
-- represented patient's data key (AES-GCM, bound to the row's id); nothing here names anyone in clear.
CREATE TABLE patient_proxy (
    id              UUID        NOT NULL,
    patient_ref     VARCHAR(24) NOT NULL,
    proxy_ref       VARCHAR(24) NOT NULL,
    kind            VARCHAR(24) NOT NULL,
    valid_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until     TIMESTAMP WITH TIME ZONE,
    names           BYTEA           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_type VARCHAR(8)  NOT NULL,
    created_by_id   VARCHAR(24) NOT NULL,
    created_by_role VARCHAR(16) NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by_type VARCHAR(8),
    revoked_by_id   VARCHAR(24),
    revoked_by_role VARCHAR(16),
    version         BIGINT      NOT NULL,
    CONSTRAINT pk_patient_proxy PRIMARY KEY (id)
);
CREATE INDEX ix_patient_proxy_patient ON patient_proxy (patient_ref);
CREATE INDEX ix_patient_proxy_proxy ON patient_proxy (proxy_ref);
