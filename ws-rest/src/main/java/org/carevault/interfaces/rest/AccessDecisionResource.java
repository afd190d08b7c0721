package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.carevault.application.access.AccessCheckService;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.PatientViews.DecisionView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * CheckAccess: {@code POST /patients/{patientRef}/access-decisions} with
 * {@code {"dataType": "MEDICATION_SCHEME", "operation": "READ"}} and, for break-the-glass, the header
 * {@code X-Break-The-Glass: <reason>}. 200 with the permit, or the refusal as a coded problem.
 */
@Path("/patients/{patientRef}/access-decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessDecisionResource {

    /** The break-the-glass header, accepted on every data request. */
    public static final String BREAK_THE_GLASS = "X-Break-The-Glass";

    @Inject
    private RestCaller restCaller;

    @EJB
    private AccessCheckService checks;

    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Check access (CheckAccess)",
            description = "Asks the decision point whether the caller may perform an operation on a data type of this patient, without touching the data: 200 with the permit and its basis, or the refusal as a coded problem. With X-Break-The-Glass: <reason> (10 to 200 characters) the check is an emergency access. Every decision, refusals too, is written to the patient's audit trail.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionView check(@PathParam("patientRef") String patientRef,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.AccessCheck.class)))
            JsonObject body,
            @HeaderParam(BREAK_THE_GLASS) String breakTheGlass) {
        PatientRef patient = PatientRef.parse(patientRef);
        JsonInput input = JsonInput.of(body, RequestBodies.fields(RequestBodies.AccessCheck.class));
        return DecisionView.of(checks.check(restCaller.current(), patient, input.requiredChoice("dataType", DataType.class),
                input.requiredChoice("operation", Operation.class), Optional.ofNullable(breakTheGlass)));
    }
}
