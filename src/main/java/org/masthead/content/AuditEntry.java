package org.masthead.content;

import java.time.Instant;

/** One line of the audit log: who (a staff member, an integration, the importer…) did what to which article. */
public record AuditEntry(long id, Instant at, String actorName, String action, Long articleId, String headline,
                         String detail) {
}
