package org.carevault.kmehr;

import java.util.List;

/** The message header's fields the hub relies on. */
public record Header(String standard, String id, String date, String time, List<Hcparty> senders) {

    public Header {
        senders = List.copyOf(senders);
    }
}
