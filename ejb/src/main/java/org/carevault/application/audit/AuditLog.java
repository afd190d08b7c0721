package org.carevault.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.carevault.crypto.audit.AuditChain;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;

/**
 * The tamper-evident audit trail: appends hash-chained entries (in the caller's transaction, so an
 * access and its entry commit or fail together; refusals in a transaction of their own, so they are
 * kept although the request fails), reads a patient's trail, and verifies the whole chain.
 */
@Stateless
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @jakarta.ejb.EJB
    private HubTimeStampAuthority tsa;

    /** Appends in the current transaction: no entry, no access. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditEntry record(AuditEvent event) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry(head.seq() + 1, event);
        entry.chainTo(head.seq() < 0 ? AuditChain.GENESIS : head.hash());
        em.persist(entry);
        head.advance(entry);
        return entry;
    }

    /** Appends in a transaction of its own: for refusals, which must be kept while the request fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEntry recordAlone(AuditEvent event) {
        return record(event);
    }

    /**
     * A patient's entries, newest first, optionally within a period, for one professional or
     * organisation, and only the break-the-glass accesses (the patient's notifications).
     */
    public List<AuditEntry> trail(PatientRef patient, Optional<Instant> from, Optional<Instant> to,
            Optional<PartyKey> party, boolean breakTheGlassOnly, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where e.patientRef = :patient");
        if (breakTheGlassOnly) {
            jpql.append(" and e.basis = 'BREAK_THE_GLASS'");
        }
        from.ifPresent(f -> jpql.append(" and e.occurredAt >= :from"));
        to.ifPresent(t -> jpql.append(" and e.occurredAt < :to"));
        party.ifPresent(p -> jpql.append(" and e.callerType = :partyType and e.callerId = :partyId"));
        jpql.append(" order by e.seq desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class)
                .setParameter("patient", patient.value()).setFirstResult(offset).setMaxResults(limit);
        from.ifPresent(f -> query.setParameter("from", f));
        to.ifPresent(t -> query.setParameter("to", t));
        party.ifPresent(p -> query.setParameter("partyType", p.type()).setParameter("partyId", p.value()));
        return query.getResultList();
    }

    /** The professionals and organisations (name, role, NIHII) that appear in a patient's entries. */
    public List<Object[]> professionals(PatientRef patient) {
        return em.createQuery("select distinct e.callerName, e.callerRole, e.callerNihii from AuditEntry e"
                + " where e.patientRef = :patient and e.callerNihii is not null and e.callerRole <> 'PATIENT'", Object[].class)
                .setParameter("patient", patient.value()).getResultList();
    }

    /**
     * Verifies every entry from the first, that the head names the last one (so that removed trailing
     * entries are found too), and that every time-stamped anchor still matches the entry it anchored
     * (so that a rewrite which recomputed every later hash is found too).
     *
     * @return the sequence number of the first entry that cannot be trusted — the first broken link,
     *         or, when an anchor no longer matches, the first entry after the last anchor that does —
     *         or empty when the chain holds
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> verify() {
        java.util.NavigableMap<Long, AuditAnchorRecord> anchors = new java.util.TreeMap<>();
        em.createQuery("select a from AuditAnchorRecord a", AuditAnchorRecord.class).getResultList()
                .forEach(anchor -> anchors.put(anchor.seq(), anchor));
        long trustedUpTo = -1;
        Optional<Long> anchorMismatch = Optional.empty();
        byte[] previous = AuditChain.GENESIS;
        long next = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("select e from AuditEntry e where e.seq >= :from order by e.seq",
                    AuditEntry.class).setParameter("from", next).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            List<AuditChain.Entry> entries = new ArrayList<>(batch.size());
            batch.forEach(entry -> entries.add(entry.asChainEntry()));
            if (entries.get(0).sequence() != next) {
                return Optional.of(next);
            }
            Optional<Long> broken = AuditChain.firstBrokenLink(previous, entries);
            if (broken.isPresent()) {
                return broken;
            }
            for (AuditChain.Entry entry : entries) {
                AuditAnchorRecord anchor = anchors.remove(entry.sequence());
                if (anchor != null && anchorMismatch.isEmpty()) {
                    if (anchorHolds(anchor, entry)) {
                        trustedUpTo = entry.sequence();
                    } else {
                        anchorMismatch = Optional.of(trustedUpTo + 1);
                    }
                }
            }
            previous = entries.get(entries.size() - 1).hash();
            next = entries.get(entries.size() - 1).sequence() + 1;
            batch.forEach(em::detach);
        }
        if (anchorMismatch.isPresent()) {
            return anchorMismatch;
        }
        if (!anchors.isEmpty()) {
            return Optional.of(trustedUpTo + 1);  // anchored entries that are no longer there
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        boolean headMatches = head.seq() == next - 1 && (head.seq() < 0 || Arrays.equals(head.hash(), previous));
        return headMatches ? Optional.empty() : Optional.of(next);
    }

    private boolean anchorHolds(AuditAnchorRecord anchor, AuditChain.Entry entry) {
        try {
            anchor.anchor().verify(entry, tsa.trustAnchors());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
