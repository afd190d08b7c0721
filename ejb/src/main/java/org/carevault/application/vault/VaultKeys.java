package org.carevault.application.vault;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.carevault.crypto.atrest.Custodian;
import org.carevault.crypto.atrest.DataKeyEscrow;
import org.carevault.crypto.atrest.Pkcs11Custodian;
import org.carevault.crypto.atrest.Pkcs12Custodian;
import org.carevault.crypto.atrest.RecordCipher;
import org.carevault.domain.consent.PatientRecord;
import org.carevault.domain.consent.PatientRef;
import org.jboss.logging.Logger;

/**
 * Patients' data keys under the two-key scheme: each key is split in two shares, each share wrapped
 * by its own custodian (PKCS#12 key stores {@code custodian-a.p12} and {@code custodian-b.p12}
 * created at first start in the hub's keys directory, passwords from
 * {@code carevault.vault.custodian-a.password} / {@code -b.password}). The database alone, or with one
 * custodian, reveals no key. Records are AES-256-GCM bound to their identity.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class VaultKeys {

    private static final Logger LOG = Logger.getLogger(VaultKeys.class);

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    private DataKeyEscrow escrow;

    @PostConstruct
    void openCustodians() {
        Path keys = Path.of(System.getProperty("carevault.keys.dir",
                Path.of(System.getProperty("jboss.server.data.dir", "."), "carevault", "keys").toString()));
        escrow = new DataKeyEscrow(custodian("a", keys), custodian("b", keys));
    }

    /**
     * One custodian as configured: {@code carevault.vault.custodian-X.kind} {@code pkcs12} (default: a key store file
     * in the keys directory, created at first start) or {@code pkcs11} (a token: {@code .library}, default SoftHSM2's,
     * and {@code .slot}); the password is the key store's password or the token's user PIN. Anything else stops the
     * start: a hub never runs with a custodian other than the one configured.
     */
    private static Custodian custodian(String name, Path keys) {
        String prefix = "carevault.vault.custodian-" + name + ".";
        String kind = System.getProperty(prefix + "kind", "pkcs12");
        Custodian custodian = switch (kind) {
            case "pkcs12" -> Pkcs12Custodian.openOrCreate("custodian-" + name, keys.resolve("custodian-" + name + ".p12"),
                    password(name));
            case "pkcs11" -> Pkcs11Custodian.open("custodian-" + name,
                    System.getProperty(prefix + "library", "/usr/lib/softhsm/libsofthsm2.so"), slot(prefix), password(name));
            default -> throw new IllegalStateException(prefix + "kind must be pkcs12 or pkcs11");
        };
        LOG.infof("CV-VAULT-010 custodian %s: %s", name,
                "pkcs11".equals(kind) ? "PKCS#11 token in slot " + System.getProperty(prefix + "slot") : "PKCS#12 key store");
        return custodian;
    }

    private static char[] password(String custodian) {
        String value = System.getProperty("carevault.vault.custodian-" + custodian + ".password");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("carevault.vault.custodian-" + custodian + ".password is not set");
        }
        return value.toCharArray();
    }

    private static long slot(String prefix) {
        try {
            return Long.parseLong(System.getProperty(prefix + "slot", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(prefix + "slot (the token's slot id) is required for a PKCS#11 custodian");
        }
    }

    /**
     * Recovered data keys, kept for the patients read recently (at most {@link #CACHED_KEYS}) so that a
     * read does not wait on the custodians; a data key never changes (custodian rotation rewraps its
     * shares), so an entry never goes stale. Held in this JVM's memory only.
     */
    private static final int CACHED_KEYS = Integer.getInteger("carevault.vault.cached-keys", 10_000);

    private final Map<String, SecretKey> recovered = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
                    return size() > CACHED_KEYS;
                }
            });

    /** The patient's data key, created (and its shares stored) on first use. */
    public SecretKey keyFor(PatientRef patient) {
        SecretKey cached = recovered.get(patient.value());
        if (cached != null) {
            return cached;
        }
        byte[] context = context(patient);
        PatientDataKey stored = em.find(PatientDataKey.class, patient.value());
        if (stored == null) {
            // The first record of a patient may be written on two nodes at once (a scheme here, a Sumehr there): the
            // patient's row is locked before a key is made and the key looked for again under the lock, so that exactly
            // one key is ever stored and the second writer uses it (no key violation, no failed write).
            em.find(PatientRecord.class, patient.value(), LockModeType.PESSIMISTIC_WRITE);
            stored = em.find(PatientDataKey.class, patient.value());
        }
        if (stored == null) {
            DataKeyEscrow.NewKey created = escrow.create(context);
            em.persist(new PatientDataKey(patient.value(), created.escrowed(), Instant.now()));
            return created.dataKey();
        }
        SecretKey key = escrow.recover(stored.escrowed(), context);
        recovered.put(patient.value(), key);
        return key;
    }

    /** Encrypts a record of the patient's, bound to what it is (so it cannot be moved to another row). */
    public byte[] seal(SecretKey key, String record, String identity) {
        return RecordCipher.encrypt(key, record.getBytes(StandardCharsets.UTF_8), identity.getBytes(StandardCharsets.UTF_8));
    }

    public String open(SecretKey key, byte[] sealed, String identity) {
        return new String(RecordCipher.decrypt(key, sealed, identity.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static byte[] context(PatientRef patient) {
        return ("carevault-patient-data-key:" + patient.value()).getBytes(StandardCharsets.US_ASCII);
    }
}
