package org.carevault.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The baseline of the vault's read benchmark: the same server, the same JAX-RS stack, the same bytes,
 * and nothing else (no token, no decision, no audit, no database, no decryption). Deployed only by
 * {@code bin/bench-vault}, beside the EAR of the test stack, never with the hub.
 */
@Path("/bare")
public class BareEndpoint {

    private static volatile byte[] body = new byte[0];

    /** Whole application of the baseline WAR. */
    @ApplicationPath("/")
    public static class BenchApplication extends Application {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_XML)
    public void set(byte[] bytes) {
        body = bytes;
    }

    @GET
    @Produces(MediaType.APPLICATION_XML)
    public byte[] get() {
        return body;
    }
}
