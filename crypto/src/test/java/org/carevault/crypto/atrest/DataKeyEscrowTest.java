package org.carevault.crypto.atrest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyEscrowTest {

    private static final byte[] PATIENT = "patient-ref:8f2c".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_PATIENT = "patient-ref:1a77".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "custodian-pw".toCharArray();

    @TempDir
    Path dir;

    private Pkcs12Custodian first;
    private Pkcs12Custodian second;
    private DataKeyEscrow escrow;

    @BeforeEach
    void custodians() {
        first = Pkcs12Custodian.openOrCreate("custodian-a", dir.resolve("a.p12"), PASSWORD);
        second = Pkcs12Custodian.openOrCreate("custodian-b", dir.resolve("b.p12"), PASSWORD);
        escrow = new DataKeyEscrow(first, second);
    }

    @Test
    void bothCustodiansTogetherRecoverTheKey() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        SecretKey recovered = escrow.recover(created.escrowed(), PATIENT);

        assertArrayEquals(created.dataKey().getEncoded(), recovered.getEncoded());
        assertEquals(32, recovered.getEncoded().length);
    }

    @Test
    void theKeyRecoversAfterTheCustodiansAreReopenedFromTheirFiles() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        DataKeyEscrow reopened = new DataKeyEscrow(
                Pkcs12Custodian.openOrCreate("custodian-a", dir.resolve("a.p12"), PASSWORD),
                Pkcs12Custodian.openOrCreate("custodian-b", dir.resolve("b.p12"), PASSWORD));

        assertArrayEquals(created.dataKey().getEncoded(), reopened.recover(created.escrowed(), PATIENT).getEncoded());
    }

    @Test
    void oneShareAloneIsNotTheKey() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        byte[] shareA = first.unwrap(created.escrowed().first(), PATIENT);
        byte[] shareB = second.unwrap(created.escrowed().second(), PATIENT);

        assertFalse(Arrays.equals(created.dataKey().getEncoded(), shareA));
        assertFalse(Arrays.equals(created.dataKey().getEncoded(), shareB));
        assertFalse(Arrays.equals(shareA, shareB));
    }

    @Test
    void aCustodianCannotUnwrapTheOthersShare() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        WrappedShare foreign = created.escrowed().second();

        assertThrows(RecordCipherException.class, () -> first.unwrap(foreign, PATIENT));
        assertThrows(RecordCipherException.class, () -> first.unwrap(
                new WrappedShare("custodian-a", foreign.keyVersion(), foreign.wrapped()), PATIENT));
    }

    @Test
    void anEscrowMovedToAnotherPatientDoesNotRecover() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        assertThrows(RecordCipherException.class, () -> escrow.recover(created.escrowed(), OTHER_PATIENT));
    }

    @Test
    void rotationKeepsOldSharesReadableAndRewrapMovesThemWithoutChangingTheDataKey() {
        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        byte[] record = RecordCipher.encrypt(created.dataKey(), "medication".getBytes(StandardCharsets.UTF_8), PATIENT);

        assertEquals(2, first.rotate());
        assertArrayEquals(created.dataKey().getEncoded(), escrow.recover(created.escrowed(), PATIENT).getEncoded());

        DataKeyEscrow.EscrowedKey rewrapped = escrow.rewrap(created.escrowed(), PATIENT);
        assertEquals(2, rewrapped.first().keyVersion());
        assertEquals(created.escrowed().second(), rewrapped.second(), "the other custodian did not rotate");
        assertNotEquals(created.escrowed().first(), rewrapped.first());

        first.retireBelow(2);
        assertThrows(RecordCipherException.class, () -> escrow.recover(created.escrowed(), PATIENT),
                "the retired key is gone");
        SecretKey recovered = escrow.recover(rewrapped, PATIENT);
        assertArrayEquals("medication".getBytes(StandardCharsets.UTF_8), RecordCipher.decrypt(recovered, record, PATIENT),
                "records encrypted before the rotation decrypt unchanged");
    }

    @Test
    void theSameCustodianTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataKeyEscrow(first, first));
    }

    @Test
    void aWrongKeyStorePasswordIsRefused() {
        assertThrows(RuntimeException.class,
                () -> Pkcs12Custodian.openOrCreate("custodian-a", dir.resolve("a.p12"), "wrong".toCharArray()));
    }
}
