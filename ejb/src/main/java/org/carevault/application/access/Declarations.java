package org.carevault.application.access;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;

/**
 * Reads and checks the access declarations of the application services ({@link Checked}, {@link NoPatientData},
 * {@link OfBox}). An application service is a session bean of {@code org.carevault.application} with a public method
 * that takes a {@link Caller}: every public method it declares must say what it touches, and the declaration must fit
 * the method (one caller, the patient's parameter marked, no patient taken by a method that says it touches none…).
 * {@link AccessDeclarations} runs {@link #problems} over every bean when the application deploys; {@link DecisionPoint}
 * reads {@link #of} on every call (cached per method).
 */
public final class Declarations {

    private static final String APPLICATION = "org.carevault.application.";
    private static final ConcurrentMap<Method, Declared> CACHE = new ConcurrentHashMap<>();

    private Declarations() {
    }

    /** What a method declares. */
    public sealed interface Declared permits Decided, Free, BoxCall, Undeclared {
    }

    /** Decided before it runs: the intent's parts and where the call's arguments hold the rest. */
    public record Decided(String action, Optional<DataType> data, Optional<Operation> operation, boolean withdrawal,
            boolean strongAuthentication, boolean callersOwnRecord, int caller, int patient, int reason, int dataParameter, int operationParameter)
            implements Declared {

        /** The intent of one call. */
        public Intent intent(Object[] arguments) {
            DataType type = data.orElseGet(() -> (DataType) arguments[dataParameter]);
            Operation op = operation.orElseGet(() -> (Operation) arguments[operationParameter]);
            @SuppressWarnings("unchecked")
            Optional<String> given = reason < 0 ? Optional.empty() : (Optional<String>) arguments[reason];
            return new Intent(action, type, op, given == null ? Optional.empty() : given, withdrawal, strongAuthentication);
        }

        public Optional<PatientRef> patient(Object[] arguments) {
            return patient < 0 ? Optional.empty() : Optional.ofNullable((PatientRef) arguments[patient]);
        }
    }

    /** Touches no patient's data, for the reason given. */
    public record Free(String reason) implements Declared {
    }

    /** A mailbox operation on the caller's box or a mandated one. */
    public record BoxCall(String action, Operation operation, int caller, int box) implements Declared {
    }

    /** Not a service method (an internal bean's, or a method of the container). */
    public record Undeclared() implements Declared {
    }

    private static final Undeclared UNDECLARED = new Undeclared();

    /** The declaration of a method, as the decision point applies it. */
    public static Declared of(Method method) {
        return CACHE.computeIfAbsent(method, Declarations::read);
    }

    private static Declared read(Method method) {
        Checked checked = method.getAnnotation(Checked.class);
        if (checked != null) {
            return new Decided(checked.action(), one(checked.data()), one(checked.operation()), checked.withdrawal(),
                    checked.strongAuthentication(), checked.callersOwnRecord(), index(method, Caller.class), marked(method, OfPatient.class),
                    marked(method, BreakTheGlassReason.class), index(method, DataType.class), index(method, Operation.class));
        }
        NoPatientData free = method.getAnnotation(NoPatientData.class);
        if (free != null) {
            return new Free(free.value());
        }
        OfBox box = method.getAnnotation(OfBox.class);
        if (box != null) {
            return new BoxCall(box.value(), box.operation(), index(method, Caller.class), marked(method, OfBox.Box.class));
        }
        return UNDECLARED;
    }

    /** Whether the class is an application service: a session bean of the application taking callers. */
    public static boolean isService(Class<?> type) {
        boolean sessionBean = type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class);
        return sessionBean && type.getName().startsWith(APPLICATION)
                && businessMethods(type).stream().anyMatch(m -> index(m, Caller.class) >= 0);
    }

    /** What is wrong with the declarations of a service class; empty when all is well (or it is no service). */
    public static List<String> problems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        if (!isService(type)) {
            return problems;
        }
        for (Method method : businessMethods(type)) {
            String name = type.getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName).toList().toString().replace('[', '(').replace(']', ')');
            check(method).forEach(problem -> problems.add(name + ": " + problem));
        }
        return problems;
    }

    private static List<String> check(Method method) {
        List<String> problems = new ArrayList<>();
        int declarations = (method.isAnnotationPresent(Checked.class) ? 1 : 0)
                + (method.isAnnotationPresent(NoPatientData.class) ? 1 : 0) + (method.isAnnotationPresent(OfBox.class) ? 1 : 0);
        if (declarations != 1) {
            problems.add(declarations == 0 ? "declares no access (@Checked, @OfBox or @NoPatientData)"
                    : "declares its access more than once");
            return problems;
        }
        int patients = countMarked(method, OfPatient.class);
        int reasons = countMarked(method, BreakTheGlassReason.class);
        int boxes = countMarked(method, OfBox.Box.class);
        boolean takesPatient = Arrays.stream(method.getParameterTypes()).anyMatch(PatientRef.class::equals);
        Checked checked = method.getAnnotation(Checked.class);
        if (checked != null) {
            if (count(method, Caller.class) != 1) {
                problems.add("a checked method takes exactly one Caller");
            }
            if (checked.action().isBlank()) {
                problems.add("names no action");
            }
            if (checked.data().length > 1 || checked.data().length == 0 && count(method, DataType.class) != 1) {
                problems.add("names one data type, or takes exactly one DataType parameter");
            }
            if (checked.operation().length > 1 || checked.operation().length == 0 && count(method, Operation.class) != 1) {
                problems.add("names one operation, or takes exactly one Operation parameter");
            }
            if (checked.callersOwnRecord() ? patients != 0 : patients > 1) {
                problems.add(checked.callersOwnRecord() ? "is about the caller's own record and marks a patient too"
                        : "marks more than one patient");
            }
            if (takesPatient && patients == 0) {
                problems.add("takes a PatientRef that is not marked @OfPatient: its patient would not be decided");
            }
            markedOfType(method, OfPatient.class, PatientRef.class, problems);
            markedOfType(method, BreakTheGlassReason.class, Optional.class, problems);
            if (reasons > 1) {
                problems.add("marks more than one break-the-glass reason");
            }
            if (boxes > 0) {
                problems.add("marks a box: a mailbox operation is declared with @OfBox");
            }
        } else if (method.isAnnotationPresent(NoPatientData.class)) {
            if (method.getAnnotation(NoPatientData.class).value().isBlank()) {
                problems.add("says it touches no patient data without saying why");
            }
            if (takesPatient || patients + reasons + boxes > 0) {
                problems.add("says it touches no patient data but takes a patient, a reason or a box");
            }
        } else {
            if (count(method, Caller.class) != 1) {
                problems.add("a mailbox operation takes exactly one Caller");
            }
            if (boxes > 1) {
                problems.add("marks more than one box");
            }
            markedOfType(method, OfBox.Box.class, Optional.class, problems);
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(OfBox.Box.class)
                        && parameter.getParameterizedType() instanceof ParameterizedType optional
                        && !(optional.getActualTypeArguments()[0] instanceof Class<?> named
                                && NamesBox.class.isAssignableFrom(named))) {
                    problems.add("marks a box that does not name one (an Optional of a NamesBox is expected)");
                }
            }
            if (method.getAnnotation(OfBox.class).value().isBlank()) {
                problems.add("names no operation");
            }
            if (takesPatient || patients + reasons > 0) {
                problems.add("a mailbox operation names its patient in the message, not as a parameter");
            }
        }
        return problems;
    }

    private static void markedOfType(Method method, Class<? extends Annotation> mark, Class<?> type,
            List<String> problems) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(mark) && !parameter.getType().equals(type)) {
                problems.add("marks a " + parameter.getType().getSimpleName() + " @" + mark.getSimpleName()
                        + " (a " + type.getSimpleName() + " is expected)");
            }
            if (parameter.isAnnotationPresent(mark) && type == Optional.class
                    && !(parameter.getParameterizedType() instanceof ParameterizedType)) {
                problems.add("marks a raw Optional @" + mark.getSimpleName());
            }
        }
    }

    /** The public methods a client can call: declared by the class itself (services do not inherit business methods). */
    static List<Method> businessMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge())
                .toList();
    }

    private static Optional<DataType> one(DataType[] values) {
        return values.length == 1 ? Optional.of(values[0]) : Optional.empty();
    }

    private static Optional<Operation> one(Operation[] values) {
        return values.length == 1 ? Optional.of(values[0]) : Optional.empty();
    }

    private static int index(Method method, Class<?> type) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(Method method, Class<?> type) {
        return (int) Arrays.stream(method.getParameterTypes()).filter(type::equals).count();
    }

    private static int marked(Method method, Class<? extends Annotation> mark) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(mark)) {
                return i;
            }
        }
        return -1;
    }

    private static int countMarked(Method method, Class<? extends Annotation> mark) {
        return (int) Arrays.stream(method.getParameters()).filter(p -> p.isAnnotationPresent(mark)).count();
    }
}
