package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.MailboxViews.AcknowledgementView;
import org.carevault.interfaces.rest.MailboxViews.BoxInfoView;
import org.carevault.interfaces.rest.MailboxViews.BoxTrailEntryView;
import org.carevault.interfaces.rest.MailboxViews.BoxTrailView;
import org.carevault.interfaces.rest.MailboxViews.MandateView;
import org.carevault.interfaces.rest.MailboxViews.MessageView;
import org.carevault.interfaces.rest.MailboxViews.OutOfOfficeView;
import org.carevault.interfaces.rest.MailboxViews.SentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's own mailbox (eHealthBox v3 operations): box info, send (the sealed CMS bytes as the
 * body, routing in the query), list, fetch metadata and sealed content, report reading, receipts,
 * move, delete, out-of-office, mandates. Every path is the caller's own box, unless {@code ?box=} names a box
 * whose owner gave the caller a mandate (checked on every call).
 */
@Path("/mailbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private MailboxService mailbox;

    @Context
    private UriInfo uri;

    /** getBoxInfo. */
    @Operation(summary = "Box information (getBoxInfo)",
            description = "The size and number of messages of the caller's box, or of the box named by ?box= whose owner gave the caller a mandate.")
    @GET
    public BoxInfoView info(@QueryParam("box") String box) {
        return BoxInfoView.of(mailbox.boxInfo(restCaller.current(), onBehalfOf(box)));
    }

    /**
     * sendMessage: {@code ?publicationId=…&to=TYPE:ID:QUALITY (repeated)&important=&receipt=received|read
     * (repeated)&patient=<patientRef>&inReplyTo=<message id>}, body the sealed message. 201, or 200 when the publication id was sent before.
     */
    @Operation(summary = "Send a message (sendMessage)",
            description = "The body is the message sealed end to end (CMS) to each recipient's encryption token: the hub never sees the plaintext. Routing in the query: publicationId (the sender's idempotency key), to=TYPE:ID:QUALITY (repeated), important, receipt=received|read (repeated), patient=<patientRef>, inReplyTo. A recipient who is out of office has the message copied to their substitutes. 201, or 200 when the publicationId was sent before.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @APIResponse(responseCode = "200", description = "Sent before with this publicationId: the same message, not sent twice")
    @APIResponse(responseCode = "409", description = "This publicationId was used for another message (CV-MAIL-008)")
    @APIResponse(responseCode = "422", description = "A recipient has no valid encryption token (CV-MAIL-002)")
    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response send(@QueryParam("publicationId") String publicationId, @QueryParam("to") List<String> to,
            @QueryParam("important") @DefaultValue("false") String important, @QueryParam("receipt") List<String> receipts,
            @QueryParam("patient") String patient, @QueryParam("inReplyTo") String inReplyTo, byte[] sealed) {
        Set<String> asked = Set.copyOf(receipts);
        if (!Set.of("received", "read").containsAll(asked)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'receipt' is received or read");
        }
        MailboxService.Sent sent = mailbox.send(restCaller.current(), new MailboxService.Outgoing(publicationId,
                to.stream().map(BoxOwner::parse).toList(), flag("important", important), asked.contains("received"),
                asked.contains("read"), Optional.ofNullable(patient).map(PatientRef::parse),
                Optional.ofNullable(inReplyTo).map(ObjectIds::parse), sealed == null ? new byte[0] : sealed));
        SentView view = SentView.of(sent);
        return sent.repeated() ? Response.ok(view).build()
                : Response.created(uri.getAbsolutePathBuilder().path(view.messageId()).build()).entity(view).build();
    }

    /** getMessagesList. */
    @Operation(summary = "List messages (getMessagesList)",
            description = "The messages of one folder (INBOX, SENTBOX, BININBOX, BINSENTBOX), newest first, metadata only.")
    @GET
    @Path("/messages")
    public List<MessageView> list(@QueryParam("box") String box, @QueryParam("folder") @DefaultValue("INBOX") String folder,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return mailbox.list(restCaller.current(), onBehalfOf(box), JsonInput.parseChoice("folder", folder, Folder.class), offset, limit)
                .stream().map(MessageView::of).toList();
    }

    /** The message's routing data (no receipt). */
    @Operation(summary = "A message's routing data",
            description = "Sender, recipients, dates and flags of one message of the box; not its content, and no receipt.")
    @GET
    @Path("/messages/{id}")
    public MessageView get(@QueryParam("box") String box, @PathParam("id") String id) {
        return MessageView.of(mailbox.message(restCaller.current(), onBehalfOf(box), ObjectIds.parse(id)));
    }

    /** getFullMessage: the sealed bytes (a recipient's first fetch is the RECEIVED receipt). */
    @Operation(summary = "A message's sealed content (getFullMessage)",
            description = "The sealed bytes as sent; a recipient's first fetch records the RECEIVED receipt.")
    @GET
    @Path("/messages/{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] content(@QueryParam("box") String box, @PathParam("id") String id) {
        return mailbox.fetch(restCaller.current(), onBehalfOf(box), ObjectIds.parse(id)).sealed();
    }

    /** The recipient's software unsealed and showed the message: the READ receipt. */
    @Operation(summary = "Mark a message as read",
            description = "The recipient's software unsealed and showed the message: records the READ receipt when the sender asked for it.")
    @APIResponse(responseCode = "204", description = "Marked as read")
    @POST
    @Path("/messages/{id}/read")
    public Response read(@QueryParam("box") String box, @PathParam("id") String id) {
        mailbox.markRead(restCaller.current(), onBehalfOf(box), ObjectIds.parse(id));
        return Response.noContent().build();
    }

    /** getMessageHistory: the conversation, oldest first, as far as the caller's box holds it. */
    @Operation(summary = "A conversation (getMessageHistory)",
            description = "The messages of the conversation this message belongs to, oldest first, as far as the box holds them.")
    @GET
    @Path("/messages/{id}/history")
    public List<MessageView> history(@QueryParam("box") String box, @PathParam("id") String id) {
        return mailbox.history(restCaller.current(), onBehalfOf(box), ObjectIds.parse(id)).stream().map(MessageView::of).toList();
    }

    /** getMessageAcknowledgmentsStatus (the sender only). */
    @Operation(summary = "Receipts of a message (getMessageAcknowledgmentsStatus)",
            description = "For the sender only: per recipient, when the message was received and read.")
    @GET
    @Path("/messages/{id}/acknowledgements")
    public List<AcknowledgementView> acknowledgements(@QueryParam("box") String box, @PathParam("id") String id) {
        UUID message = ObjectIds.parse(id);
        return mailbox.acknowledgements(restCaller.current(), onBehalfOf(box), message).stream()
                .map(ack -> AcknowledgementView.of(message.toString(), ack)).toList();
    }

    /** moveMessage: {@code {"ids": [...], "folder": "BININBOX"}}. */
    @Operation(summary = "Move messages (moveMessage)",
            description = "{\"ids\": [...], \"folder\": \"BININBOX\"}: at most 100 messages of the box to another folder of the same side.")
    @APIResponse(responseCode = "204", description = "Moved")
    @POST
    @Path("/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@QueryParam("box") String box,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Move.class)))
            JsonObject body) {
        JsonInput input = JsonInput.of(body, RequestBodies.fields(RequestBodies.Move.class));
        mailbox.move(restCaller.current(), onBehalfOf(box), ids(body), input.requiredChoice("folder", Folder.class));
        return Response.noContent().build();
    }

    /** deleteMessage: {@code {"ids": [...]}} (to the bin; from the bin, gone). */
    @Operation(summary = "Delete messages (deleteMessage)",
            description = "{\"ids\": [...]}: to the bin; from the bin, gone for good.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @POST
    @Path("/deletions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@QueryParam("box") String box,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Deletion.class)))
            JsonObject body) {
        JsonInput.of(body, RequestBodies.fields(RequestBodies.Deletion.class));
        mailbox.delete(restCaller.current(), onBehalfOf(box), ids(body));
        return Response.noContent().build();
    }

    /** getOoOList. */
    @Operation(summary = "List one's out-of-office periods (getOoOList)",
            description = "The caller's periods of absence and their substitutes.")
    @GET
    @Path("/out-of-office")
    public List<OutOfOfficeView> absences() {
        return mailbox.outOfOffice(restCaller.current()).stream().map(OutOfOfficeView::of).toList();
    }

    /** insertOoO: {@code {"from": "…", "until": "…", "substitutes": ["TYPE:ID:QUALITY", …]}}. */
    @Operation(summary = "Declare an absence (insertOoO)",
            description = "{\"from\": \"…\", \"until\": \"…\", \"substitutes\": [\"TYPE:ID:QUALITY\", …]}: during the period, messages to the caller are also delivered to the substitutes (at most 5).")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Path("/out-of-office")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response insertAbsence(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Absence.class)))
            JsonObject body) {
        JsonInput input = JsonInput.of(body, RequestBodies.fields(RequestBodies.Absence.class));
        List<BoxOwner> substitutes = new ArrayList<>();
        for (String text : strings(body, "substitutes", 5)) {
            substitutes.add(BoxOwner.parse(text));
        }
        OutOfOfficeView view = OutOfOfficeView.of(mailbox.insertOutOfOffice(restCaller.current(),
                input.instant("from").orElse(null), input.instant("until").orElse(null), substitutes));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    /** deleteOoO. */
    @Operation(summary = "Delete an absence (deleteOoO)",
            description = "Ends forwarding to the substitutes for that period.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("/out-of-office/{id}")
    public Response deleteAbsence(@PathParam("id") String id) {
        mailbox.deleteOutOfOffice(restCaller.current(), ObjectIds.parse(id));
        return Response.noContent().build();
    }

    /** Who used or tried to use the caller's box: {@code GET /mailbox/audit-trail?before=&limit=}. */
    @Operation(summary = "The box's audit trail",
            description = "Who used or tried to use the caller's box: every use by a mandatee (basis MANDATE) and every refused attempt (NOT_MANDATED, ROLE_NOT_ALLOWED), newest first, with who, when, channel and operation. The owner's own uses are not recorded. A full page names nextBefore: ask the next page with before=nextBefore. limit is at most 500.")
    @GET
    @Path("/audit-trail")
    public BoxTrailView trail(@QueryParam("before") String before, @QueryParam("limit") @DefaultValue("100") int limit) {
        Caller caller = restCaller.current();
        Optional<Long> cursor = AuditTrailResource.cursor(before);
        List<BoxTrailEntryView> entries = mailbox.boxTrail(caller, cursor, limit).stream().map(BoxTrailEntryView::of).toList();
        int pageSize = Math.max(1, Math.min(MailboxService.MAX_TRAIL_PAGE, limit));
        Long nextBefore = entries.size() == pageSize ? entries.get(entries.size() - 1).seq() : null;
        return new BoxTrailView(BoxOwner.of(caller).written(), cursor.orElse(null), nextBefore, entries);
    }

    /** Mandates: {@code GET} (granted by this box, and held by the caller), {@code POST {"mandatee": {"type", "id"}}}. */
    @Operation(summary = "List mandates",
            description = "The mandates this box granted, and those the caller holds for other boxes.")
    @GET
    @Path("/mandates")
    public List<MandateView> mandates() {
        return mailbox.mandates(restCaller.current()).stream().map(MandateView::of).toList();
    }

    @Operation(summary = "Grant a mandate",
            description = "{\"mandatee\": {\"type\": \"SSIN\"|\"NIHII\", \"id\": \"…\"}}: the mandatee may then consult this box with ?box=.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Path("/mandates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grantMandate(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Mandate.class)))
            JsonObject body) {
        JsonInput mandatee = JsonInput.of(body, RequestBodies.fields(RequestBodies.Mandate.class)).object("mandatee", RequestBodies.fields(RequestBodies.Party.class))
                .orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID, "'mandatee' is required"));
        MandateView view = MandateView.of(mailbox.grantMandate(restCaller.current(),
                Parties.of(mandatee)));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @Operation(summary = "Revoke a mandate",
            description = "By the box owner; the mandatee's next call for the box is refused.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/mandates/{id}")
    public Response revokeMandate(@PathParam("id") String id) {
        mailbox.revokeMandate(restCaller.current(), ObjectIds.parse(id));
        return Response.noContent().build();
    }

    /** The box to consult: the caller's own unless {@code ?box=TYPE:ID:QUALITY} names one it holds a mandate for. */
    private static Optional<BoxOwner> onBehalfOf(String box) {
        return Optional.ofNullable(box).map(BoxOwner::parse);
    }

    private static List<UUID> ids(JsonObject body) {
        List<UUID> ids = new ArrayList<>();
        for (String text : strings(body, "ids", MailboxService.MAX_IDS)) {
            ids.add(ObjectIds.parse(text));
        }
        return ids;
    }

    /** A JSON array of strings, refused beyond {@code max} entries (TOO_MANY_IDS for ids). */
    private static List<String> strings(JsonObject body, String field, int max) {
        JsonValue value = body == null ? null : body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be an array of strings");
        }
        if (array.size() > max) {
            throw new CareVaultException("ids".equals(field) ? ErrorCode.TOO_MANY_IDS : ErrorCode.REQUEST_INVALID,
                    "At most " + max + " entries in '" + field + "'");
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + field + "' must be an array of strings");
            }
            texts.add(text.getString());
        }
        return texts;
    }

    private static boolean flag(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + name + "' is true or false");
        };
    }
}
