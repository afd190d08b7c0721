-- The vault: per-patient data keys (two wrapped shares, never the key) and the versioned medication scheme.
-- Only what lookups need is in clear (patient reference, versions, element ids and kinds, times, authors);
-- every KMEHR text (patient, scheme, elements) is AES-256-GCM under the patient's data key, bound to its row.
-- Portable SQL (H2, PostgreSQL).

CREATE TABLE patient_data_key (
    patient_ref        VARCHAR(24)  NOT NULL,
    first_custodian    VARCHAR(32)  NOT NULL,
    first_key_version  INTEGER      NOT NULL,
    first_share        VARCHAR(1024) NOT NULL,
    second_custodian   VARCHAR(32)  NOT NULL,
    second_key_version INTEGER      NOT NULL,
    second_share       VARCHAR(1024) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_patient_data_key PRIMARY KEY (patient_ref)
);

-- The current version of each patient's scheme: the row every write updates "where version = based-on".
CREATE TABLE medication_scheme (
    patient_ref VARCHAR(24) NOT NULL,
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_medication_scheme PRIMARY KEY (patient_ref)
);

CREATE TABLE medication_scheme_version (
    patient_ref  VARCHAR(24)     NOT NULL,
    version      BIGINT          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    author_type  VARCHAR(8)      NOT NULL,
    author_id    VARCHAR(16)     NOT NULL,
    author_role  VARCHAR(16)     NOT NULL,
    channel      VARCHAR(8)      NOT NULL,
    frame        VARCHAR(4000000) NOT NULL,
    CONSTRAINT pk_medication_scheme_version PRIMARY KEY (patient_ref, version)
);

CREATE TABLE medication_scheme_element (
    patient_ref VARCHAR(24)     NOT NULL,
    version     BIGINT          NOT NULL,
    position    INTEGER         NOT NULL,
    element_id  UUID            NOT NULL,
    kind        VARCHAR(32)     NOT NULL,
    content     VARCHAR(4000000) NOT NULL,
    CONSTRAINT pk_medication_scheme_element PRIMARY KEY (patient_ref, version, position)
);
CREATE INDEX ix_medication_scheme_element_id ON medication_scheme_element (element_id);
