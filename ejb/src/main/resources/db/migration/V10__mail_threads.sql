-- Conversations (getMessageHistory): a message may answer another one its sender holds. Routing data, in clear.
ALTER TABLE mail_message ADD COLUMN in_reply_to UUID;
CREATE INDEX ix_mail_message_in_reply_to ON mail_message (in_reply_to);
