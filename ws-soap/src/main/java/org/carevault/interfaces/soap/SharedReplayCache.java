package org.carevault.interfaces.soap;

import java.time.Duration;
import java.time.Instant;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.apache.wss4j.common.cache.ReplayCache;
import org.carevault.infrastructure.cluster.ReplayRegistry;

/**
 * WSS4J's replay cache kept in the hub's database, shared by every node of a cluster ({@link ReplayRegistry}):
 * CXF's own cache lives in one JVM, so a signed request accepted by one node could be replayed to another.
 * WSS4J asks {@link #contains} and, when false, calls {@link #add} for the same identifier; {@code contains} records
 * the identifier in the same atomic step, so two nodes asked at once cannot both answer "not seen".
 */
final class SharedReplayCache implements ReplayCache {

    /** How long an identifier is kept: past the timestamp's 300 s time to live and 60 s of clock skew ahead. */
    static final Duration KEPT = Duration.ofMinutes(10);

    static final SharedReplayCache INSTANCE = new SharedReplayCache();

    private volatile ReplayRegistry registry;

    private SharedReplayCache() {
    }

    @Override
    public boolean contains(String identifier) {
        return !registry().firstUse(identifier, Instant.now().plus(KEPT));
    }

    @Override
    public void add(String identifier) {
        // Recorded by contains(), which WSS4J always asks first.
    }

    @Override
    public void add(String identifier, Instant expiry) {
        // Recorded by contains(), for longer than any request's own expiry.
    }

    @Override
    public void close() {
        // The registry belongs to the application, not to an endpoint.
    }

    private ReplayRegistry registry() {
        ReplayRegistry found = registry;
        if (found == null) {
            try {
                found = (ReplayRegistry) new InitialContext().lookup(
                        "java:global/carevault/ejb/ReplayRegistry!" + ReplayRegistry.class.getName());
            } catch (NamingException e) {
                throw new IllegalStateException("CV-SYS-002 the replay registry is not available", e);
            }
            registry = found;
        }
        return found;
    }
}
