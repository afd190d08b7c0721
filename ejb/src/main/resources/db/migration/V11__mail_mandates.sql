-- Mandates: a box's owner lets another party (a person by SSIN, an organisation by NIHII) consult the box.
CREATE TABLE mail_mandate (
    id             UUID        NOT NULL,
    owner_type     VARCHAR(8)  NOT NULL,
    owner_id       VARCHAR(16) NOT NULL,
    quality        VARCHAR(16) NOT NULL,
    mandatee_type  VARCHAR(8)  NOT NULL,
    mandatee_id    VARCHAR(16) NOT NULL,
    granted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_mail_mandate PRIMARY KEY (id)
);
CREATE INDEX ix_mail_mandate_mandatee ON mail_mandate (mandatee_type, mandatee_id);
