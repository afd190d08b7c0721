package org.carevault.application.trail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.Checked;
import org.carevault.application.access.OfPatient;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.audit.AuditLog;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;

/** GetPatientAuditTrail: the patient (or an operator) reads who did what about the patient, and when. */
@Stateless
public class AuditTrailService {

    public static final int MAX_PAGE = 500;

    @Inject
    private AccessControl access;

    @EJB
    private AuditLog log;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;


    /**
     * A page of the trail, newest first: {@code before} (a sequence number, the previous page's last
     * entry) pages without repeating or skipping while the trail grows — and reading it makes it grow. The trail leaves
     * the hub this way (REST, IntraHub): a patient needs a second factor for it.
     */
    @Checked(action = "GetPatientAuditTrail", data = DataType.AUDIT_TRAIL, operation = Operation.READ, strongAuthentication = true)
    public List<AuditEntry> trail(Caller caller, @OfPatient PatientRef patient, Optional<Instant> from, Optional<Instant> to,
            Optional<PartyKey> party, boolean breakTheGlassOnly, Optional<Long> before, int offset, int limit) {
        return log.trail(patient, from, to, party, breakTheGlassOnly, before, Math.max(0, offset),
                Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /**
     * A page of the trail, and who appears in the whole trail (name, role, NIHII), to choose a filter from; how many
     * entries the filter finds over all pages, and how many of the patient's own it left out.
     */
    public record View(List<AuditEntry> entries, List<Professional> professionals, long total, long ownLeftOut) {
    }

    /** How a professional or organisation appears in a trail. */
    public record Professional(String name, String role, String nihii) {
    }

    /**
     * The trail to download (CSV, PDF: it leaves the portal, so a patient needs a second factor), with the
     * professionals of the whole trail, in one decided and recorded read.
     */
    @Checked(action = "GetPatientAuditTrail", data = DataType.AUDIT_TRAIL, operation = Operation.READ, strongAuthentication = true)
    public View export(Caller caller, @OfPatient PatientRef patient, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            int limit) {
        return page(patient, from, to, party, false, 0, limit);
    }

    /**
     * The trail as the portal shows it, a page at {@code offset}; {@code othersOnly}: what others did (care providers, organisations,
     * proxies, the hub), the patient's own views left out (and counted).
     */
    @Checked(action = "GetPatientAuditTrail", data = DataType.AUDIT_TRAIL, operation = Operation.READ)
    public View view(Caller caller, @OfPatient PatientRef patient, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            boolean othersOnly, int offset, int limit) {
        return page(patient, from, to, party, othersOnly, offset, limit);
    }

    private View page(PatientRef patient, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            boolean othersOnly, int offset, int limit) {
        List<AuditEntry> entries = log.trail(patient, from, to, party, false, othersOnly, Optional.empty(), Math.max(0, offset),
                Math.max(1, Math.min(MAX_PAGE, limit)));
        long total = log.count(patient, from, to, party, othersOnly);
        long all = othersOnly ? log.count(patient, from, to, party, false) : total;
        return new View(entries, log.professionals(patient).stream()
                .map(row -> new Professional(String.valueOf(row[0]), String.valueOf(row[1]), String.valueOf(row[2]))).toList(),
                total, all - total);
    }

    /** The break-the-glass accesses the patient has not acknowledged yet, newest first (at most a page). */
    @Checked(action = "GetBreakTheGlassNotices", data = DataType.AUDIT_TRAIL, operation = Operation.READ)
    public List<AuditEntry> unacknowledgedBreakTheGlass(Caller caller, @OfPatient PatientRef patient) {
        BreakGlassAcknowledgement seen = em.find(BreakGlassAcknowledgement.class, patient.value());
        long upTo = seen == null ? -1 : seen.acknowledgedTo();
        return log.trail(patient, Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty(), 0, MAX_PAGE).stream()
                .filter(entry -> entry.seq() > upTo).toList();
    }

    /** The patient has seen the break-the-glass accesses up to this audit entry (never moves back). */
    @Checked(action = "AcknowledgeBreakTheGlass", data = DataType.AUDIT_TRAIL, operation = Operation.READ)
    public void acknowledgeBreakTheGlass(Caller caller, @OfPatient PatientRef patient, long upToSeq) {
        BreakGlassAcknowledgement seen = em.find(BreakGlassAcknowledgement.class, patient.value(),
                LockModeType.PESSIMISTIC_WRITE);
        if (seen == null) {
            seen = new BreakGlassAcknowledgement(patient.value());
            em.persist(seen);
        }
        // Never beyond the newest emergency access there is: a later one must still be shown.
        long newest = log.trail(patient, Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty(), 0, 1).stream()
                .mapToLong(AuditEntry::seq).max().orElse(-1);
        seen.acknowledge(Math.min(upToSeq, newest), Instant.now());
    }
}
