package org.carevault.application.vault;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.BreakTheGlassReason;
import org.carevault.application.access.Checked;
import org.carevault.application.access.OfPatient;
import org.carevault.application.access.PatientRefs;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.kmehr.KmehrException;
import org.carevault.kmehr.KmehrMessage;
import org.carevault.kmehr.KmehrParser;
import org.carevault.kmehr.Transaction;

/**
 * Sumehr summaries (PutTransaction / GetTransactionList / GetTransaction / RevokeTransaction): a
 * hospital or physician pushes one; the list gives metadata only, newest first, the latest active
 * one flagged; a summary is returned byte for byte as pushed; its author can revoke it (kept, marked
 * revoked, never the latest).
 */
@Stateless
public class SumehrService {

    @Inject
    private VaultRepository vault;

    @Inject
    private AccessControl access;

    @EJB
    private PatientRefs refs;

    @EJB
    private VaultKeys keys;

    /** A list entry: metadata only. */
    public record Entry(UUID id, String authorType, String authorId, String authorRole, Instant submittedAt,
            String documentDate, String status, boolean latest) {
    }

    @Checked(action = "PutTransaction", data = DataType.SUMEHR, operation = Operation.WRITE)
    public Entry put(Caller caller, @OfPatient PatientRef patient, byte[] kmehr, @BreakTheGlassReason Optional<String> breakTheGlass) {
        KmehrMessage message;
        try {
            message = KmehrParser.parse(kmehr);
        } catch (KmehrException e) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, e.reason().name());
        }
        if (!refs.of(message.patient()).equals(patient)) {
            throw new CareVaultException(ErrorCode.PATIENT_MISMATCH);
        }
        List<Transaction> sumehrs = message.transactionsOfType("sumehr");
        if (sumehrs.size() != 1) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "One sumehr transaction is expected");
        }
        UUID id = UUID.randomUUID();
        SecretKey key = keys.keyFor(patient);
        String text = new String(kmehr, StandardCharsets.UTF_8);
        String sealed = Base64.getEncoder().encodeToString(keys.seal(key, text, identity(patient, id)));
        Sumehr sumehr = new Sumehr(id, patient, caller, Instant.now(), documentDate(message), sealed);
        vault.store(sumehr);
        // The newest summary, and active: the latest.
        return entry(sumehr, true);
    }

    @Checked(action = "GetTransactionList", data = DataType.SUMEHR, operation = Operation.READ)
    public List<Entry> list(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return list(patient);
    }

    /** The summary exactly as pushed (revoked ones too: they stay in the patient's history). */
    @Checked(action = "GetTransaction", data = DataType.SUMEHR, operation = Operation.READ)
    public String get(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        Sumehr sumehr = find(patient, id);
        return keys.open(keys.keyFor(patient), Base64.getDecoder().decode(sumehr.sealedContent()), identity(patient, id));
    }

    @Checked(action = "RevokeTransaction", data = DataType.SUMEHR, operation = Operation.WRITE)
    public void revoke(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        Sumehr sumehr = find(patient, id);
        if (!sumehr.author().equals(PartyKey.of(caller.id())) || !sumehr.authorRole().equals(caller.role().name())) {
            throw new CareVaultException(ErrorCode.NOT_AUTHOR);
        }
        sumehr.revoke(Instant.now());
    }

    private Sumehr find(PatientRef patient, UUID id) {
        return vault.sumehr(patient, id).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
    }

    private List<Entry> list(PatientRef patient) {
        List<Entry> entries = new ArrayList<>();
        boolean latestGiven = false;
        for (Sumehr s : vault.sumehrs(patient)) {
            boolean active = s.revokedAt().isEmpty();
            boolean latest = active && !latestGiven;
            latestGiven |= latest;
            entries.add(entry(s, latest));
        }
        return entries;
    }

    private static Entry entry(Sumehr s, boolean latest) {
        return new Entry(s.id(), s.author().type(), s.author().value(), s.authorRole(), s.submittedAt(), s.documentDate(),
                s.revokedAt().isEmpty() ? "ACTIVE" : "REVOKED", latest);
    }

    private static String documentDate(KmehrMessage message) {
        String date = message.header().date() + "T" + message.header().time();
        return date.length() > 32 ? date.substring(0, 32) : date;
    }

    private static String identity(PatientRef patient, UUID id) {
        return "sumehr/" + patient.value() + "/" + id;
    }
}
