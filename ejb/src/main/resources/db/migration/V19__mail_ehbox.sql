-- eHealthBox v3 (docs/interop.md): every message also has the 13-character id that contract gives messages, and a
-- message sent through it keeps what the sender's software gave beside the sealed document (its envelope: title, file
-- name, MIME type, the sealed annexes and free information), so that the recipient's software receives it as sent, and
-- the part of it that the contract lists (summary: title, MIME type, flags) beside the routing data.
-- Messages stored before get an id from their own. Portable SQL (H2, PostgreSQL).
ALTER TABLE mail_message ADD COLUMN ehbox_id VARCHAR(13);
UPDATE mail_message SET ehbox_id = UPPER(SUBSTRING(REPLACE(CAST(id AS VARCHAR(36)), '-', ''), 1, 13));
ALTER TABLE mail_message ALTER COLUMN ehbox_id SET NOT NULL;
ALTER TABLE mail_message ADD CONSTRAINT uq_mail_message_ehbox UNIQUE (ehbox_id);
ALTER TABLE mail_content ADD COLUMN envelope BYTEA;
ALTER TABLE mail_message ADD COLUMN summary BYTEA;
