package org.carevault.kmehr;

import java.util.List;
import org.carevault.crypto.identity.Ssin;

/**
 * A validated KMEHR message: the parts the hub relies on, and the text exactly as received, from
 * which each transaction's own text is a verbatim slice.
 *
 * @param text            the whole message as received (decoded from UTF-8)
 * @param rootStartTag    the {@code <kmehrmessage …>} start tag as sent, with its namespace declarations
 * @param header          the header fields
 * @param patient         the one patient's SSIN
 * @param patientXml      the {@code <patient>} element as sent
 * @param transactions    every transaction of the folder, in order
 */
public record KmehrMessage(String text, String rootStartTag, Header header, Ssin patient, String patientXml,
        List<Transaction> transactions) {

    public static final String NAMESPACE = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";

    public KmehrMessage {
        transactions = List.copyOf(transactions);
    }

    public List<Transaction> transactionsOfType(String type) {
        return transactions.stream().filter(t -> type.equals(t.type())).toList();
    }
}
