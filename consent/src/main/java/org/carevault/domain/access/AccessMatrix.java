package org.carevault.domain.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.carevault.domain.Role;

/**
 * Role × data type → allowed operations, declared in one place ({@code access-matrix.properties}
 * beside this class) and overridable entry by entry. What is not declared is refused.
 */
public final class AccessMatrix {

    private final Map<Role, Map<DataType, Set<Operation>>> allowed;

    private AccessMatrix(Map<Role, Map<DataType, Set<Operation>>> allowed) {
        this.allowed = allowed;
    }

    public static AccessMatrix defaults() {
        return of(new Properties());
    }

    /** The defaults with the given entries replacing theirs; an unknown role, type or operation is an error. */
    public static AccessMatrix of(Properties overrides) {
        Properties merged = new Properties();
        try (InputStream in = AccessMatrix.class.getResourceAsStream("access-matrix.properties")) {
            merged.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        merged.putAll(overrides);
        Map<Role, Map<DataType, Set<Operation>>> allowed = new EnumMap<>(Role.class);
        for (String key : merged.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("access matrix entry must be <role>.<DATA_TYPE>: " + key);
            }
            Role role = Role.fromName(key.substring(0, dot))
                    .orElseThrow(() -> new IllegalArgumentException("unknown role in access matrix: " + key));
            DataType type = DataType.valueOf(key.substring(dot + 1).toUpperCase(Locale.ROOT));
            allowed.computeIfAbsent(role, r -> new EnumMap<>(DataType.class)).put(type, operations(merged.getProperty(key)));
        }
        return new AccessMatrix(allowed);
    }

    private static Set<Operation> operations(String text) {
        return switch (text.strip()) {
            case "r" -> EnumSet.of(Operation.READ);
            case "w" -> EnumSet.of(Operation.WRITE);
            case "rw" -> EnumSet.of(Operation.READ, Operation.WRITE);
            case "-", "" -> EnumSet.noneOf(Operation.class);
            default -> throw new IllegalArgumentException("access matrix operations must be r, w, rw or -: " + text);
        };
    }

    public boolean allows(Role role, DataType type, Operation operation) {
        return allowed.getOrDefault(role, Map.of()).getOrDefault(type, Set.of()).contains(operation);
    }
}
