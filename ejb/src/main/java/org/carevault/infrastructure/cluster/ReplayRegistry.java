package org.carevault.infrastructure.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.carevault.crypto.Sha256;
import org.carevault.infrastructure.persistence.DatabaseProduct;

/**
 * Signed requests already seen, by every node of the cluster: the WS-Security replay cache kept in the shared
 * database, so that a request accepted by one node and replayed to another is refused there. An identifier is
 * recorded atomically by the first node that sees it ({@code ON CONFLICT DO NOTHING} on PostgreSQL; on H2, a
 * single-node database, a conditional insert whose rare race ends in the key's uniqueness, counted as a replay).
 */
@Stateless
public class ReplayRegistry {

    /** One purge of expired identifiers every this many new ones. */
    private static final long PURGE_EVERY = 256;
    private static final AtomicLong RECORDED = new AtomicLong();

    @Resource(lookup = "java:jboss/datasources/CareVaultDS")
    private DataSource dataSource;

    /** Records the identifier until {@code expires}; true the first time, false for a replay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean firstUse(String identifier, Instant expires) {
        String id = Sha256.hex(identifier.getBytes(StandardCharsets.UTF_8));
        boolean postgres = DatabaseProduct.isPostgres(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            if (RECORDED.incrementAndGet() % PURGE_EVERY == 0) {
                purge(connection);
            }
            String insert = postgres
                    ? "INSERT INTO ws_replay (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
                    : "INSERT INTO ws_replay (id, expires_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM ws_replay WHERE id = ?)";
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, id);
                statement.setObject(2, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
                if (!postgres) {
                    statement.setString(3, id);
                }
                return statement.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || e instanceof SQLIntegrityConstraintViolationException) {
                return false;
            }
            throw new IllegalStateException("CV-SYS-002 the replay registry could not be read", e);
        }
    }

    private static void purge(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ws_replay WHERE expires_at < ?")) {
            delete.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }

}
