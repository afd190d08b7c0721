package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaccinationRecordTest {

    @Test
    void indicationsVaccineDateLotAndAuthorAreRead() {
        String vaccination = "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">2</id>"
                + "<cd S=\"CD-TRANSACTION\" SV=\"1.10\">vaccination</cd><date>2026-12-03</date><time>09:30:00</time>"
                + TestMessages.author() + "<iscomplete>true</iscomplete><isvalidated>true</isvalidated>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.10\">vaccine</cd>"
                + "<content><cd S=\"CD-VACCINEINDICATION\" SV=\"1.0\">diphteria</cd><cd S=\"CD-VACCINEINDICATION\" SV=\"1.0\">"
                + "tetanus</cd></content><content><medicinalproduct><intendedname>Boostrix</intendedname></medicinalproduct>"
                + "</content><beginmoment><date>2026-12-02</date></beginmoment><batch>AB1234</batch></item></transaction>";
        String bare = "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">3</id>"
                + "<cd S=\"CD-TRANSACTION\" SV=\"1.10\">vaccination</cd><date>2026-11-01</date><time>09:30:00</time>"
                + TestMessages.author() + "<iscomplete>true</iscomplete><isvalidated>true</isvalidated></transaction>";
        List<VaccinationRecord> records = VaccinationRecord.of(KmehrParser.parse(TestMessages.bytes(TestMessages.message(
                "<id S=\"ID-PATIENT\" SV=\"1.0\">" + TestMessages.SSIN + "</id><firstname>Marc</firstname><familyname>Devos"
                        + "</familyname>", vaccination + bare))));
        assertEquals(List.of(new VaccinationRecord(List.of("diphteria", "tetanus"), Optional.of("Boostrix"),
                Optional.of("2026-12-02"), Optional.of("AB1234"), Optional.of("Jan Peeters")),
                new VaccinationRecord(List.of(), Optional.empty(), Optional.of("2026-11-01"), Optional.empty(),
                        Optional.of("Jan Peeters"))), records, "a bare transaction is a record all the same, dated by itself");
    }
}
