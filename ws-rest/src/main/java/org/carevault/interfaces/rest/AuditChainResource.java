package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.carevault.application.trail.AuditChainService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /admin/audit-chain}: the operator's verification of the whole audit chain,
 * {@code {"intact": true}} or {@code {"intact": false, "firstAlteredEntry": n}}. Used by
 * {@code bin/verify-audit}.
 */
@Path("/admin/audit-chain")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditChainResource {

    /** The result of a verification. */
    public record Verification(boolean intact, Long firstAlteredEntry) {
    }

    @Inject
    private RestCaller restCaller;

    @EJB
    private AuditChainService chain;

    @Operation(summary = "Verify the audit trail",
            description = "Operators only: checks every audit chain (links, positions, heads, anchors) and answers intact, or the lowest sequence number that can no longer be trusted.")
    @GET
    public Verification verify() {
        Optional<Long> broken = chain.verify(restCaller.current());
        return new Verification(broken.isEmpty(), broken.orElse(null));
    }
}
