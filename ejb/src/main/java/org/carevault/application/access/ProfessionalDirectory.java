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

    public Optional<Known> of(PartyKey party) {
        return em.createQuery("select e from AuditEntry e where e.callerType = :t and e.callerId = :i order by e.seq desc",
                AuditEntry.class).setParameter("t", party.type()).setParameter("i", party.value()).setMaxResults(1)
                .getResultStream().findFirst()
                .map(e -> new Known(String.valueOf(e.callerName()), String.valueOf(e.callerRole()),
                        e.callerNihii() == null ? "" : e.callerNihii()));
    }
}
