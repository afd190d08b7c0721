package org.carevault.interfaces.rest;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.LinkKind;
import org.carevault.domain.consent.ProofType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON request bodies of the API, declared once: their components are the only fields {@link JsonInput} accepts
 * (an unknown field is refused), and the OpenAPI document shows them, with their types and enumerations, through
 * {@code @RequestBody(… @Schema(implementation = …))} on each operation. Never instantiated: the bodies are read as
 * JSON and checked field by field.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** Each body's field names, read from its record once (not on every request). */
    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> body) {
            return Arrays.stream(body.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    /** The field names of a body. */
    static Set<String> fields(Class<? extends Record> body) {
        return FIELDS.get(body);
    }

    @Schema(description = "A professional (SSIN) or an organisation (NIHII)")
    record Party(@Schema(required = true, enumeration = {"SSIN", "NIHII"}) String type, @Schema(required = true) String id) {
    }

    @Schema(description = "The patient to resolve to a patientRef")
    record Resolve(@Schema(required = true, description = "The patient's SSIN, 11 digits with valid check digits") String ssin) {
    }

    @Schema(description = "What the caller asks to do; the answer is the real decision, and it is recorded")
    record AccessCheck(@Schema(required = true) DataType dataType, @Schema(required = true) Operation operation) {
    }

    @Schema(description = "Registering the patient's informed consent; a professional states the proof of the patient's presence")
    record Consent(ProofType proof) {
    }

    @Schema(description = "A therapeutic relationship (or its renewal)")
    record Link(@Schema(required = true) LinkKind kind, @Schema(required = true) ProofType proof,
            @Schema(description = "Whose relationship; the caller when absent") Party party, Role role, Instant start, Instant end) {
    }

    @Schema(description = "A care provider the patient excludes from all their data")
    record Exclusion(@Schema(required = true) Party party) {
    }

    @Schema(description = "A proxy appointed by the patient")
    record Proxy(@Schema(required = true) String ssin, @Schema(required = true) String name, String patientName, Instant until) {
    }

    @Schema(description = "Messages to move (moveMessage)")
    record Move(@Schema(required = true, maxItems = 100) List<String> ids, @Schema(required = true) Folder folder) {
    }

    @Schema(description = "Messages to delete (deleteMessage)")
    record Deletion(@Schema(required = true, maxItems = 100) List<String> ids) {
    }

    @Schema(description = "An absence, with up to 5 substitute boxes (TYPE:ID:QUALITY)")
    record Absence(Instant from, Instant until, @Schema(maxItems = 5) List<String> substitutes) {
    }

    @Schema(description = "A mandate to consult the caller's box")
    record Mandate(@Schema(required = true) Party mandatee) {
    }

    @Schema(description = "The caller's preferences")
    record Preferences(@Schema(required = true, enumeration = {"nl", "fr", "de", "en"}) String language) {
    }
}
