package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.List;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.EtkDirectory;
import org.carevault.application.mailbox.HubEncryption;

import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.interfaces.rest.MailboxViews.EtkView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The key directory: {@code POST} the caller's encryption token (the token's DER bytes, 201),
 * {@code GET ?box=TYPE:ID:QUALITY} the tokens usable now (GetEtk), {@code GET /hub} the hub's own token,
 * {@code DELETE /{id}} one's own token.
 */
@Path("/etks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EtkResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private EtkDirectory directory;

    @EJB
    private HubEncryption hub;

    @Context
    private UriInfo uri;

    @Operation(summary = "Publish one's encryption token",
            description = "The body is the DER bytes of the caller's encryption token (ETK): a certificate of the caller's own identity, valid now. 201 with its id; senders seal messages to it.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response publish(byte[] token) {
        EtkView view = EtkView.of(directory.publish(restCaller.current(), token == null ? new byte[0] : token));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @Operation(summary = "Find a box's encryption tokens (GetEtk)",
            description = "The tokens usable now for the box named by ?box=TYPE:ID:QUALITY, so that a sender can seal a message the hub cannot read.")
    @GET
    public List<EtkView> lookup(@Parameter(required = true, description = "The box (its owner) whose encryption tokens are wanted")
            @QueryParam("box") String box) {
        restCaller.current();
        if (box == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'box' is required");
        }
        return directory.lookup(BoxOwner.parse(box)).stream().map(EtkView::of).toList();
    }

    /** The hub's own token, as the key directory publishes it: under the hub's identifier. */
    public record HubEtkView(String type, String value, String application, String token) {
    }

    @Operation(summary = "The hub's own encryption token",
            description = "What software seals to the hub (IntraHub's Base64EncryptedData) is sealed to this token: the hub's"
                    + " encryption certificate signed by the hub's key, published under the hub's identifier (type, value,"
                    + " application, as eHealth names hubs). 404 when this hub has no encryption key.")
    @GET
    @Path("/hub")
    public HubEtkView hub() {
        restCaller.current();
        HubEncryption.Identifier id = hub.identifier();
        return hub.token().map(token -> new HubEtkView(id.type(), id.value(), id.application(),
                Base64.getEncoder().encodeToString(token))).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
    }

    @Operation(summary = "Revoke one's encryption token",
            description = "Only the token's owner; the token is no longer given to senders.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        directory.revoke(restCaller.current(), ObjectIds.parse(id));
        return Response.noContent().build();
    }
}
