package org.carevault.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Optional;
import org.carevault.crypto.audit.AuditChain;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.DecisionCode;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final PatientRef PATIENT = new PatientRef("AAAAAAAAAAAAAAAAAAAAAAAA");
    private static final Caller GP = new Caller(PartyId.person("72081012378"), Role.PHYSICIAN, Optional.empty(),
            "Jan Peeters", Channel.REST);
    private static final Caller PHARMACIST = new Caller(PartyId.person("85021445650"), Role.PHARMACIST, Optional.empty(),
            "An Claes", Channel.SOAP);

    private static AuditEvent read(Caller caller, Optional<PatientRef> patient) {
        return new AuditEvent(Instant.parse("2026-12-03T10:15:30.123456Z"), caller.channel(), "GetTransactionSet",
                Optional.of(caller), Optional.empty(), patient, DataType.MEDICATION_SCHEME, Operation.READ,
                Decision.permit(Decision.Basis.THERAPEUTIC_RELATIONSHIP), Optional.empty(), Optional.empty());
    }

    /**
     * An entry of chain 0 is hashed exactly as every entry was before the trail was split into chains, so that a
     * trail written then still verifies after the upgrade. The expected hash was computed by the version before
     * the split (commit 99a3a2f) for the same event at sequence number 41.
     */
    @Test
    void chainZeroEntriesAreHashedAsBeforeTheSplit() {
        AuditEntry entry = new AuditEntry(41, 0, 41, read(GP, Optional.of(PATIENT)));
        entry.chainTo(AuditChain.GENESIS);
        assertEquals(BEFORE_THE_SPLIT, entry.hash());
    }

    private static final String BEFORE_THE_SPLIT = "3a8f99b655ce045766d81215a5cdec31af709280814edcf34ee080e621d5c3ba";

    private static AuditEvent boxRefusal(Optional<String> box) {
        Caller nurse = new Caller(PartyId.person("90050123412"), Role.NURSE, Optional.empty(), "Els Wouters", Channel.SOAP);
        return new AuditEvent(Instant.parse("2026-12-04T04:20:00.654321Z"), Channel.SOAP, "getMessagesList",
                Optional.of(nurse), Optional.empty(), Optional.empty(), DataType.MESSAGE_META, Operation.READ,
                Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED), Optional.empty(), Optional.empty(), box);
    }

    /**
     * An entry that names no box is hashed exactly as every entry was before boxes were recorded (migration V18), so
     * that the trail written before still verifies. The expected hash was computed by the version before (commit
     * 4391160) for the same event at sequence number 5003, chain 3, position 7.
     */
    @Test
    void entriesWithoutABoxAreHashedAsBeforeBoxesWereRecorded() {
        AuditEntry entry = new AuditEntry(5003, 3, 7, boxRefusal(Optional.empty()));
        entry.chainTo(AuditChain.GENESIS);
        assertEquals(BEFORE_BOXES, entry.hash());
    }

    private static final String BEFORE_BOXES = "a341f7066a6f843e4cbb47694b8031a022e9e35a72bc0f92fd50a79f65db7c25";

    @Test
    void theBoxIsCoveredByTheHash() {
        AuditEntry pharmacists = new AuditEntry(5003, 3, 7, boxRefusal(Optional.of("SSIN:85021445650:PHARMACIST")));
        pharmacists.chainTo(AuditChain.GENESIS);
        AuditEntry gps = new AuditEntry(5003, 3, 7, boxRefusal(Optional.of("SSIN:72081012378:PHYSICIAN")));
        gps.chainTo(AuditChain.GENESIS);
        assertNotEquals(BEFORE_BOXES, pharmacists.hash(), "a box named is hashed");
        assertNotEquals(pharmacists.hash(), gps.hash(), "another box, another hash");
    }

    @Test
    void oneBoxsEntriesShareOneChainWhoeverActs() {
        assertEquals(boxRefusal(Optional.of("SSIN:85021445650:PHARMACIST")).chainKey(),
                new AuditEvent(Instant.now(), Channel.REST, "getBoxInfo", Optional.of(GP), Optional.empty(), Optional.empty(),
                        DataType.MAILBOX, Operation.READ, Decision.refuse(DecisionCode.NOT_MANDATED), Optional.empty(),
                        Optional.empty(), Optional.of("SSIN:85021445650:PHARMACIST")).chainKey());
    }

    @Test
    void anEntryMovedToAnotherChainOrPositionNoLongerLinks() {
        AuditEvent event = read(GP, Optional.of(PATIENT));
        AuditEntry entry = new AuditEntry(1000, 3, 7, event);
        entry.chainTo(AuditChain.GENESIS);
        AuditEntry otherChain = new AuditEntry(1000, 4, 7, event);
        otherChain.chainTo(AuditChain.GENESIS);
        AuditEntry otherPosition = new AuditEntry(1000, 3, 8, event);
        otherPosition.chainTo(AuditChain.GENESIS);
        assertNotEquals(entry.hash(), otherChain.hash());
        assertNotEquals(entry.hash(), otherPosition.hash());
    }

    @Test
    void aPatientsEntriesShareOneChainWhoeverActs() {
        assertEquals(read(GP, Optional.of(PATIENT)).chainKey(), read(PHARMACIST, Optional.of(PATIENT)).chainKey());
        assertNotEquals(read(GP, Optional.empty()).chainKey(), read(PHARMACIST, Optional.empty()).chainKey(),
                "without a patient, by the caller");
    }
}
