-- The secure mailbox (docs/mailbox.md): the key directory (encryption tokens) and messages the hub only routes.
-- The hub never holds a message's plaintext: content, subject and annexes are one sealed CMS message (crypto
-- module) that only the recipients and the sender can open. In clear: who sent to whom, sizes, flags, times.
-- Portable SQL (H2, PostgreSQL).

CREATE TABLE etk (
    id            UUID          NOT NULL,
    owner_type    VARCHAR(8)    NOT NULL,
    owner_id      VARCHAR(16)   NOT NULL,
    quality       VARCHAR(16)   NOT NULL,
    token         VARCHAR(32000) NOT NULL,
    fingerprint   VARCHAR(64)   NOT NULL,
    not_after     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_etk PRIMARY KEY (id),
    CONSTRAINT uq_etk_fingerprint UNIQUE (fingerprint)
);
CREATE INDEX ix_etk_owner ON etk (owner_type, owner_id, quality);

CREATE TABLE mail_message (
    id               UUID         NOT NULL,
    sender_type      VARCHAR(8)   NOT NULL,
    sender_id        VARCHAR(16)  NOT NULL,
    sender_quality   VARCHAR(16)  NOT NULL,
    recipients       VARCHAR(4000) NOT NULL,
    publication_id   VARCHAR(64)  NOT NULL,
    patient_ref      VARCHAR(24),
    size_bytes       BIGINT       NOT NULL,
    content_sha256   VARCHAR(64)  NOT NULL,
    important        BOOLEAN      NOT NULL,
    receipt_received BOOLEAN      NOT NULL,
    receipt_read     BOOLEAN      NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mail_message PRIMARY KEY (id),
    CONSTRAINT uq_mail_publication UNIQUE (sender_type, sender_id, sender_quality, publication_id)
);
CREATE INDEX ix_mail_message_sent ON mail_message (sent_at);

-- The sealed bytes, apart so that listing never loads them.
CREATE TABLE mail_content (
    message_id UUID    NOT NULL,
    sealed     BYTEA   NOT NULL,
    CONSTRAINT pk_mail_content PRIMARY KEY (message_id),
    CONSTRAINT fk_mail_content_message FOREIGN KEY (message_id) REFERENCES mail_message (id) ON DELETE CASCADE
);

-- One row per box holding a message: the sender's copy (SENTBOX) and each recipient's (INBOX).
CREATE TABLE mail_box_entry (
    id           UUID         NOT NULL,
    message_id   UUID         NOT NULL,
    owner_type   VARCHAR(8)   NOT NULL,
    owner_id     VARCHAR(16)  NOT NULL,
    quality      VARCHAR(16)  NOT NULL,
    is_recipient BOOLEAN      NOT NULL,
    folder       VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    arrived_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE,
    read_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_mail_box_entry PRIMARY KEY (id),
    CONSTRAINT uq_mail_box_entry UNIQUE (message_id, owner_type, owner_id, quality, is_recipient),
    CONSTRAINT fk_mail_box_entry_message FOREIGN KEY (message_id) REFERENCES mail_message (id) ON DELETE CASCADE
);
CREATE INDEX ix_mail_box_entry_owner ON mail_box_entry (owner_type, owner_id, quality, folder, arrived_at);

-- Receipts (published, received, read) per recipient, each with the hub's RFC 3161 time-stamp token.
CREATE TABLE mail_receipt (
    id             UUID         NOT NULL,
    message_id     UUID         NOT NULL,
    recipient_type VARCHAR(8)   NOT NULL,
    recipient_id   VARCHAR(16)  NOT NULL,
    quality        VARCHAR(16)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    time_stamp     VARCHAR(16000),
    CONSTRAINT pk_mail_receipt PRIMARY KEY (id),
    CONSTRAINT uq_mail_receipt UNIQUE (message_id, recipient_type, recipient_id, quality, kind),
    CONSTRAINT fk_mail_receipt_message FOREIGN KEY (message_id) REFERENCES mail_message (id) ON DELETE CASCADE
);

-- Out-of-office periods, each with up to five substitutes ("TYPE:ID:QUALITY" separated by spaces).
CREATE TABLE mail_out_of_office (
    id           UUID         NOT NULL,
    owner_type   VARCHAR(8)   NOT NULL,
    owner_id     VARCHAR(16)  NOT NULL,
    quality      VARCHAR(16)  NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    substitutes  VARCHAR(512) NOT NULL,
    CONSTRAINT pk_mail_out_of_office PRIMARY KEY (id)
);
CREATE INDEX ix_mail_out_of_office_owner ON mail_out_of_office (owner_type, owner_id, quality);
