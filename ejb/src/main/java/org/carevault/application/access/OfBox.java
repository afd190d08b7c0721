package org.carevault.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a mailbox operation (eHealthBox v3 name in {@link #value}): it works on the caller's own box, or on the box
 * named by its parameter ({@code Optional<BoxOwner>}) marked {@link Box} when the caller holds a mandate for it. The
 * box rules (a care provider's own box, mandates) are decided by the mailbox service; a message that names a patient is
 * decided for that patient by the decision point as well.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OfBox {

    /** The operation's name (sendMessage, getMessagesList, …). */
    String value();

    /** Marks the parameter naming the box consulted on behalf of its owner. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Box {
    }
}
