package org.carevault.kmehr;

import static org.carevault.kmehr.KmehrSlice.child;
import static org.carevault.kmehr.KmehrSlice.children;
import static org.carevault.kmehr.KmehrSlice.items;
import static org.carevault.kmehr.KmehrSlice.moment;
import static org.carevault.kmehr.KmehrSlice.parse;
import static org.carevault.kmehr.KmehrSlice.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A vaccination as a patient reads it, from a KMEHR {@code vaccination} transaction: what against
 * ({@code CD-VACCINEINDICATION} codes, as written), the vaccine (the product's name), when (the item's begin moment, or
 * the transaction's date), the lot ({@code batch}) and who gave or recorded it (the transaction's author). What the
 * message does not say stays empty; a transaction that cannot be read is still a record.
 */
public record VaccinationRecord(List<String> indications, Optional<String> vaccine, Optional<String> date,
        Optional<String> lot, Optional<String> author) {

    public VaccinationRecord {
        indications = List.copyOf(indications);
    }

    /** The message's vaccinations, in order. */
    public static List<VaccinationRecord> of(KmehrMessage message) {
        List<VaccinationRecord> records = new ArrayList<>();
        for (Transaction transaction : message.transactionsOfType("vaccination")) {
            Optional<Element> root = parse(transaction.xml());
            Optional<Element> vaccine = root.flatMap(r -> items(r, "vaccine").stream().findFirst());
            List<String> indications = new ArrayList<>();
            vaccine.ifPresent(item -> children(item, "content").forEach(content -> children(content, "cd").stream()
                    .filter(cd -> "CD-VACCINEINDICATION".equals(cd.getAttribute("S")))
                    .map(cd -> cd.getTextContent().strip()).filter(v -> !v.isEmpty()).forEach(indications::add)));
            Optional<String> product = vaccine.flatMap(item -> children(item, "content").stream()
                    .map(content -> child(content, "medicinalproduct").flatMap(p -> text(p, "intendedname")))
                    .flatMap(Optional::stream).findFirst());
            Optional<String> date = vaccine.flatMap(item -> moment(item, "beginmoment")).or(() -> root.flatMap(r -> text(r, "date")));
            records.add(new VaccinationRecord(indications, product, date, vaccine.flatMap(item -> text(item, "batch")),
                    root.flatMap(KmehrSlice::author)));
        }
        return records;
    }
}
