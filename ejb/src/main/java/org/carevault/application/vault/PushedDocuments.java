package org.carevault.application.vault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.carevault.application.access.PatientRefs;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.kmehr.KmehrException;
import org.carevault.kmehr.KmehrMessage;
import org.carevault.kmehr.KmehrParser;

/**
 * What the services of documents pushed one transaction at a time share (Sumehrs, vaccinations): one KMEHR message of
 * the patient holding exactly one transaction of the kind, sealed under the patient's data key with the document's
 * identity as associated data, kept byte for byte; listed newest first with the latest active one flagged; revoked
 * by its author only (kept, marked). The services decide and record each call ({@code @Checked}); this does the rest.
 */
public final class PushedDocuments<T extends PushedDocument> {

    /** A list entry: metadata only. */
    public record Entry(UUID id, String authorType, String authorId, String authorRole, Instant submittedAt,
            String documentDate, String status, boolean latest) {
    }

    /** Makes the entity of a new document. */
    interface Factory<T> {
        T make(UUID id, PatientRef patient, Caller author, Instant at, String documentDate, String sealed);
    }

    private final Class<T> type;
    private final String kind;
    private final Factory<T> factory;
    private final VaultRepository vault;
    private final VaultKeys keys;
    private final PatientRefs refs;

    PushedDocuments(Class<T> type, String kind, Factory<T> factory, VaultRepository vault, VaultKeys keys, PatientRefs refs) {
        this.type = type;
        this.kind = kind;
        this.factory = factory;
        this.vault = vault;
        this.keys = keys;
        this.refs = refs;
    }

    /** Stores a new document: the message's patient must be the one named, and it must hold one transaction of the kind. */
    Entry put(Caller caller, PatientRef patient, byte[] kmehr) {
        KmehrMessage message;
        try {
            message = KmehrParser.parse(kmehr);
        } catch (KmehrException e) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, e.reason().name());
        }
        if (!refs.of(message.patient()).equals(patient)) {
            throw new CareVaultException(ErrorCode.PATIENT_MISMATCH);
        }
        if (message.transactionsOfType(kind).size() != 1) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "One " + kind + " transaction is expected");
        }
        UUID id = UUID.randomUUID();
        SecretKey key = keys.keyFor(patient);
        String sealed = Base64.getEncoder().encodeToString(keys.seal(key, new String(kmehr, StandardCharsets.UTF_8),
                identity(patient, id)));
        T document = factory.make(id, patient, caller, Instant.now(), documentDate(message), sealed);
        vault.store(document);
        // The newest document, and active: the latest.
        return entry(document, true);
    }

    /** The document exactly as pushed (revoked ones too: they stay in the patient's history). */
    String get(PatientRef patient, UUID id) {
        T document = find(patient, id);
        return keys.open(keys.keyFor(patient), Base64.getDecoder().decode(document.sealedContent()), identity(patient, id));
    }

    void revoke(Caller caller, PatientRef patient, UUID id) {
        T document = find(patient, id);
        if (!document.author().equals(PartyKey.of(caller.id())) || !document.authorRole().equals(caller.role().name())) {
            throw new CareVaultException(ErrorCode.NOT_AUTHOR);
        }
        document.revoke(Instant.now());
    }

    List<Entry> list(PatientRef patient) {
        List<Entry> entries = new ArrayList<>();
        boolean latestGiven = false;
        for (T document : vault.documents(type, patient)) {
            boolean active = document.revokedAt().isEmpty();
            boolean latest = active && !latestGiven;
            latestGiven |= latest;
            entries.add(entry(document, latest));
        }
        return entries;
    }

    private T find(PatientRef patient, UUID id) {
        return vault.document(type, patient, id).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
    }

    private static Entry entry(PushedDocument d, boolean latest) {
        return new Entry(d.id(), d.author().type(), d.author().value(), d.authorRole(), d.submittedAt(), d.documentDate(),
                d.revokedAt().isEmpty() ? "ACTIVE" : "REVOKED", latest);
    }

    private static String documentDate(KmehrMessage message) {
        String date = message.header().date() + "T" + message.header().time();
        return date.length() > 32 ? date.substring(0, 32) : date;
    }

    private String identity(PatientRef patient, UUID id) {
        return kind + "/" + patient.value() + "/" + id;
    }
}
