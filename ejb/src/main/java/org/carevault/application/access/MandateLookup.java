package org.carevault.application.access;

import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.PartyKey;

/** Whether a box's owner gave a party an active mandate: what {@link BoxPolicy} needs to know (the mailbox answers). */
public interface MandateLookup {

    boolean active(BoxPolicy.Box box, PartyKey mandatee);
}
