package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.carevault.domain.Role;

/**
 * A box as stored (identifier type, identifier, quality), embedded wherever a row names a box, and
 * compared as one value in queries ({@code where e.owner = :box}).
 */
@Embeddable
public class BoxColumns {

    @Column(name = "owner_type", nullable = false)
    private String type;

    @Column(name = "owner_id", nullable = false)
    private String id;

    @Column(name = "quality", nullable = false)
    private String quality;

    protected BoxColumns() {
        // for JPA
    }

    public static BoxColumns of(BoxOwner box) {
        BoxColumns columns = new BoxColumns();
        columns.type = box.type();
        columns.id = box.id();
        columns.quality = box.quality().name();
        return columns;
    }

    public BoxOwner box() {
        return new BoxOwner(type, id, Role.valueOf(quality));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoxColumns columns && columns.type.equals(type) && columns.id.equals(id)
                && columns.quality.equals(quality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, quality);
    }
}
