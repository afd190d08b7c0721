package org.carevault.kmehr;

import java.util.List;
import java.util.Optional;

/**
 * One transaction as sent: its type ({@code CD-TRANSACTION}), ids, authors, the version when it
 * carries one, and its exact text in the message ({@code [start, end)} of the message's text).
 */
public record Transaction(String type, List<KmehrId> ids, List<Hcparty> authors, Optional<Long> version, String xml,
        int start, int end) {

    public Transaction {
        ids = List.copyOf(ids);
        authors = List.copyOf(authors);
    }

    /** The {@code LOCAL} id with the given scheme label ({@code SL}), if the transaction carries one. */
    public Optional<String> localId(String label) {
        return ids.stream().filter(id -> id.is("LOCAL") && label.equals(id.label())).map(KmehrId::value).findFirst();
    }
}
