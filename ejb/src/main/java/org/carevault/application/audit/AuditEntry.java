package org.carevault.application.audit;

import org.carevault.domain.consent.PatientRefColumn;
import org.carevault.domain.consent.PatientRef;
import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.carevault.crypto.audit.AuditChain;
import org.carevault.domain.access.PartyKey;

/**
 * One row of the append-only audit trail, at one position of one chain. Its hash is the crypto
 * module's chain link over the canonical form of every other column and the hash of the entry
 * before it in its chain. Rows are never updated.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The caller type of a patient acting, whose id is then their patient reference. */
    public static final String PATIENT_CALLER = "PATIENT";

    @Id
    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "chain_no", nullable = false)
    private int chain;

    @Column(name = "chain_pos", nullable = false)
    private long position;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "caller_type")
    private String callerType;

    @Column(name = "caller_id")
    private String callerId;

    @Column(name = "caller_role")
    private String callerRole;

    @Column(name = "caller_nihii")
    private String callerNihii;

    @Column(name = "caller_name")
    private String callerName;

    @Column(name = "patient_ref")
    @Convert(converter = PatientRefColumn.class)
    private PatientRef patientRef;

    @Column(name = "data_type", nullable = false)
    private String dataType;

    @Column(name = "operation", nullable = false)
    private String operation;

    @Column(name = "decision", nullable = false)
    private String decision;

    @Column(name = "basis", nullable = false)
    private String basis;

    @Column(name = "btg_reason")
    private String breakTheGlassReason;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "subject_box")
    private String subjectBox;

    @Column(name = "hash", nullable = false)
    private String hash;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(long seq, int chain, long position, AuditEvent event) {
        this.seq = seq;
        this.chain = chain;
        this.position = position;
        // Stored at microsecond precision, so that the canonical form reads back exactly as written.
        this.occurredAt = event.at().truncatedTo(ChronoUnit.MICROS);
        this.channel = event.channel().name();
        this.action = event.action();
        event.caller().ifPresent(caller -> {
            this.callerRole = caller.role().name();
            if (event.callerAsPatient().isPresent()) {
                // A patient is never stored by SSIN or name: by their reference, like every patient.
                this.callerType = PATIENT_CALLER;
                this.callerId = event.callerAsPatient().get().value();
                return;
            }
            PartyKey party = PartyKey.of(caller.id());
            this.callerType = party.type();
            this.callerId = party.value();
            this.callerNihii = caller.nihii().map(n -> n.value()).orElse(null);
            this.callerName = truncate(caller.displayName(), 120);
        });
        this.patientRef = event.patient().orElse(null);
        this.dataType = event.dataType().name();
        this.operation = event.operation().name();
        this.decision = event.decision().code().name();
        this.basis = event.decision().basis().name();
        this.breakTheGlassReason = event.breakTheGlassReason().orElse(null);
        this.subjectId = event.subjectId().orElse(null);
        this.subjectBox = event.subjectBox().orElse(null);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Every column but the hash, each length-prefixed (a null marked apart from an empty string); the
     * chain and position last, for entries of chains 1 and up (chain 0's entries were written before
     * there were chains, and their position is their sequence number); the box used last, for a mailbox decision only
     * (an entry about no box is hashed exactly as before boxes were recorded).
     */
    public byte[] canonical() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(seq);
            out.writeLong(occurredAt.getEpochSecond());
            out.writeInt(occurredAt.getNano());
            for (String field : new String[] {channel, action, callerType, callerId, callerRole, callerNihii, callerName,
                    patientRef == null ? null : patientRef.value(), dataType, operation, decision, basis,
                    breakTheGlassReason, subjectId}) {
                out.writeBoolean(field != null);
                out.writeUTF(field == null ? "" : field);
            }
            if (chain > 0) {
                out.writeInt(chain);
                out.writeLong(position);
            }
            if (subjectBox != null) {
                out.writeUTF(subjectBox);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void chainTo(byte[] previousHash) {
        this.hash = HexFormat.of().formatHex(AuditChain.link(position, previousHash, canonical()));
    }

    /** This entry as a link of its chain: at its position in the chain. */
    public AuditChain.Entry asChainEntry() {
        return new AuditChain.Entry(position, canonical(), HexFormat.of().parseHex(hash));
    }

    public long seq() {
        return seq;
    }

    int chain() {
        return chain;
    }

    long position() {
        return position;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String channel() {
        return channel;
    }

    public String action() {
        return action;
    }

    public Optional<PartyKey> caller() {
        return callerType == null ? Optional.empty() : Optional.of(new PartyKey(callerType, callerId));
    }

    public String callerRole() {
        return callerRole;
    }

    public String callerNihii() {
        return callerNihii;
    }

    public String callerName() {
        return callerName;
    }

    public String dataType() {
        return dataType;
    }

    public String operation() {
        return operation;
    }

    public String decision() {
        return decision;
    }

    public String basis() {
        return basis;
    }

    public Optional<String> breakTheGlassReason() {
        return Optional.ofNullable(breakTheGlassReason);
    }

    public Optional<String> subjectId() {
        return Optional.ofNullable(subjectId);
    }

    /** The patient the entry is about, if any. */
    public Optional<PatientRef> patientRef() {
        return Optional.ofNullable(patientRef);
    }

    /** The box used, for a mailbox decision ({@code TYPE:ID:QUALITY}). */
    public Optional<String> subjectBox() {
        return Optional.ofNullable(subjectBox);
    }

    public String hash() {
        return hash;
    }
}
