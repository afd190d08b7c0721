package org.carevault.application.vault;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.BreakTheGlassReason;
import org.carevault.application.access.Checked;
import org.carevault.application.access.OfPatient;
import org.carevault.application.access.PatientRefs;
import org.carevault.crypto.Sha256;
import org.carevault.crypto.identity.Nihii;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.VersionConflictException;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;
import org.carevault.kmehr.KmehrException;
import org.carevault.kmehr.KmehrMessage;
import org.carevault.kmehr.KmehrParser;
import org.carevault.kmehr.SchemeDocument;
import org.carevault.kmehr.Transaction;

/**
 * The patient's medication scheme (GetTransactionSet / PutTransactionSet / GetLatestUpdate), kept
 * as versions: a write states the version it is based on and is refused if another write came
 * first (no lost update); elements keep a stable vault id; every version stays readable, and two
 * versions can be compared. Every text is encrypted under the patient's data key.
 */
@Stateless
public class MedicationSchemeService {


    @Inject
    private VaultRepository vault;

    @Inject
    private AccessControl access;

    @EJB
    private PatientRefs refs;

    @EJB
    private VaultKeys keys;

    /** A version as returned: its number, when and by whom it was written, and the KMEHR text. */
    public record SchemeView(long version, Instant updatedAt, String kmehr) {
    }

    /** GetLatestUpdate: the version and its time only (cheap, for polling). */
    public record LatestUpdate(long version, Instant updatedAt) {
    }

    /** One entry of the history. */
    public record VersionInfo(long version, Instant at, String authorType, String authorId, String authorRole,
            String channel) {
    }

    /** Elements added, changed and removed between two versions (by vault id). */
    public record Diff(long from, long to, List<UUID> added, List<UUID> changed, List<UUID> removed) {
    }

    @Checked(action = "GetTransactionSet", data = DataType.MEDICATION_SCHEME, operation = Operation.READ)
    public Optional<SchemeView> current(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return head(patient).map(head -> render(caller, patient, head.version()));
    }

    @Checked(action = "GetTransactionSetVersion", data = DataType.MEDICATION_SCHEME, operation = Operation.READ)
    public SchemeView version(Caller caller, @OfPatient PatientRef patient, long version, @BreakTheGlassReason Optional<String> breakTheGlass) {
        if (vault.version(patient, version).isEmpty()) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        return render(caller, patient, version);
    }

    @Checked(action = "GetLatestUpdate", data = DataType.MEDICATION_SCHEME, operation = Operation.READ)
    public Optional<LatestUpdate> latestUpdate(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return head(patient).map(head -> new LatestUpdate(head.version(), head.updatedAt()));
    }

    @Checked(action = "GetTransactionSetHistory", data = DataType.MEDICATION_SCHEME, operation = Operation.READ)
    public List<VersionInfo> history(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return vault.versions(patient).stream()
                .map(v -> new VersionInfo(v.version(), v.createdAt(), v.author().type(), v.author().value(), v.authorRole(),
                        v.channel()))
                .toList();
    }

    @Checked(action = "DiffTransactionSet", data = DataType.MEDICATION_SCHEME, operation = Operation.READ)
    public Diff diff(Caller caller, @OfPatient PatientRef patient, long from, long to, @BreakTheGlassReason Optional<String> breakTheGlass) {
        SecretKey key = keys.keyFor(patient);
        Map<UUID, String> before = elementTexts(patient, from, key);
        Map<UUID, String> after = elementTexts(patient, to, key);
        List<UUID> added = after.keySet().stream().filter(id -> !before.containsKey(id)).toList();
        List<UUID> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        List<UUID> changed = after.keySet().stream().filter(id -> before.containsKey(id) && !before.get(id).equals(after.get(id)))
                .toList();
        return new Diff(from, to, added, changed, removed);
    }

    /**
     * PutTransactionSet: a full scheme based on the stated version (0 when the patient has none yet;
     * none stated is refused after the access decision).
     * Elements with a vault id update theirs; without one they are new; those left out are removed.
     */
    @Checked(action = "PutTransactionSet", data = DataType.MEDICATION_SCHEME, operation = Operation.WRITE)
    public SchemeView put(Caller caller, @OfPatient PatientRef patient, byte[] kmehr, Optional<Long> statedVersion,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        long basedOn = statedVersion.orElseThrow(() -> new CareVaultException(ErrorCode.VERSION_REQUIRED,
                "State the version the write is based on (If-Match: the ETag you read, \"0\" for none)"));
        return write(caller, patient, kmehr, basedOn, false);
    }

    /**
     * PutTransactionSet as IntraHub states it: the medicationscheme transaction's {@code <version>} is the version the
     * write is based on (Vitalink's meaning), which KMEHR writes as a positive number — there is no version to state for
     * a scheme that does not exist yet. So a write on a patient without a scheme creates it whatever version it states
     * (nothing can be lost: a concurrent creation is still refused); on an existing scheme the version must be the
     * current one, as for every other write.
     */
    @Checked(action = "PutTransactionSet", data = DataType.MEDICATION_SCHEME, operation = Operation.WRITE)
    public SchemeView putStatedInKmehr(Caller caller, @OfPatient PatientRef patient, byte[] kmehr,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        KmehrMessage message = parse(kmehr);
        long stated = message.transactionsOfType(SchemeDocument.SCHEME).stream().findFirst()
                .flatMap(Transaction::version)
                .orElseThrow(() -> new CareVaultException(ErrorCode.VERSION_REQUIRED,
                        "State the version the write is based on in the medicationscheme transaction's <version>"));
        return write(caller, patient, kmehr, stated, true);
    }

    private SchemeView write(Caller caller, PatientRef patient, byte[] kmehr, long basedOn, boolean creationWhateverStated) {
        KmehrMessage message = parse(kmehr);
        if (!refs.of(message.patient()).equals(patient)) {
            throw new CareVaultException(ErrorCode.PATIENT_MISMATCH);
        }
        List<Transaction> schemes = message.transactionsOfType(SchemeDocument.SCHEME);
        if (schemes.size() != 1 || schemes.get(0).version().isEmpty()
                || !message.transactions().stream().allMatch(t -> t.type().equals(SchemeDocument.SCHEME)
                        || SchemeDocument.ELEMENT_TYPES.contains(t.type()))) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID,
                    "One medicationscheme transaction with a version, then medicationschemeelement and treatmentsuspension only");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);  // as stored: the answer is rendered as later reads are
        long next = advance(patient, basedOn, creationWhateverStated, now);
        SecretKey key = keys.keyFor(patient);
        Set<UUID> known = knownElements(patient);
        Set<UUID> seen = new HashSet<>();
        List<String> texts = new ArrayList<>();
        List<SchemeElement> rows = new ArrayList<>();
        int position = 0;
        for (Transaction element : message.transactions()) {
            if (element.type().equals(SchemeDocument.SCHEME)) {
                continue;
            }
            UUID id;
            String text;
            Optional<String> vaultId = element.localId(SchemeDocument.VAULT_ID_LABEL);
            if (vaultId.isPresent()) {
                id = parseId(vaultId.get());
                if (!known.contains(id) || !seen.add(id)) {
                    throw new CareVaultException(ErrorCode.ELEMENT_UNKNOWN);
                }
                text = element.xml();
            } else {
                id = UUID.randomUUID();
                text = SchemeDocument.withVaultId(element.xml(), id.toString());
            }
            rows.add(new SchemeElement(patient.value(), next, position, id, element.type(),
                    seal(key, text, elementIdentity(patient, next, position, id))));
            texts.add(text);
            position++;
        }
        SchemeDocument.Stored stored = new SchemeDocument.Stored(SchemeDocument.Frame.of(message, schemes.get(0)),
                Optional.of(texts));
        vault.store(new SchemeVersion(patient.value(), next, caller, now, seal(key, stored.encode(), frameIdentity(patient, next))),
                rows);
        return new SchemeView(next, now, render(caller, patient, stored.frame(), next, now, texts));
    }

    /** Moves the head from {@code basedOn} to the next version, or refuses with the current one. */
    private long advance(PatientRef patient, long basedOn, boolean creationWhateverStated, Instant now) {
        Optional<SchemeHead> head = vault.lockedHead(patient);
        long current = head.map(SchemeHead::version).orElse(0L);
        if (basedOn != current && !(head.isEmpty() && creationWhateverStated)) {
            throw new VersionConflictException(current);
        }
        if (head.isEmpty()) {
            try {
                vault.createHead(patient, now);
            } catch (PersistenceException e) {
                throw new VersionConflictException(1);
            }
            return 1;
        }
        if (!vault.advanceHead(patient, current, now)) {
            throw new VersionConflictException(current + 1);
        }
        return current + 1;
    }

    private static KmehrMessage parse(byte[] kmehr) {
        try {
            return KmehrParser.parse(kmehr);
        } catch (KmehrException e) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, e.reason().name());
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.ELEMENT_UNKNOWN);
        }
    }

    private Optional<SchemeHead> head(PatientRef patient) {
        return vault.head(patient);
    }

    private Set<UUID> knownElements(PatientRef patient) {
        return vault.elementIds(patient);
    }

    /** One version as returned: one record decrypted (the element rows only for versions stored before that). */
    private SchemeView render(Caller caller, PatientRef patient, long version) {
        SecretKey key = keys.keyFor(patient);
        SchemeVersion row = vault.version(patient, version).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
        SchemeDocument.Stored stored = SchemeDocument.Stored.decode(open(key, row.sealedFrame(), frameIdentity(patient, version)));
        List<String> elements = stored.elements()
                .orElseGet(() -> new ArrayList<>(elementTexts(patient, version, key).values()));
        return new SchemeView(version, row.createdAt(), render(caller, patient, stored.frame(), version, row.createdAt(), elements));
    }

    /**
     * The KMEHR of a version for its reader: the message id and time belong to the version (its time, and an id
     * derived from the patient's reference and the version number, which reveals neither), the recipient is the
     * caller. The same version read twice by the same caller is the same bytes, so a strong ETag can name them.
     */
    private static String render(Caller caller, PatientRef patient, SchemeDocument.Frame frame, long version, Instant createdAt,
            List<String> elements) {
        return SchemeDocument.render(frame, version, messageId(patient, version), createdAt, recipientOf(caller), elements);
    }

    private static String messageId(PatientRef patient, long version) {
        String digest = Sha256.hex(("carevault-scheme-message|" + patient.value() + "|" + version).getBytes(StandardCharsets.UTF_8));
        return "carevault." + digest.substring(0, 32);
    }

    /** The caller as KMEHR's header recipient: NIHII and SSIN when known, the quality of their role, their name. */
    static SchemeDocument.Recipient recipientOf(Caller caller) {
        Optional<String> nihii = caller.nihii().map(Nihii::value)
                .or(() -> caller.id() instanceof PartyId.Organisation organisation ? Optional.of(organisation.value())
                        : Optional.empty());
        Optional<String> ssin = caller.id() instanceof PartyId.Person person ? Optional.of(person.value()) : Optional.empty();
        String quality = switch (caller.role()) {
            case PHYSICIAN -> "persphysician";
            case PHARMACIST -> "perspharmacist";
            case NURSE -> "persnurse";
            case HOSPITAL -> "orghospital";
            case PATIENT -> "patient";
            case ADMIN -> "application";
        };
        return new SchemeDocument.Recipient(nihii, ssin, quality, Optional.ofNullable(caller.displayName()));
    }

    private Map<UUID, String> elementTexts(PatientRef patient, long version, SecretKey key) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        for (SchemeElement element : vault.elements(patient, version)) {
            texts.put(element.elementId(), open(key, element.sealedContent(),
                    elementIdentity(patient, version, element.position(), element.elementId())));
        }
        return texts;
    }

    private String seal(SecretKey key, String text, String identity) {
        return Base64.getEncoder().encodeToString(keys.seal(key, text, identity));
    }

    private String open(SecretKey key, String sealed, String identity) {
        return keys.open(key, Base64.getDecoder().decode(sealed), identity);
    }

    private static String frameIdentity(PatientRef patient, long version) {
        return "medication-scheme/" + patient.value() + "/" + version + "/frame";
    }

    private static String elementIdentity(PatientRef patient, long version, int position, UUID id) {
        return "medication-scheme/" + patient.value() + "/" + version + "/" + position + "/" + id;
    }
}
