package org.carevault.domain.consent;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** The kind of a therapeutic relationship, which sets how long it lasts unless an earlier end is given. */
public enum LinkKind {
    /** The patient's regular GP or pharmacist. */
    REGULAR(Period.ofMonths(15)),
    /** A one-off consultation. */
    OCCASIONAL(Period.ofMonths(3)),
    /** An emergency. */
    EMERGENCY(Period.ofMonths(1)),
    /** A stay in hospital. */
    HOSPITALISATION(Period.ofMonths(3));

    private final Period duration;

    LinkKind(Period duration) {
        this.duration = duration;
    }

    /** The latest end for a relationship starting at {@code start}. */
    public Instant maximumEnd(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(duration).toInstant();
    }
}
