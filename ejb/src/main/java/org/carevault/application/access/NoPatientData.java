package org.carevault.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a service method touches no patient's data, and why (e.g. the caller's own preferences, the public
 * keys of professionals): the decision point lets it run without a decision. The reason is required and is read in
 * review; {@link AccessDeclarations} refuses a method that takes a {@code PatientRef} and says this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoPatientData {

    /** Why no patient's data is reached. */
    String value();
}
