package org.carevault.application.access;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.carevault.application.audit.AuditEvent;
import org.carevault.application.audit.AuditLog;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.access.AccessMatrix;
import org.carevault.domain.access.AccessPolicy;
import org.carevault.domain.access.AccessRequest;
import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.BreakTheGlass;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.DecisionCode;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.access.PatientAccessState;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientRef;
import org.jboss.logging.Logger;

/**
 * The one access decision: {@link DecisionPoint} asks it before every {@link Checked} service method runs, whatever the
 * entry path (SOAP, REST, portal, batch). It decides with {@link AccessPolicy} on the patient's cached state, records the
 * decision in the audit trail (a permit in the caller's transaction, a refusal in its own) and throws the refusal's
 * coded error. A plain CDI bean: the interceptor reaches it without another container hop.
 */
@ApplicationScoped
public class AccessControl {

    /** System property naming an access matrix file that overrides the default entries. */
    public static final String MATRIX_PROPERTY = "carevault.access-matrix";

    @EJB
    private AuditLog audit;

    @Inject
    private AccessStateCache states;

    @EJB
    private PatientRefs refs;

    @Inject
    private AccessMetrics metrics;

    @EJB
    private ProfessionalDirectory professionals;

    @Inject
    private MandateLookup mandates;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private static final Logger LOG = Logger.getLogger(AccessControl.class);

    private AccessPolicy policy;

    private final BoxPolicy boxPolicy = new BoxPolicy();

    @PostConstruct
    void loadMatrix() {
        policy = new AccessPolicy(matrix());
    }

    static AccessMatrix matrix() {
        String file = System.getProperty(MATRIX_PROPERTY);
        Properties overrides = new Properties();
        if (file != null && !file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                overrides.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the access matrix " + file, e);
            }
        }
        return AccessMatrix.of(overrides);
    }

    /** What is being asked, in the words of the audit trail. */
    public record Intent(String action, DataType dataType, Operation operation, Optional<String> breakTheGlassReason,
            boolean withdrawal, boolean strongAuthentication) {
        public Intent(String action, DataType dataType, Operation operation, Optional<String> breakTheGlassReason) {
            this(action, dataType, operation, breakTheGlassReason, false, false);
        }

        public static Intent of(String action, DataType dataType, Operation operation) {
            return new Intent(action, dataType, operation, Optional.empty(), false, false);
        }

        /** A change that only takes access away. */
        public static Intent withdrawal(String action, DataType dataType) {
            return new Intent(action, dataType, Operation.WRITE, Optional.empty(), true, false);
        }
    }

    /**
     * Decides, records and returns the permit with its audit event (to which the service may add the
     * id of what it changed by calling {@link #recordChange}); throws the coded refusal.
     */
    public Decision authorize(Caller caller, Optional<PatientRef> patient, Intent intent) {
        long start = System.nanoTime();
        try {
            return decideAndRecord(caller, patient, intent);
        } finally {
            metrics.decided(System.nanoTime() - start);
        }
    }

    private Decision decideAndRecord(Caller caller, Optional<PatientRef> patient, Intent intent) {
        Instant now = Instant.now();
        professionals.saw(caller);
        Optional<PatientRef> self = selfOf(caller);
        PatientAccessState state = patient.map(p -> states.get(p, now)).orElse(PatientAccessState.UNKNOWN);
        Decision decision = policy.decide(new AccessRequest(Optional.of(caller), self, patient, intent.dataType(),
                intent.operation(), intent.breakTheGlassReason(), intent.withdrawal(), intent.strongAuthentication()), state, now);
        // A reason given is recorded, also when a relationship permitted (then it is not a break-the-glass access).
        Optional<String> reason = intent.breakTheGlassReason().flatMap(BreakTheGlass::validReason);
        AuditEvent event = new AuditEvent(now, caller.channel(), intent.action(), Optional.of(caller), self, patient,
                intent.dataType(), intent.operation(), decision, reason, Optional.empty());
        if (!decision.permitted()) {
            audit.recordAlone(event);
            throw new CareVaultException(decision.code().errorCode());
        }
        if (!isChange(intent)) {
            pending(event);
        }
        return decision;
    }

    /**
     * Decides the use of a mailbox ({@link OfBox}) with {@link BoxPolicy}: the caller's own box (empty: theirs), or
     * another's under an active mandate. A refusal is recorded in its own transaction, naming the box when one was
     * named, and thrown; a use of another's box under a mandate is recorded in the call's transaction. The owner's use of
     * their own box is not an access to anyone else's data and is not recorded (a box is polled all day).
     */
    public Decision authorizeBox(Caller caller, Optional<BoxPolicy.Box> box, String action, Operation operation,
            boolean ownerOnly) {
        long start = System.nanoTime();
        try {
            BoxPolicy.BoxRequest asked = new BoxPolicy.BoxRequest(Optional.of(caller), box, false, ownerOnly);
            boolean mandated = asked.namesAnothersBox() && !ownerOnly && caller.role().isCareProvider()
                    && mandates.active(box.get(), PartyKey.of(caller.id()));
            Decision decision = boxPolicy.decide(new BoxPolicy.BoxRequest(Optional.of(caller), box, mandated, ownerOnly));
            if (decision.basis() == Decision.Basis.BOX_OWNER) {
                return decision;
            }
            AuditEvent event = new AuditEvent(Instant.now(), caller.channel(), action, Optional.of(caller), selfOf(caller),
                    Optional.empty(), DataType.MAILBOX, operation, decision, Optional.empty(), Optional.empty(),
                    box.map(BoxPolicy.Box::written));
            if (!decision.permitted()) {
                audit.recordAlone(event);
                throw new CareVaultException(decision.code().errorCode());
            }
            pending(event);
            return decision;
        } finally {
            metrics.decided(System.nanoTime() - start);
        }
    }

    private static final Object PENDING = AccessControl.class.getName() + ".pending";

    /**
     * Holds a permit's audit entry until the end of the service call ({@link DecisionPoint}), so that
     * the audit chain's head is locked only from the append to the commit, not while the data is read.
     * A transaction that would commit with an entry still held is rolled back: no audit, no access.
     */
    @SuppressWarnings("unchecked")
    private void pending(AuditEvent event) {
        List<AuditEvent> events = (List<AuditEvent>) transactions.getResource(PENDING);
        if (events == null) {
            List<AuditEvent> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!created.isEmpty()) {
                        LOG.error("CV-SYS-003 a permit's audit entry was not written: the access is rolled back");
                        transactions.setRollbackOnly();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to release
                }
            });
            events = created;
        }
        events.add(event);
    }

    /** Appends the permits held in this transaction to the audit trail (called at the end of each service call). */
    @SuppressWarnings("unchecked")
    public void appendPending() {
        List<AuditEvent> events = (List<AuditEvent>) transactions.getResource(PENDING);
        if (events != null) {
            audit.recordAll(events);
            events.clear();
        }
    }

    /**
     * Records the permitted change the current checked call made, with the id of what changed, in the change's
     * transaction (a change is recorded once it is made, so that its entry names it).
     */
    public void recordChange(String subjectId) {
        DecisionPoint.Call call = DecisionPoint.current();
        audit.record(new AuditEvent(Instant.now(), call.caller().channel(), call.intent().action(), Optional.of(call.caller()),
                selfOf(call.caller()), Optional.ofNullable(call.patient()), call.intent().dataType(), call.intent().operation(),
                call.decision(), Optional.empty(), Optional.of(subjectId)));
    }

    /** The permit of the current checked call (CheckAccess answers it). */
    public Decision currentDecision() {
        return DecisionPoint.current().decision();
    }

    /**
     * The calling patient's own record, for a method about it ({@link Checked#callersOwnRecord}); a caller who is not a
     * patient is refused, and the refusal recorded like any other.
     */
    public PatientRef ownRecord(Caller caller, Intent intent) {
        Optional<PatientRef> self = selfOf(caller);
        if (self.isPresent()) {
            return self.get();
        }
        Decision refusal = Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
        audit.recordAlone(new AuditEvent(Instant.now(), caller.channel(), intent.action(), Optional.of(caller), self,
                Optional.empty(), intent.dataType(), intent.operation(), refusal, Optional.empty(), Optional.empty()));
        throw new CareVaultException(refusal.code().errorCode());
    }

    private static boolean isChange(Intent intent) {
        return intent.operation() == Operation.WRITE && !intent.dataType().isHealthData();
    }

    /**
     * Who did something, as stored with consent, relationships and exclusions: a professional or
     * hospital by identifier, a patient by their patient reference (never by SSIN).
     */
    public Actor actorOf(Caller caller) {
        return selfOf(caller).map(self -> new Actor(new PartyKey("PATIENT", self.value()), caller.role()))
                .orElseGet(() -> Actor.of(caller));
    }

    /** The caller's own patient reference, when the caller is a patient. */
    public Optional<PatientRef> selfOf(Caller caller) {
        if (caller.role() == Role.PATIENT && caller.id() instanceof PartyId.Person person) {
            return Optional.of(refs.of(person.ssin()));
        }
        return Optional.empty();
    }
}
