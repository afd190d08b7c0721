package org.carevault.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * Strict reading of a JSON request body: only the declared fields, each of the declared type. The
 * errors name the field, never the value received.
 */
final class JsonInput {

    private final JsonObject body;

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    static JsonInput of(JsonObject body, Set<String> allowed) {
        if (body == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A JSON object is required");
        }
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Unknown field '" + safeName(field) + "'");
            }
        }
        return new JsonInput(body);
    }

    /** An empty object when the body is absent, for operations whose fields are all optional. */
    static JsonInput orEmpty(JsonObject body, Set<String> allowed) {
        return of(body == null ? JsonValue.EMPTY_JSON_OBJECT : body, allowed);
    }

    Optional<String> text(String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be a string");
        }
        return Optional.of(text.getString());
    }

    String requiredText(String field) {
        return text(field).orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' is required"));
    }

    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return text(field).map(value -> parseChoice(field, value, type));
    }

    <E extends Enum<E>> E requiredChoice(String field, Class<E> type) {
        return parseChoice(field, requiredText(field), type);
    }

    Optional<Instant> instant(String field) {
        return text(field).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be an RFC 3339 UTC time");
            }
        });
    }

    Optional<JsonInput> object(String field, Set<String> allowed) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be an object");
        }
        return Optional.of(of(value.asJsonObject(), allowed));
    }

    static <E extends Enum<E>> E parseChoice(String field, String value, Class<E> type) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    /** A field name as sent, shown only if it is a plain identifier (so no data can be echoed through it). */
    private static String safeName(String field) {
        return field.matches("[A-Za-z][A-Za-z0-9_-]{0,39}") ? field : "?";
    }
}
