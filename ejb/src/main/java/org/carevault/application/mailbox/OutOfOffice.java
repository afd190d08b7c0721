package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** An absence of a box's owner, with up to five substitutes named to senders. */
@Entity
@Table(name = "mail_out_of_office")
public class OutOfOffice {

    public static final int MAX_SUBSTITUTES = 5;

    @Id
    private UUID id;

    @Embedded
    private BoxColumns owner;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "substitutes", nullable = false)
    private String substitutes;

    protected OutOfOffice() {
        // for JPA
    }

    OutOfOffice(BoxOwner owner, Instant startsAt, Instant endsAt, List<BoxOwner> substitutes) {
        this.id = UUID.randomUUID();
        this.owner = BoxColumns.of(owner);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.substitutes = substitutes.stream().map(BoxOwner::written).collect(Collectors.joining(" "));
    }

    public UUID id() {
        return id;
    }

    public BoxOwner owner() {
        return owner.box();
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public List<BoxOwner> substitutes() {
        return substitutes.isEmpty() ? List.of() : Arrays.stream(substitutes.split(" ")).map(BoxOwner::parse).toList();
    }

    boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
