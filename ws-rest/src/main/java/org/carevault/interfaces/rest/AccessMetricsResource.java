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
    public MetricsView metrics() {
        return MetricsView.of(checks.metrics(restCaller.current()));
    }

    /** This node's decision counters, as the API promises them. */
    public record MetricsView(long decisions, double meanDecisionMicros, long cacheHits, double meanCacheHitMicros,
            long databaseLoads, double meanDatabaseLoadMicros) {
        static MetricsView of(AccessMetrics.Snapshot snapshot) {
            return new MetricsView(snapshot.decisions(), snapshot.meanDecisionMicros(), snapshot.cacheHits(),
                    snapshot.meanCacheHitMicros(), snapshot.databaseLoads(), snapshot.meanDatabaseLoadMicros());
        }
    }
}
