package org.carevault.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.Operation;

/**
 * Declares a mailbox operation (eHealthBox v3 name in {@link #value}): it works on the caller's own box, or on the box
 * named by its parameter ({@code Optional<BoxOwner>}, a {@link NamesBox}) marked {@link Box} when the caller holds a
 * mandate for it. The decision point decides the box with {@link BoxPolicy} before the method runs; an operation without
 * a {@link Box} parameter is the owner's alone (sending in the box's name, absences, mandates). A message that names a
 * patient is decided for that patient as well, by the service through {@link AccessControl#authorize}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OfBox {

    /** The operation's name (sendMessage, getMessagesList, …). */
    String value();

    /** Whether the operation reads the box or changes it (files, deletes, sends, grants). */
    Operation operation();

    /** Marks the parameter naming the box consulted on behalf of its owner. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Box {
    }
}
