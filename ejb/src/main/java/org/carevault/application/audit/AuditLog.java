package org.carevault.application.audit;

import jakarta.ejb.EJB;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.carevault.crypto.audit.AuditAnchor;
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

    /** How many chains take new entries (fixed by the migrations; read once). */
    private static volatile int openChains;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @EJB
    private HubTimeStampAuthority tsa;

    /**
     * Appends in the current transaction: no entry, no access. The entry goes to the chain of its
     * {@linkplain AuditEvent#chainKey() key}, whose head is locked until the commit; appends to other
     * chains go on meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditEntry record(AuditEvent event) {
        AuditHead head = em.find(AuditHead.class, chainOf(event), LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = head.append(event);
        em.persist(entry);
        return entry;
    }

    /**
     * Appends several in the current transaction, in the order of their chains, so that two
     * transactions never wait for each other's chains in opposite orders.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAll(List<AuditEvent> events) {
        events.stream().sorted(Comparator.comparingInt(this::chainOf)).forEachOrdered(this::record);
    }

    /** The chain an event's entry goes to: one of chains 1 to n, by its key. */
    int chainOf(AuditEvent event) {
        int chains = openChains;
        if (chains == 0) {
            chains = em.createQuery("select count(h) from AuditHead h where h.chain > 0", Long.class).getSingleResult().intValue();
            openChains = chains;
        }
        return 1 + Math.floorMod(event.chainKey().hashCode(), chains);
    }

    /** Appends in a transaction of its own: for refusals, which must be kept while the request fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEntry recordAlone(AuditEvent event) {
        return record(event);
    }

    /**
     * A patient's entries, newest first, optionally within a period, for one professional or
     * organisation, only the break-the-glass accesses (the patient's notifications), and only those
     * before a sequence number (a page's cursor: one patient's entries are in one chain, so their
     * numbers grow in the order they were written, and a page ends where the previous one did however
     * many entries were added since).
     */
    public List<AuditEntry> trail(PatientRef patient, Optional<Instant> from, Optional<Instant> to,
            Optional<PartyKey> party, boolean breakTheGlassOnly, Optional<Long> before, int offset, int limit) {
        return trail(patient, from, to, party, breakTheGlassOnly, false, before, offset, limit);
    }

    /** As above; {@code othersOnly} leaves out what the patient did themselves (their own reads of their data). */
    public List<AuditEntry> trail(PatientRef patient, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            boolean breakTheGlassOnly, boolean othersOnly, Optional<Long> before, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where e.patientRef = :patient");
        before.ifPresent(b -> jpql.append(" and e.seq < :before"));
        if (breakTheGlassOnly) {
            jpql.append(" and e.basis = 'BREAK_THE_GLASS'");
        }
        where(jpql, from, to, party, othersOnly);
        jpql.append(" order by e.seq desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class)
                .setParameter("patient", patient).setFirstResult(offset).setMaxResults(limit);
        before.ifPresent(b -> query.setParameter("before", b));
        bind(query, patient, from, to, party, othersOnly);
        return query.getResultList();
    }

    /** How many entries {@link #trail} finds with the same filter, over all pages. */
    public long count(PatientRef patient, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            boolean othersOnly) {
        StringBuilder jpql = new StringBuilder("select count(e) from AuditEntry e where e.patientRef = :patient");
        where(jpql, from, to, party, othersOnly);
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class).setParameter("patient", patient);
        bind(query, patient, from, to, party, othersOnly);
        return query.getSingleResult();
    }

    private static void where(StringBuilder jpql, Optional<Instant> from, Optional<Instant> to, Optional<PartyKey> party,
            boolean othersOnly) {
        from.ifPresent(f -> jpql.append(" and e.occurredAt >= :from"));
        to.ifPresent(t -> jpql.append(" and e.occurredAt < :to"));
        party.ifPresent(p -> jpql.append(" and e.callerType = :partyType and e.callerId = :partyId"));
        if (othersOnly) {
            jpql.append(" and (e.callerType is null or e.callerType <> :patientCaller or e.callerId <> :self)");
        }
    }

    private static void bind(TypedQuery<?> query, PatientRef patient, Optional<Instant> from, Optional<Instant> to,
            Optional<PartyKey> party, boolean othersOnly) {
        from.ifPresent(f -> query.setParameter("from", f));
        to.ifPresent(t -> query.setParameter("to", t));
        party.ifPresent(p -> query.setParameter("partyType", p.type()).setParameter("partyId", p.value()));
        if (othersOnly) {
            query.setParameter("patientCaller", AuditEntry.PATIENT_CALLER).setParameter("self", patient.value());
        }
    }

    /**
     * The entries that name a box ({@code TYPE:ID:QUALITY}): uses of it under a mandate and refused attempts, newest
     * first, before a sequence number (one box's entries are in one chain: the cursor pages as for a patient).
     */
    public List<AuditEntry> ofBox(String box, Optional<Long> before, int limit) {
        return em.createQuery("select e from AuditEntry e where e.subjectBox = :box and e.seq < :before"
                + " order by e.seq desc", AuditEntry.class)
                .setParameter("box", box).setMaxResults(limit)
                .setParameter("before", before.orElse(Long.MAX_VALUE)).getResultList();
    }

    /** The professionals and organisations (name, role, NIHII) that appear in a patient's entries. */
    public List<Object[]> professionals(PatientRef patient) {
        return em.createQuery("select distinct e.callerName, e.callerRole, e.callerNihii from AuditEntry e"
                + " where e.patientRef = :patient and e.callerNihii is not null and e.callerRole <> 'PATIENT'", Object[].class)
                .setParameter("patient", patient).getResultList();
    }

    /**
     * Verifies every chain from its first entry: each link, that positions follow without gap, that
     * its head names its last entry (so that removed trailing entries are found too), and that every
     * time-stamped anchor still matches the entries it anchored (so that a rewrite which recomputed
     * every later hash is found too); and that no entry lies outside the chains.
     *
     * @return the sequence number of the first entry that cannot be trusted — in each chain the first
     *         broken link or, when an anchor no longer matches, the first entry after the last anchor
     *         that does; of these the lowest — or empty when every chain holds
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> verify() {
        List<AuditAnchor> anchors = em.createQuery("select distinct a from AuditAnchorRecord a left join fetch a.heads",
                AuditAnchorRecord.class).getResultList().stream().map(AuditAnchorRecord::anchor).toList();
        // Each stamp checked once, whatever the number of chains it covers.
        Set<AuditAnchor> stamped = Collections.newSetFromMap(new IdentityHashMap<>());
        anchors.stream().filter(this::stampHolds).forEach(stamped::add);
        List<AuditHead> heads = em.createQuery("select h from AuditHead h order by h.chain", AuditHead.class).getResultList();
        List<Long> untrusted = new ArrayList<>();
        heads.forEach(head -> verifyChain(head, anchors, stamped).ifPresent(untrusted::add));
        Long stray = em.createQuery("select min(e.seq) from AuditEntry e where e.chain not in :chains", Long.class)
                .setParameter("chains", heads.stream().map(AuditHead::chain).toList()).getSingleResult();
        if (stray != null) {
            untrusted.add(stray);
        }
        return untrusted.stream().min(Long::compare);
    }

    private Optional<Long> verifyChain(AuditHead head, List<AuditAnchor> anchors, Set<AuditAnchor> stamped) {
        int chain = head.chain();
        // The positions of this chain that anchors name, with the anchors naming each.
        NavigableMap<Long, List<AuditAnchor>> anchored = new TreeMap<>();
        for (AuditAnchor anchor : anchors) {
            anchor.heads().stream().filter(h -> h.chain() == chain)
                    .forEach(h -> anchored.computeIfAbsent(h.position(), p -> new ArrayList<>()).add(anchor));
        }
        long trustedUpTo = -1;
        Optional<Long> anchorMismatch = Optional.empty();
        byte[] previous = AuditChain.GENESIS;
        long next = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("select e from AuditEntry e where e.chain = :chain and e.position >= :from"
                    + " order by e.position", AuditEntry.class)
                    .setParameter("chain", chain).setParameter("from", next).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            List<AuditChain.Entry> entries = new ArrayList<>(batch.size());
            for (AuditEntry entry : batch) {
                if (entry.seq() != head.seqAt(entry.position())) {
                    return Optional.of(entry.seq());
                }
                entries.add(entry.asChainEntry());
            }
            if (entries.get(0).sequence() != next) {
                return Optional.of(head.seqAt(next));
            }
            Optional<Long> broken = AuditChain.firstBrokenLink(previous, entries);
            if (broken.isPresent()) {
                return Optional.of(head.seqAt(broken.get()));
            }
            for (AuditChain.Entry entry : entries) {
                List<AuditAnchor> here = anchored.remove(entry.sequence());
                if (here != null && anchorMismatch.isEmpty()) {
                    if (here.stream().allMatch(anchor -> anchor.holds(chain, entry) && stamped.contains(anchor))) {
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
            return Optional.of(head.seqAt(anchorMismatch.get()));
        }
        if (!anchored.isEmpty()) {
            return Optional.of(head.seqAt(trustedUpTo + 1));  // anchored entries that are no longer there
        }
        boolean headMatches = head.position() == next - 1 && Arrays.equals(head.previousHash(), previous);
        return headMatches ? Optional.empty() : Optional.of(head.seqAt(next));
    }

    private boolean stampHolds(AuditAnchor anchor) {
        try {
            anchor.verify(tsa.trustAnchors());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
