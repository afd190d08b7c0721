package org.carevault.kmehr;

import java.util.List;
import java.util.Optional;

/** A care party ({@code hcparty}) as far as the hub reads it: its ids and its kinds ({@code CD-HCPARTY}). */
public record Hcparty(List<KmehrId> ids, List<String> kinds) {

    public Hcparty {
        ids = List.copyOf(ids);
        kinds = List.copyOf(kinds);
    }

    public Optional<String> id(String scheme) {
        return ids.stream().filter(id -> id.is(scheme)).map(KmehrId::value).findFirst();
    }
}
