package org.carevault.application.consent;

/** The result of an idempotent registration: the object, and whether this call created it. */
public record Registered<T>(T value, boolean created) {
}
