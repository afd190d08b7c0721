package org.carevault.application.access;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.carevault.application.audit.AuditEntry;
import org.carevault.domain.access.PartyKey;

/**
 * The care providers the hub knows: those it has seen acting, with the name and registration their
 * credentials carried the last time. For showing patients who is who (never a professional's SSIN).
 */
@Stateless
public class ProfessionalDirectory {

    /** How a professional or organisation is shown: name, role, NIHII (any may be empty when unknown). */
    public record Known(String name, String role, String nihii) {
    }

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    /** A professional or organisation found by a search: how to show it, and its public registration. */
    public record Found(String name, String role, String nihii) {
    }

    /**
     * Care providers the hub knows whose name contains the text, or whose NIHII starts with it (at
     * least three characters), at most 20, by name. Never returns a person's SSIN.
     */
    public java.util.List<Found> search(String text) {
        // Wildcards typed by the patient are taken out: the search matches what was typed, nothing more.
        String query = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
        if (query.length() < 3) {
            return java.util.List.of();
        }
        java.util.Map<String, Found> found = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select e.callerName, e.callerRole, e.callerNihii from AuditEntry e"
                + " where e.callerNihii is not null and e.callerRole in ('PHYSICIAN', 'PHARMACIST', 'NURSE', 'HOSPITAL')"
                + " and (lower(e.callerName) like :text or e.callerNihii like :prefix)"
                + " group by e.callerName, e.callerRole, e.callerNihii", Object[].class)
                .setParameter("text", "%" + query + "%").setParameter("prefix", query + "%").setMaxResults(100).getResultList()) {
            found.putIfAbsent(row[2] + "/" + row[1], new Found(String.valueOf(row[0]), String.valueOf(row[1]), String.valueOf(row[2])));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(Found::name)).limit(20).toList();
    }

    /** The party behind a registration number and role, as last seen acting. */
    public Optional<PartyKey> byNihii(String nihii, String role) {
        return em.createQuery("select e from AuditEntry e where e.callerNihii = :n and e.callerRole = :r order by e.seq desc",
                AuditEntry.class).setParameter("n", nihii).setParameter("r", role).setMaxResults(1).getResultStream()
                .findFirst().flatMap(AuditEntry::caller);
    }

    public Optional<Known> of(PartyKey party) {
        return em.createQuery("select e from AuditEntry e where e.callerType = :t and e.callerId = :i order by e.seq desc",
                AuditEntry.class).setParameter("t", party.type()).setParameter("i", party.value()).setMaxResults(1)
                .getResultStream().findFirst()
                .map(e -> new Known(String.valueOf(e.callerName()), String.valueOf(e.callerRole()),
                        e.callerNihii() == null ? "" : e.callerNihii()));
    }
}
