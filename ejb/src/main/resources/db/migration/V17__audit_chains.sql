-- The audit trail split into chains, so that appends of different patients no longer wait for one another (one locked
-- head row serialised every audited request of every node: docs/benchmarks.md). Portable SQL (H2, PostgreSQL).
--
-- Every entry belongs to one chain (chain_no) at one position (chain_pos, from 0, without gap). The entries written
-- before this migration form chain 0, closed: its head stays where it is. New entries go to chains 1 to 16, chosen by
-- the patient they are about (by the caller when no patient is named), so that one patient's entries stay in one chain
-- and their sequence numbers grow in the order they were written. The global sequence number of a new entry follows
-- from its chain and position: seq = seq_base + chain_pos * seq_step, unique without a shared counter.
ALTER TABLE audit_entry ADD COLUMN chain_no INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_entry ADD COLUMN chain_pos BIGINT;
UPDATE audit_entry SET chain_pos = seq;
ALTER TABLE audit_entry ALTER COLUMN chain_pos SET NOT NULL;
CREATE UNIQUE INDEX ux_audit_entry_chain ON audit_entry (chain_no, chain_pos);

-- One head per chain: the id is the chain number; seq and hash name its last entry, chain_pos its position.
ALTER TABLE audit_head ADD COLUMN chain_pos BIGINT;
ALTER TABLE audit_head ADD COLUMN seq_base BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE audit_head ADD COLUMN seq_step INTEGER DEFAULT 1 NOT NULL;
UPDATE audit_head SET id = 0, chain_pos = seq WHERE id = 1;
ALTER TABLE audit_head ALTER COLUMN chain_pos SET NOT NULL;
-- Chains 1 to 16, empty; their sequence numbers start after the last of chain 0 and interleave.
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 1, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 1, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 2, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 2, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 3, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 3, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 4, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 4, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 5, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 5, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 6, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 6, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 7, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 7, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 8, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 8, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 9, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 9, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 10, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 10, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 11, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 11, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 12, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 12, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 13, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 13, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 14, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 14, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 15, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 15, 16 FROM audit_head WHERE id = 0;
INSERT INTO audit_head (id, seq, hash, chain_pos, seq_base, seq_step)
    SELECT 16, -1, '0000000000000000000000000000000000000000000000000000000000000000', -1, seq + 16, 16 FROM audit_head WHERE id = 0;

-- An anchor made since the split stamps the heads of every chain at once: audit_anchor.seq is then the number of
-- entries it covers minus one (it grows with every append to any chain, as a one-chain anchor's seq did), head_hash
-- the imprint the time-stamp covers, and the heads are these rows. An anchor without rows here is a one-chain anchor
-- of chain 0, as before.
CREATE TABLE audit_anchor_head (
    anchor_seq  BIGINT      NOT NULL,
    chain_no    INTEGER     NOT NULL,
    chain_pos   BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_anchor_head PRIMARY KEY (anchor_seq, chain_no),
    CONSTRAINT fk_audit_anchor_head FOREIGN KEY (anchor_seq) REFERENCES audit_anchor (seq)
);
