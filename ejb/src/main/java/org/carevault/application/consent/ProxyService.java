package org.carevault.application.consent;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.AccessStateCache;
import org.carevault.application.access.Checked;
import org.carevault.application.access.OfPatient;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.vault.VaultKeys;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientProxy;
import org.carevault.domain.consent.PatientRef;

/**
 * Proxies: people who may act for a patient in the portal. The patient appoints one (by the person's SSIN and the
 * name they know them by) and revokes it; an operator links a legal representative (a parent to a child's SSIN) and
 * is the only one to remove it. A proxy acts with the patient's rights except changing who the proxies are; what a
 * proxy does is recorded as done by the proxy (their own reference) for the patient. Names are sealed under the
 * represented patient's data key, bound to the proxy's id.
 */
@Stateless
public class ProxyService {


    /** The longest name kept for a proxy or a represented patient. */
    public static final int MAX_NAME = 100;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private AccessControl access;

    @Inject
    private AccessStateCache cache;

    @EJB
    private PatientDirectory directory;

    @EJB
    private VaultKeys keys;

    /** A proxy with its names opened. */
    public record View(PatientProxy proxy, String proxyName, String patientName) {
    }

    /**
     * What is asked: the proxy by SSIN and the name the patient knows them by; for a legal representative linked by
     * an operator, also the represented patient's name (a patient appointing a proxy is named by their login).
     */
    public record Request(String proxySsin, String proxyName, Optional<String> patientName, Optional<Instant> until) {
    }

    /** The patient's proxies, revoked ones included (as history: they name who acted in the patient's log). */
    @Checked(action = "GetProxy", data = DataType.PROXY, operation = Operation.READ)
    public List<View> list(Caller caller, @OfPatient PatientRef patient) {
        return em.createQuery("select x from PatientProxy x where x.patientRef = :p order by x.createdAt", PatientProxy.class)
                .setParameter("p", patient).getResultList().stream().map(this::view).toList();
    }

    /**
     * Appoints a proxy (the patient: {@link PatientProxy.Kind#APPOINTED}) or links a legal representative (an
     * operator: {@link PatientProxy.Kind#LEGAL_REPRESENTATIVE}); asking again for an active one changes nothing.
     */
    @Checked(action = "PutProxy", data = DataType.PROXY, operation = Operation.WRITE, strongAuthentication = true)
    public Registered<View> put(Caller caller, @OfPatient PatientRef patient, Request request) {
        PatientProxy.Kind kind = caller.role() == Role.ADMIN ? PatientProxy.Kind.LEGAL_REPRESENTATIVE
                : PatientProxy.Kind.APPOINTED;
        String proxyName = name(request.proxyName(), "The proxy's name");
        String patientName = kind == PatientProxy.Kind.APPOINTED ? name(caller.displayName(), "The patient's name")
                : name(request.patientName().orElse(""), "The represented patient's name");
        PatientRef proxy = directory.resolve(caller, request.proxySsin());
        if (proxy.equals(patient)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A patient is not their own proxy");
        }
        Instant now = Instant.now();
        if (request.until().isPresent() && !request.until().get().isAfter(now)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A proxy must end in the future");
        }
        cache.beginChange(patient, now);
        Optional<PatientProxy> existing = active(patient).stream()
                .filter(p -> p.proxy().equals(proxy) && p.kind() == kind).findFirst();
        if (existing.isPresent()) {
            access.recordChange(existing.get().id().toString());
            return new Registered<>(view(existing.get()), false);
        }
        PatientProxy created = new PatientProxy(patient, proxy, kind, now, request.until(), access.actorOf(caller), now);
        created.seal(keys.seal(keys.keyFor(patient), proxyName + "\n" + patientName, identity(created)));
        em.persist(created);
        access.recordChange(created.id().toString());
        return new Registered<>(new View(created, proxyName, patientName), true);
    }

    /**
     * Revokes a proxy at once: the patient their appointed proxies, an operator a legal representative; revoking a
     * revoked one changes nothing; one of another patient is not found.
     */
    @Checked(action = "RevokeProxy", data = DataType.PROXY, operation = Operation.WRITE, strongAuthentication = true)
    public View revoke(Caller caller, @OfPatient PatientRef patient, UUID proxyId) {
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        PatientProxy proxy = em.find(PatientProxy.class, proxyId);
        if (proxy == null || !proxy.patient().equals(patient)) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        boolean operator = caller.role() == Role.ADMIN;
        if (operator != (proxy.kind() == PatientProxy.Kind.LEGAL_REPRESENTATIVE)) {
            throw new CareVaultException(ErrorCode.ROLE_NOT_ALLOWED, operator
                    ? "A proxy appointed by the patient is revoked by the patient"
                    : "A legal representative is removed by the hub's operator");
        }
        proxy.revoke(access.actorOf(caller), now);
        access.recordChange(proxy.id().toString());
        return view(proxy);
    }

    /** The patients the calling patient may act for now (in the caller's own trail: who they represent). */
    @Checked(action = "GetRepresentedPatients", data = DataType.PROXY, operation = Operation.READ, callersOwnRecord = true)
    public List<View> represented(Caller caller) {
        PatientRef self = access.selfOf(caller).orElseThrow(() -> new CareVaultException(ErrorCode.ROLE_NOT_ALLOWED));
        Instant now = Instant.now();
        return em.createQuery("select x from PatientProxy x where x.proxyRef = :p and x.revokedAt is null"
                + " order by x.createdAt", PatientProxy.class).setParameter("p", self.value()).getResultList().stream()
                .filter(p -> p.activeAt(now)).map(this::view).toList();
    }

    private List<PatientProxy> active(PatientRef patient) {
        return em.createQuery("select x from PatientProxy x where x.patientRef = :p and x.revokedAt is null"
                + " order by x.createdAt", PatientProxy.class).setParameter("p", patient).getResultList();
    }

    private View view(PatientProxy proxy) {
        SecretKey key = keys.keyFor(proxy.patient());
        String names = keys.open(key, proxy.sealedNames(), identity(proxy));
        int split = names.indexOf('\n');
        return new View(proxy, names.substring(0, split), names.substring(split + 1));
    }

    private static String identity(PatientProxy proxy) {
        return "patient_proxy:" + proxy.id();
    }

    private static String name(String text, String what) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, what + " must have 1 to " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, what + " must not contain control characters");
        }
        return name;
    }
}
