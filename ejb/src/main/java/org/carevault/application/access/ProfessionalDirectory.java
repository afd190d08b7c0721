package org.carevault.application.access;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.carevault.domain.Caller;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;
import org.carevault.infrastructure.persistence.DatabaseProduct;

/**
 * The care providers the hub knows: those it has seen acting (any decision), with the name and registration their
 * credentials carried the last time, in their own table ({@link KnownProfessional}) so that patients' searches and
 * pages never scan the audit trail. For showing patients who is who (never a professional's SSIN).
 */
@Stateless
public class ProfessionalDirectory {

    private static final Set<Role> CARE_PROVIDERS = Set.of(Role.PHYSICIAN, Role.PHARMACIST, Role.NURSE, Role.HOSPITAL);

    /** What this node has written or read already (party and role → NIHII and name): most calls write nothing. */
    private static final Map<KnownProfessional.Key, String> SEEN = new ConcurrentHashMap<>();
    private static final int SEEN_MAX = 200_000;

    /** How a professional or organisation is shown: name, role, NIHII (any may be empty when unknown). */
    public record Known(String name, String role, String nihii) {
    }

    /** A professional or organisation found by a search: how to show it, and its public registration. */
    public record Found(String name, String role, String nihii) {
    }

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Resource(lookup = "java:jboss/datasources/CareVaultDS")
    private DataSource dataSource;

    /** Notes a care provider seen acting (called by the decision point); written once per node unless it changes. */
    @NoPatientData("notes the professional the decision point saw acting: their own name and NIHII")
    public void saw(Caller caller) {
        if (!CARE_PROVIDERS.contains(caller.role()) || caller.nihii().isEmpty() || caller.displayName() == null
                || caller.displayName().isBlank()) {
            return;
        }
        PartyKey party = PartyKey.of(caller.id());
        KnownProfessional.Key key = new KnownProfessional.Key(party.type(), party.value(), caller.role().name());
        String nihii = caller.nihii().get().value();
        String name = caller.displayName().length() > 120 ? caller.displayName().substring(0, 120) : caller.displayName();
        String says = nihii + "/" + name;
        if (says.equals(SEEN.get(key)) || !WRITING.add(key)) {
            return;  // known, or being written right now by another request of this node
        }
        try {
            context.getBusinessObject(ProfessionalDirectory.class).remember(key, nihii, name);
            if (SEEN.size() >= SEEN_MAX) {
                SEEN.clear();
            }
            SEEN.put(key, says);
        } catch (EJBException | PersistenceException e) {
            // Another node wrote the same row at the same moment: it is there; the next call reads it.
        } finally {
            WRITING.remove(key);
        }
    }

    /** The rows this node is writing now: concurrent first requests of one professional write it once. */
    private static final Set<KnownProfessional.Key> WRITING = ConcurrentHashMap.newKeySet();

    /**
     * Writes (or corrects) one row, in a transaction of its own: the request's work does not depend on it. One atomic
     * upsert, so that two nodes seeing the same professional for the first time at once both succeed (no key
     * violation): {@code ON CONFLICT} on PostgreSQL, {@code MERGE … KEY} on H2.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @NoPatientData("a professional's public registration (name, NIHII)")
    public void remember(KnownProfessional.Key key, String nihii, String name) {
        String sql = DatabaseProduct.isPostgres(dataSource)
                ? "INSERT INTO known_professional (party_type, party_id, role, nihii, name, name_lower) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " ON CONFLICT (party_type, party_id, role) DO UPDATE SET nihii = EXCLUDED.nihii, name = EXCLUDED.name,"
                        + " name_lower = EXCLUDED.name_lower WHERE known_professional.nihii <> EXCLUDED.nihii"
                        + " OR known_professional.name <> EXCLUDED.name"
                : "MERGE INTO known_professional (party_type, party_id, role, nihii, name, name_lower) KEY (party_type, party_id, role)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
        em.createNativeQuery(sql).setParameter(1, key.partyType()).setParameter(2, key.partyId()).setParameter(3, key.role())
                .setParameter(4, nihii).setParameter(5, name).setParameter(6, name.toLowerCase(Locale.ROOT)).executeUpdate();
    }

    /**
     * Care providers the hub knows whose name contains the text, or whose NIHII starts with it (at
     * least three characters), at most 20, by name. Never returns a person's SSIN.
     */
    @NoPatientData("searches the public register of professionals")
    public List<Found> search(String text) {
        // Wildcards typed by the patient are taken out: the search matches what was typed, nothing more.
        String query = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        if (query.length() < 3) {
            return List.of();
        }
        Map<String, Found> found = new TreeMap<>();
        for (KnownProfessional known : em.createQuery("select k from KnownProfessional k where k.nameLower like :text"
                + " or k.nihii like :prefix order by k.nameLower", KnownProfessional.class)
                .setParameter("text", "%" + query + "%").setParameter("prefix", query + "%").setMaxResults(100).getResultList()) {
            found.putIfAbsent(known.nihii() + "/" + known.role(), new Found(known.name(), known.role(), known.nihii()));
        }
        return found.values().stream().sorted(Comparator.comparing(Found::name)).limit(20).toList();
    }

    /** The party behind a registration number and role. */
    @NoPatientData("a professional by their public NIHII number")
    public Optional<PartyKey> byNihii(String nihii, String role) {
        return em.createQuery("select k from KnownProfessional k where k.nihii = :n and k.key.role = :r", KnownProfessional.class)
                .setParameter("n", nihii).setParameter("r", role).setMaxResults(1).getResultStream().findFirst()
                .map(k -> new PartyKey(k.partyType(), k.partyId()));
    }

    /** How a party is shown (in any of its roles). */
    @NoPatientData("a professional's public registration")
    public Optional<Known> of(PartyKey party) {
        return em.createQuery("select k from KnownProfessional k where k.key.partyType = :t and k.key.partyId = :i"
                + " order by k.key.role", KnownProfessional.class).setParameter("t", party.type()).setParameter("i", party.value())
                .setMaxResults(1).getResultStream().findFirst().map(k -> new Known(k.name(), k.role(), k.nihii()));
    }
}
