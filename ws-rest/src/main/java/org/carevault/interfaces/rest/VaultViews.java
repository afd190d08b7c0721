package org.carevault.interfaces.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.PushedDocuments;
import org.carevault.application.vault.SumehrService;

/**
 * The vault's JSON answers, as the REST API promises them (the KMEHR itself is sent as it is): the service's records can
 * change without changing the API.
 */
public final class VaultViews {

    private VaultViews() {
    }

    /** GetLatestUpdate: the current version (0: none yet) and when it was written. */
    public record LatestUpdateView(long version, Instant updatedAt) {
        static LatestUpdateView of(MedicationSchemeService.LatestUpdate latest) {
            return new LatestUpdateView(latest.version(), latest.updatedAt());
        }
    }

    /** One version of the medication scheme: when, by whom, through which channel. */
    public record VersionView(long version, Instant at, String authorType, String authorId, String authorRole,
            String channel) {
        static VersionView of(MedicationSchemeService.VersionInfo info) {
            return new VersionView(info.version(), info.at(), info.authorType(), info.authorId(), info.authorRole(),
                    info.channel());
        }
    }

    /** The medication lines added, changed and removed between two versions (by vault id). */
    public record DiffView(long from, long to, List<String> added, List<String> changed, List<String> removed) {
        static DiffView of(MedicationSchemeService.Diff diff) {
            return new DiffView(diff.from(), diff.to(), ids(diff.added()), ids(diff.changed()), ids(diff.removed()));
        }

        private static List<String> ids(List<UUID> ids) {
            return ids.stream().map(UUID::toString).toList();
        }
    }

    /** A pushed document's metadata (a Sumehr, a vaccination): its id, author, when it was pushed, the document's own date, ACTIVE or REVOKED, latest. */
    public record DocumentView(String id, String authorType, String authorId, String authorRole, Instant submittedAt,
            String documentDate, String status, boolean latest) {
        static DocumentView of(PushedDocuments.Entry entry) {
            return new DocumentView(entry.id().toString(), entry.authorType(), entry.authorId(), entry.authorRole(),
                    entry.submittedAt(), entry.documentDate(), entry.status(), entry.latest());
        }
    }
}
