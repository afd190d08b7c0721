package org.carevault.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Role-restricted probes that integrators call to check their setup: "may this token act as a
 * care provider / as an operator?". They touch no data.
 */
@Path("/probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    private RestCaller restCaller;

    @Operation(summary = "Probe: may this token act as a care provider?",
            description = "For integrators checking their setup: 200 with the role for a physician, pharmacist, nurse or hospital token, 403 otherwise. Touches no data.")
    @GET
    @Path("/care-provider")
    @RolesAllowed({"physician", "pharmacist", "nurse", "hospital"})
    public Map<String, String> careProvider() {
        return Map.of("role", restCaller.current().role().roleName());
    }

    @Operation(summary = "Probe: may this token act as an operator?",
            description = "For integrators checking their setup: 200 for an operator's token, 403 otherwise. Touches no data.")
    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public Map<String, String> admin() {
        return Map.of("role", restCaller.current().role().roleName());
    }
}
