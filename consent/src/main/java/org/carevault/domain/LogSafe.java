package org.carevault.domain;

/**
 * Describes an error for the server log without the data it may quote. Exception messages from
 * databases and security libraries can carry an SSIN, a NIHII or stored values; every run of
 * eight or more digits is masked, and the stack is given as frames only (frames hold no data).
 */
public final class LogSafe {

    private static final int MAX_FRAMES = 12;

    private LogSafe() {
    }

    /** The text with every run of 8+ digits replaced by {@code [number]}. */
    public static String mask(String text) {
        return text == null ? null : text.replaceAll("\\d{8,}", "[number]");
    }

    /** Class, masked message and the first frames of the error and of each cause. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            out.append(cause == error ? "" : "\n  caused by ").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                out.append(": ").append(mask(cause.getMessage()));
            }
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
                out.append("\n    at ").append(frames[i]);
            }
        }
        return out.toString();
    }
}
