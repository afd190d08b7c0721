package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.carevault.application.access.AccessCheckService;
import org.carevault.application.access.AccessMetrics;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /admin/access-metrics}: the decision point's counters since start (operators only). */
@Path("/admin/access-metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessMetricsResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private AccessCheckService checks;

    @Operation(summary = "Decision point counters",
            description = "Operators only: the decision point's counters since this node started: decisions and their mean time, cache hits and database loads.")
    @GET
    public AccessMetrics.Snapshot metrics() {
        return checks.metrics(restCaller.current());
    }
}
