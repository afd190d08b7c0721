-- Time-stamped anchors of the audit chain: the head's sequence and hash, and the RFC 3161 token of the
-- hub's time-stamp authority over them (base64 of the DER token). Portable SQL (H2, PostgreSQL).
CREATE TABLE audit_anchor (
    seq         BIGINT         NOT NULL,
    head_hash   VARCHAR(64)    NOT NULL,
    token       VARCHAR(16000) NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_audit_anchor PRIMARY KEY (seq)
);
