package org.carevault.application.access;

import org.carevault.domain.access.BoxPolicy;

/** A value that names a mailbox (the mailbox's box owner): what an {@link OfBox.Box} parameter holds. */
public interface NamesBox {

    /** The box, as {@link BoxPolicy} decides on it. */
    BoxPolicy.Box box();
}
